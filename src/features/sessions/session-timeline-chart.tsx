// A session's calls over time: stacked bars of successful calls and errors (errors in the chart palette's
// error colour), coloured from Cloudscape tokens resolved for the current mode.
import Box from '@cloudscape-design/components/box';
import {
  colorChartsLineGrid,
  colorChartsPaletteCategorical1,
  colorChartsStatusHigh,
  colorTextBodySecondary,
  fontSizeBodyS,
} from '@cloudscape-design/design-tokens';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useChartTokens } from '@/components/chart-tokens';
import { formatEventTime } from '@/components/format-time';
import { useSettings } from '@/components/settings';
import type { TimelineBucket } from './timeline-series';

const DAY = 86_400_000;

export function SessionTimelineChart({ buckets }: { buckets: TimelineBucket[] }) {
  const { settings } = useSettings();
  const colors = useChartTokens({
    grid: colorChartsLineGrid,
    calls: colorChartsPaletteCategorical1,
    errors: colorChartsStatusHigh,
    text: colorTextBodySecondary,
    fontSize: fontSizeBodyS,
  });
  const span = (buckets.at(-1)?.end ?? 0) - (buckets[0]?.start ?? 0);
  const label = (start: number) => {
    const text = formatEventTime(start, settings.timeDisplay); // `2026-11-21, 14:03:07 (UTC)`
    return span >= 2 * DAY ? text.slice(5, 17) : text.slice(12, 17);
  };
  const data = buckets.map((bucket) => ({ ...bucket, label: label(bucket.start) }));
  const errors = buckets.reduce((n, b) => n + b.errors, 0);
  const calls = buckets.reduce((n, b) => n + b.calls, 0);
  return (
    <figure aria-label="Calls of this session over time" style={{ margin: 0 }}>
      <ResponsiveContainer width="100%" height={180}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap={1}>
          <CartesianGrid vertical={false} stroke={colors.grid} />
          <XAxis dataKey="label" tick={{ fill: colors.text, fontSize: colors.fontSize }} minTickGap={24} />
          <YAxis allowDecimals={false} width={40} tick={{ fill: colors.text, fontSize: colors.fontSize }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: colors.fontSize }} />
          <Bar dataKey="calls" name="Calls" stackId="a" fill={colors.calls} isAnimationActive={false} />
          <Bar dataKey="errors" name="Errors" stackId="a" fill={colors.errors} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      <figcaption>
        <Box variant="small" color="text-body-secondary">
          {calls} successful calls and {errors} errors in the timeline below, per{' '}
          {buckets[0] ? `${Math.round((buckets[0].end - buckets[0].start) / 60_000)} minutes` : 'minute'}.
        </Box>
      </figcaption>
    </figure>
  );
}
