// The Insights graph's legend: each line, the baseline average (dashed) and the Insights event (band).
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useChartTokens } from '@/components/chart-tokens';
import { CHART_COLORS } from './chart-colors';
import type { ChartLine } from './insight-chart';

function Swatch({ kind, color: token }: { kind: 'line' | 'dashed' | 'band'; color: string }) {
  const { color } = useChartTokens({ color: token });
  return (
    <svg width="20" height="12" aria-hidden="true" focusable="false">
      {kind === 'band' ? (
        <rect
          x="1"
          y="1"
          width="18"
          height="10"
          fill={color}
          fillOpacity={0.25}
          stroke={color}
          strokeOpacity={0.6}
        />
      ) : (
        <line
          x1="0"
          y1="6"
          x2="20"
          y2="6"
          stroke={color}
          strokeWidth="2"
          strokeDasharray={kind === 'dashed' ? '6 4' : undefined}
        />
      )}
    </svg>
  );
}

export function GraphLegend({ lines, baseline }: { lines: readonly ChartLine[]; baseline?: number }) {
  const items = [
    ...lines.map((line) => ({ key: line.key, kind: 'line' as const, color: line.color, label: line.name })),
    {
      key: 'baseline',
      kind: 'dashed' as const,
      color: CHART_COLORS.baseline,
      label: `Baseline average${baseline === undefined ? '' : ` (${baseline})`}`,
    },
    { key: 'band', kind: 'band' as const, color: CHART_COLORS.band, label: 'Insights event' },
  ];
  return (
    <SpaceBetween direction="horizontal" size="l">
      {items.map((item) => (
        <SpaceBetween key={item.key} direction="horizontal" size="xxs" alignItems="center">
          <Swatch kind={item.kind} color={item.color} />
          <Box variant="span" fontSize="body-s">
            {item.label}
          </Box>
        </SpaceBetween>
      ))}
    </SpaceBetween>
  );
}
