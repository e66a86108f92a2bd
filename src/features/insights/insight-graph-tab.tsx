// The Insights graph tab (docs/cloudtrail-facts.md#insights-console): calls or errors per minute from ListInsightsMetricData around
// the insight, a span control whose default follows the insight's duration, zoom, pan, reset and PNG.
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import ButtonGroup from '@cloudscape-design/components/button-group';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { colorBackgroundContainerContent } from '@cloudscape-design/design-tokens';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useId, useRef, useState } from 'react';
import { toAwsError } from '@/api/aws-error';
import { insightQueries, type MetricDataRequest } from '@/api/insight-queries';
import { formatEventTime } from '@/components/format-time';
import type { InsightSummary } from '@/components/insight-summary';
import { useSettings } from '@/components/settings';
import {
  defaultGraphSpan,
  GRAPH_SPANS,
  INSIGHT_RATE_PHRASES,
  mergeChartSeries,
  toChartSeries,
  type ChartPoint,
} from '@/domain/insights';
import { CHART_COLORS } from './chart-colors';
import { chartPng } from './chart-png';
import { GraphLegend } from './graph-legend';
import { GraphSummary } from './graph-summary';
import { formatTick, graphTicks, graphWindow, perMinute, zoomDomain, type GraphWindow } from './graph-window';
import type { ChartLine } from './insight-chart';
import { insightSpan } from './insight-span';
import { saveFile } from '@/components/save-file';

const InsightChart = lazy(() =>
  import('./insight-chart').then((module) => ({ default: module.InsightChart })),
);

type SpanKey = keyof typeof GRAPH_SPANS;
const SPAN_OPTIONS = Object.entries(GRAPH_SPANS).map(([value, span]) => ({ value, label: span.label }));

export function InsightGraphTab({ insight, region }: { insight: InsightSummary; region: string }) {
  const { settings } = useSettings();
  const [now] = useState(() => Date.now());
  const span = insightSpan(insight, now);
  const defaultSpan = defaultGraphSpan(span.minutes);
  const defaultKey =
    (Object.keys(GRAPH_SPANS) as SpanKey[]).find((key) => GRAPH_SPANS[key] === defaultSpan) ?? '3h';
  const [spanKey, setSpanKey] = useState<SpanKey>(defaultKey);
  const [pan, setPan] = useState(0);
  const [zoom, setZoom] = useState<[number, number]>();
  const chartRef = useRef<HTMLDivElement>(null);
  const descriptionId = useId();
  const spanMinutes = GRAPH_SPANS[spanKey].minutes;
  const window = graphWindow({ insightStart: span.start, insightEnd: span.end, spanMinutes, pan, now });
  const series = useInsightSeries(insight, region, window);

  const time = (value: number) => formatEventTime(value, settings.timeDisplay);
  const domain = zoom ?? [window.start, window.end];
  const label = `Insights graph: ${INSIGHT_RATE_PHRASES[insight.insightType]} of ${insight.eventName}, ${time(domain[0])} to ${time(domain[1])}`;

  const onToolbar = async (id: string) => {
    if (id === 'zoom-in' || id === 'zoom-out')
      setZoom(zoomDomain(zoom, window, id === 'zoom-in' ? 'in' : 'out'));
    if (id === 'pan-left' || id === 'pan-right') {
      setZoom(undefined);
      setPan((value) => value + (id === 'pan-left' ? -1 : 1));
    }
    if (id === 'reset') {
      setZoom(undefined);
      setPan(0);
      setSpanKey(defaultKey);
    }
    const svg = chartRef.current?.querySelector('svg.recharts-surface');
    if (id === 'png' && svg instanceof SVGSVGElement) {
      const background = getComputedStyle(document.body).backgroundColor || colorBackgroundContainerContent;
      saveFile(await chartPng(svg, background), `${insight.eventName}-insight.png`);
    }
  };

  return (
    <SpaceBetween size="s">
      <SpaceBetween direction="horizontal" size="s" alignItems="center">
        <Select
          selectedOption={SPAN_OPTIONS.find((option) => option.value === spanKey) ?? null}
          options={SPAN_OPTIONS}
          ariaLabel="Time span"
          onChange={({ detail }) => {
            setSpanKey(detail.selectedOption.value as SpanKey);
            setPan(0);
            setZoom(undefined);
          }}
        />
        <ButtonGroup
          variant="icon"
          ariaLabel="Graph actions"
          onItemClick={({ detail }) => void onToolbar(detail.id)}
          items={[
            { type: 'icon-button', id: 'zoom-in', iconName: 'zoom-in', text: 'Zoom in' },
            { type: 'icon-button', id: 'zoom-out', iconName: 'zoom-out', text: 'Zoom out', disabled: !zoom },
            { type: 'icon-button', id: 'pan-left', iconName: 'angle-left', text: 'Pan left' },
            {
              type: 'icon-button',
              id: 'pan-right',
              iconName: 'angle-right',
              text: 'Pan right',
              disabled: window.end >= now,
            },
            { type: 'icon-button', id: 'reset', iconName: 'zoom-to-fit', text: 'Reset axes' },
            { type: 'icon-button', id: 'png', iconName: 'download', text: 'Download plot as a PNG' },
          ]}
        />
      </SpaceBetween>
      {series.error && (
        <Alert type="error" header={series.error.name}>
          {series.error.message}
        </Alert>
      )}
      {series.pending ? (
        <Spinner size="large" />
      ) : (
        <>
          <div ref={chartRef} role="img" aria-label={label} aria-describedby={descriptionId}>
            <Suspense fallback={<Spinner size="large" />}>
              <InsightChart
                rows={series.rows}
                lines={series.lines}
                baseline={insight.baselineAverage ?? 0}
                band={span}
                domain={domain}
                formatTime={time}
                formatTick={(value) =>
                  formatTick(value, (domain[1] - domain[0]) / 60_000, settings.timeDisplay)
                }
                ticks={graphTicks(domain[0], domain[1])}
                onZoom={setZoom}
              />
            </Suspense>
          </div>
          <GraphLegend lines={series.lines} baseline={insight.baselineAverage} />
          <GraphSummary
            id={descriptionId}
            lines={series.lines}
            series={series.byLine}
            baseline={insight.baselineAverage}
            span={span}
            formatTime={time}
            ratePhrase={INSIGHT_RATE_PHRASES[insight.insightType]}
          />
          {series.note && <Box color="text-body-secondary">{series.note}</Box>}
        </>
      )}
    </SpaceBetween>
  );
}

