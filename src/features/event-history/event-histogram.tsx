// The result set over time (Recharts, loaded with React.lazy so it stays out of the page's first chunk).
// Dragging across bars, or clicking one, narrows the time range to that span.
import Box from '@cloudscape-design/components/box';
import {
  colorBackgroundItemSelected,
  colorBorderItemSelected,
  colorChartsLineGrid,
  colorChartsPaletteCategorical1,
  colorTextBodySecondary,
  fontSizeBodyS,
} from '@cloudscape-design/design-tokens';
import { useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type MouseHandlerDataParam,
} from 'recharts';
import { useChartTokens } from '@/components/chart-tokens';
import { formatEventTime, type TimeDisplay } from '@/components/format-time';
import type { HistogramBucket } from './histogram-series';

export interface EventHistogramProps {
  buckets: HistogramBucket[];
  timeDisplay: TimeDisplay;
  /** Called with the selected span, epoch ms, both inclusive. */
  onSelectRange: (start: number, end: number) => void;
  ariaLabel: string;
  ariaDescription: string;
}

const DAY = 86_400_000;

function tickLabel(bucket: HistogramBucket, timeDisplay: TimeDisplay): string {
  const text = formatEventTime(bucket.start, timeDisplay); // `2026-11-21, 14:03:07 (UTC)`
  return bucket.end - bucket.start >= DAY ? text.slice(5, 10) : text.slice(12, 17);
}

const indexOf = (state: MouseHandlerDataParam): number | undefined => {
  const index = Number(state.activeTooltipIndex);
  return Number.isInteger(index) ? index : undefined;
};

export function EventHistogram({
  buckets,
  timeDisplay,
  onSelectRange,
  ariaLabel,
  ariaDescription,
}: EventHistogramProps) {
  const colors = useChartTokens({
    grid: colorChartsLineGrid,
    bar: colorChartsPaletteCategorical1,
    text: colorTextBodySecondary,
    fontSize: fontSizeBodyS,
    selected: colorBackgroundItemSelected,
    selectedBorder: colorBorderItemSelected,
  });
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const data = buckets.map((bucket, index) => ({ ...bucket, index, label: tickLabel(bucket, timeDisplay) }));
  const low = drag ? Math.min(drag.from, drag.to) : 0;
  const high = drag ? Math.max(drag.from, drag.to) : 0;

  return (
    <figure aria-label={ariaLabel} style={{ margin: 0, userSelect: 'none' }}>
      <ResponsiveContainer width="100%" height={160}>
        <BarChart
          // Recharts makes the SVG focusable (its keyboard layer): its <title> and <desc> name it.
          title={ariaLabel}
          desc={ariaDescription}
          data={data}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          barCategoryGap={1}
          onMouseDown={(state) => {
            const index = indexOf(state);
            if (index !== undefined) setDrag({ from: index, to: index });
          }}
          onMouseMove={(state) => {
            const index = indexOf(state);
            if (drag && index !== undefined && index !== drag.to) setDrag({ ...drag, to: index });
          }}
          onMouseUp={() => {
            if (!drag) return;
            setDrag(null);
            onSelectRange(buckets[low]!.start, buckets[high]!.end - 1_000);
          }}
          onMouseLeave={() => setDrag(null)}
        >
          <CartesianGrid vertical={false} stroke={colors.grid} />
          <XAxis
            dataKey="index"
            tickFormatter={(index: number) => data[index]?.label ?? ''}
            tick={{ fill: colors.text, fontSize: colors.fontSize }}
            minTickGap={24}
          />
          <YAxis allowDecimals={false} width={44} tick={{ fill: colors.text, fontSize: colors.fontSize }} />
          <Tooltip
            cursor={{ fill: colors.selected }}
            labelFormatter={(index) => {
              const bucket = buckets[Number(index)];
              return bucket
                ? `${formatEventTime(bucket.start, timeDisplay)} +${(bucket.end - bucket.start) / 60_000} min`
                : '';
            }}
            formatter={(value) => [String(value), 'Events']}
          />
          <Bar dataKey="count" name="Events" fill={colors.bar} isAnimationActive={false} />
          {drag && <ReferenceArea x1={low} x2={high} fill={colors.selected} stroke={colors.selectedBorder} />}
        </BarChart>
      </ResponsiveContainer>
      <figcaption>
        <Box variant="small" color="text-body-secondary">
          {ariaDescription} Drag across the bars, or choose one, to narrow the time range.
        </Box>
      </figcaption>
    </figure>
  );
}
