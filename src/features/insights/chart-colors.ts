// The Insights graph's colours, shared by the (lazy) chart and its legend: Cloudscape chart tokens.
import {
  colorChartsPaletteCategorical1,
  colorChartsPaletteCategorical2,
  colorChartsStatusMedium,
  colorChartsThresholdNeutral,
} from '@cloudscape-design/design-tokens';

export const CHART_COLORS = {
  calls: colorChartsPaletteCategorical1,
  errors: colorChartsPaletteCategorical2,
  baseline: colorChartsThresholdNeutral,
  band: colorChartsStatusMedium,
} as const;