/** The lines of the graph: calls for call rate; for error rate the errors and, where the API has them, calls. */
function useInsightSeries(insight: InsightSummary, region: string, window: GraphWindow) {
  const errorRate = insight.insightType === 'ApiErrorRateInsight';
  const request: MetricDataRequest = {
    region,
    eventSource: insight.eventSource,
    eventName: insight.eventName,
    insightType: 'ApiCallRateInsight',
    startTime: new Date(window.start).toISOString(),
    endTime: new Date(window.end).toISOString(),
    period: window.period,
  };
  const calls = useQuery({ ...insightQueries.metricData(request), placeholderData: keepPreviousData });
  const errors = useQuery({
    ...insightQueries.metricData({
      ...request,
      insightType: 'ApiErrorRateInsight',
      errorCode: insight.errorCode ?? '',
    }),
    placeholderData: keepPreviousData,
    enabled: errorRate && !!insight.errorCode,
  });
  const points = (data: typeof calls.data): ChartPoint[] =>
    data
      ? perMinute(
          toChartSeries(data.timestamps, data.values, {
            period: window.period,
            start: window.start,
            end: window.end,
          }),
          window.period,
        )
      : [];
  const byLine: Record<string, ChartPoint[]> = {};
  const lines: ChartLine[] = [];
  const callPoints = points(calls.data);
  // ListInsightsMetricData's call rate counts write calls only (§3.3): a read API has none to plot.
  const hasCalls = !errorRate || callPoints.some((point) => point.value > 0);
  if (errorRate) {
    byLine.errors = points(errors.data);
    lines.push({
      key: 'errors',
      name: `${insight.errorCode ?? 'Errors'} per minute`,
      color: CHART_COLORS.errors,
    });
  }
  if (hasCalls) {
    byLine.calls = callPoints;
    lines.unshift({ key: 'calls', name: 'API calls per minute', color: CHART_COLORS.calls });
  }
  const error = calls.error ?? (errorRate ? errors.error : null);
  return {
    pending: calls.isPending || (errorRate && errors.isPending),
    error: error ? toAwsError(error) : undefined,
    lines,
    byLine,
    rows: mergeChartSeries(byLine),
    note: hasCalls
      ? undefined
      : `No write calls to ${insight.eventName} in this range: the API call rate counts write calls only, so the graph shows the ${insight.errorCode ?? ''} errors alone.`,
  };
}
