// The Insights graph (docs/cloudtrail-facts.md#insights-console), loaded on demand so Recharts stays out of the first bundle: the
// per-minute lines, the baseline average as a reference line and the insight as a highlighted band.
// Dragging across the plot zooms to that range. It draws series it is given; it fetches nothing.
import {
  colorChartsLineAxis,
  colorChartsLineGrid,
  colorTextBodySecondary,
} from '@cloudscape-design/design-tokens';
import { useState } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { resolveToken, useChartTokens } from '@/components/chart-tokens';
import { CHART_COLORS } from './chart-colors';

export interface ChartLine {
  key: string;
  name: string;
  color: string;
}

export interface InsightChartProps {
  rows: ReadonlyArray<{ time: number } & Partial<Record<string, number>>>;
  lines: readonly ChartLine[];
  baseline: number;
  band: { start: number; end: number };
  /** The visible time range (epoch ms). */
  domain: readonly [number, number];
  formatTime: (time: number) => string;
  formatTick: (time: number) => string;
  /** Tick positions on the time axis (epoch ms). */
  ticks: readonly number[];
  onZoom: (domain: [number, number]) => void;
  height?: number;
}

const asTime = (label: unknown) => (typeof label === 'number' ? label : Number(label));

export function InsightChart({
  rows,
  lines,
  baseline,
  band,
  domain,
  formatTime,
  formatTick,
  ticks,
  onZoom,
  height = 320,
}: InsightChartProps) {
  const colors = useChartTokens({
    ...CHART_COLORS,
    grid: colorChartsLineGrid,
    axis: colorChartsLineAxis,
    text: colorTextBodySecondary,
  });
  const [selection, setSelection] = useState<{ from: number; to?: number }>();
  const visible = rows.filter((row) => row.time >= domain[0] && row.time <= domain[1]);
  const finishSelection = () => {
    if (selection?.to !== undefined && selection.to !== selection.from) {
      const from = Math.min(selection.from, selection.to);
      const to = Math.max(selection.from, selection.to);
      onZoom([from, to]);
    }
    setSelection(undefined);
  };
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart
        // Recharts makes the SVG focusable (its keyboard layer): its <title> names it.
        title="Insights graph"
        data={visible}
        margin={{ top: 16, right: 24, bottom: 8, left: 8 }}
        onMouseDown={(state) => {
          const time = asTime(state.activeLabel);
          if (Number.isFinite(time)) setSelection({ from: time });
        }}
        onMouseMove={(state) => {
          const time = asTime(state.activeLabel);
          if (selection && Number.isFinite(time)) setSelection({ ...selection, to: time });
        }}
        onMouseUp={finishSelection}
        onMouseLeave={() => setSelection(undefined)}
      >
        <CartesianGrid stroke={colors.grid} vertical={false} />
        <XAxis
          dataKey="time"
          type="number"
          scale="time"
          domain={[domain[0], domain[1]]}
          allowDataOverflow
          ticks={[...ticks]}
          tickFormatter={formatTick}
          stroke={colors.axis}
          tick={{ fill: colors.text, fontSize: 12 }}
          minTickGap={24}
        />
        <YAxis allowDecimals stroke={colors.axis} tick={{ fill: colors.text, fontSize: 12 }} width={48} />
        <Tooltip
          labelFormatter={(label) => formatTime(asTime(label))}
          formatter={(value) => (typeof value === 'number' ? Number(value.toPrecision(4)) : value)}
          isAnimationActive={false}
        />
        <ReferenceArea
          className="insight-band"
          x1={band.start}
          x2={band.end}
          ifOverflow="hidden"
          fill={colors.band}
          fillOpacity={0.25}
          stroke={colors.band}
          strokeOpacity={0.6}
        />
        <ReferenceLine
          className="insight-baseline"
          y={baseline}
          ifOverflow="extendDomain"
          stroke={colors.baseline}
          strokeDasharray="6 4"
          strokeWidth={1.5}
        />
        {lines.map((line) => (
          <Line
            key={line.key}
            dataKey={line.key}
            name={line.name}
            type="linear"
            stroke={resolveToken(line.color)}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        ))}
        {selection?.to !== undefined && (
          <ReferenceArea
            x1={selection.from}
            x2={selection.to}
            fill={colors.baseline}
            fillOpacity={0.15}
            ifOverflow="hidden"
          />
        )}
      </LineChart>
    </ResponsiveContainer>
  );
}
