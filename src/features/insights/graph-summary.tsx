// What the Insights graph shows, as text for screen readers (the chart itself is one labelled image):
// the insight's span, the baseline average, and each line's peak.
import type { ChartPoint } from '@/domain/insights';
import type { ChartLine } from './insight-chart';
import type { InsightSpan } from './insight-span';
import { VISUALLY_HIDDEN } from './visually-hidden';

export interface GraphSummaryProps {
  id: string;
  lines: readonly ChartLine[];
  series: Record<string, readonly ChartPoint[]>;
  baseline?: number;
  span: InsightSpan;
  ratePhrase: string;
  formatTime: (time: number) => string;
}

const round = (value: number) => Number(value.toPrecision(4));

export function GraphSummary({
  id,
  lines,
  series,
  baseline,
  span,
  ratePhrase,
  formatTime,
}: GraphSummaryProps) {
  return (
    <div id={id} style={VISUALLY_HIDDEN}>
      <p>
        The highlighted band is the Insights event, {formatTime(span.start)} to {formatTime(span.end)}. The
        dashed line is the baseline average, {baseline ?? 'unknown'} {ratePhrase}.
      </p>
      <table>
        <caption>Peak of each line</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Peak per minute</th>
            <th scope="col">At</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const peak = (series[line.key] ?? []).reduce<ChartPoint | undefined>(
              (best, point) => (!best || point.value > best.value ? point : best),
              undefined,
            );
            return (
              <tr key={line.key}>
                <th scope="row">{line.name}</th>
                <td>{peak ? round(peak.value) : 0}</td>
                <td>{peak ? formatTime(peak.time) : '-'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
