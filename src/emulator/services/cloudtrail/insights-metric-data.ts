// ListInsightsMetricData (docs/cloudtrail-facts.md#insights, API_ListInsightsMetricData.html): the per-Period series of an
// API's write-call rate or error rate, from the Insights engine's per-minute counts of this Region.
import {
  isMetricPeriod,
  METRIC_DEFAULT_PERIOD,
  METRIC_MAX_RESULTS,
  metricRetentionStart,
} from '@/domain/insights';
import type { InsightType } from '@/domain/record';
import type { CallContext, Operation } from '../../context';
import { ServiceError } from '../../errors';
import type { InsightsEngine } from '../../insights/engine';
import { lowerBound, MINUTE_MS, type MinuteSeries } from '../../insights/minute-counts';
import { readTimestamp } from '../../protocol/json';
import { decodeNextToken, encodeNextToken } from './next-token';

// Member constraints from the service model (§4.1).
const EVENT_SOURCE = /^[a-z0-9_-]+\.amazonaws\.com$/;
const EVENT_NAME = /^[A-Za-z0-9_]+$/;
const ERROR_CODE = /^[\w\d\s_.,\-:[\]]+$/;
const INSIGHT_TYPES: readonly string[] = ['ApiCallRateInsight', 'ApiErrorRateInsight'];
const DATA_TYPES: readonly string[] = ['FillWithZeros', 'NonZeroData'];

function invalid(message: string): ServiceError {
  return new ServiceError('InvalidParameterException', message);
}

function readString(input: Record<string, unknown>, member: string, pattern: RegExp, max: number, min = 1) {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length < min || value.length > max || !pattern.test(value)) {
    throw invalid(
      `The value for ${member} is not valid. Check the length and allowed characters, and try again.`,
    );
  }
  return value;
}

export interface MetricDataOutput {
  EventSource: string;
  EventName: string;
  InsightType: InsightType;
  ErrorCode?: string;
  Timestamps: Date[];
  Values: number[];
  NextToken?: string;
}

export function listInsightsMetricData(
  engine: InsightsEngine,
  input: Record<string, unknown>,
  context: CallContext,
): MetricDataOutput {
  if (input.TrailName !== undefined && input.TrailName !== null) {
    // TrailName is "only for trails logging data events"; data-event Insights are not emulated.
    throw new ServiceError(
      'UnsupportedOperationException',
      'Insights on data events are not supported here.',
    );
  }
  const eventSource = readString(input, 'EventSource', EVENT_SOURCE, 256);
  const eventName = readString(input, 'EventName', EVENT_NAME, 128);
  const insightType = input.InsightType;
  if (!eventSource || !eventName || insightType === undefined || insightType === null) {
    throw invalid('EventSource, EventName and InsightType are required.');
  }
  if (typeof insightType !== 'string' || !INSIGHT_TYPES.includes(insightType)) {
    throw invalid(`InsightType must be one of: ${INSIGHT_TYPES.join(', ')}.`);
  }
  const errorCode = readString(input, 'ErrorCode', ERROR_CODE, 128);
  // "ErrorCode ... required when InsightType is ApiErrorRateInsight"; it names nothing for call rate.
  if (insightType === 'ApiErrorRateInsight' && !errorCode) {
    throw invalid('ErrorCode is required when InsightType is ApiErrorRateInsight.');
  }
  if (insightType === 'ApiCallRateInsight' && errorCode) {
    throw invalid('ErrorCode can be specified only when InsightType is ApiErrorRateInsight.');
  }
  const period = input.Period ?? METRIC_DEFAULT_PERIOD;
  if (!isMetricPeriod(period)) throw invalid('Period must be 60, 300 or 3600 seconds.');
  const dataType = input.DataType ?? 'NonZeroData';
  if (typeof dataType !== 'string' || !DATA_TYPES.includes(dataType)) {
    throw invalid(`DataType must be one of: ${DATA_TYPES.join(', ')}.`);
  }
  const maxResults = input.MaxResults ?? METRIC_MAX_RESULTS;
  if (
    typeof maxResults !== 'number' ||
    !Number.isInteger(maxResults) ||
    maxResults < 1 ||
    maxResults > METRIC_MAX_RESULTS
  ) {
    throw invalid(`MaxResults must be between 1 and ${METRIC_MAX_RESULTS}.`);
  }
  const oldest = metricRetentionStart(period, context.now);
  // Without StartTime the documented default is 90 days back; we start at the Period's retention
  // instead, so that a request naming only Period=60 asks for what exists rather than failing.
  const startTime = readParameterTime(input.StartTime, 'StartTime') ?? oldest;
  const endTime = readParameterTime(input.EndTime, 'EndTime') ?? context.now;
  // "Each cutoff is inclusive": StartTime may equal the oldest retained time.
  if (startTime < oldest) {
    throw invalid(
      `StartTime is outside the retention for a Period of ${period} seconds. Data is kept for 15 days at 60 seconds, 63 days at 300 seconds and 90 days at 3600 seconds.`,
    );
  }
  if (startTime >= endTime) throw invalid('StartTime must be before EndTime.');

  const step = period * 1000;
  const binding = JSON.stringify([
    context.region,
    eventSource,
    eventName,
    insightType,
    errorCode,
    period,
    dataType,
    startTime,
    endTime,
  ]);
  const token = input.NextToken;
  let first = Math.ceil(startTime / step) * step; // buckets are Period-aligned; StartTime inclusive
  if (token !== undefined && token !== null) {
    // NextToken: 1–5000 characters (§4.1).
    if (typeof token !== 'string' || token.length < 1 || token.length > 5000) {
      throw invalid('NextToken is not valid.');
    }
    try {
      first = decodeNextToken(token, binding).time;
    } catch {
      throw invalid(
        'NextToken is not valid for this request. Use the same parameters, or start again without it.',
      );
    }
  }

  const series = engine.counts.get({
    type: insightType as InsightType,
    region: context.region,
    eventSource,
    eventName,
    ...(errorCode ? { errorCode } : {}),
  });
  const buckets = series ? bucketCounts(series, first, endTime, step) : new Map<number, number>();
  // One point past the page tells whether there is a next page, and where it starts.
  const points: Array<[number, number]> = [];
  if (dataType === 'FillWithZeros') {
    for (let bucket = first; bucket < endTime && points.length <= maxResults; bucket += step) {
      points.push([bucket, buckets.get(bucket) ?? 0]);
    }
  } else {
    points.push(...[...buckets].sort((x, y) => x[0] - y[0]).slice(0, maxResults + 1));
  }
  const page = points.slice(0, maxResults);
  const next = points[maxResults]?.[0];
  const output: MetricDataOutput = {
    EventSource: eventSource,
    EventName: eventName,
    InsightType: insightType as InsightType,
    ...(errorCode ? { ErrorCode: errorCode } : {}),
    Timestamps: page.map(([bucket]) => new Date(bucket)),
    Values: page.map(([, value]) => value),
  };
  if (next !== undefined) output.NextToken = encodeNextToken({ time: next, id: '' }, binding);
  return output;
}

/** Calls per Period-aligned bucket (epoch ms) from `first` on, of the minutes before `endTime` (exclusive). */
function bucketCounts(
  series: MinuteSeries,
  first: number,
  endTime: number,
  step: number,
): Map<number, number> {
  const buckets = new Map<number, number>();
  const endMinute = Math.ceil(endTime / MINUTE_MS);
  for (let i = lowerBound(series, first / MINUTE_MS); i < series.count; i++) {
    const minute = series.minutes[i]!;
    if (minute >= endMinute) break;
    const bucket = Math.floor((minute * MINUTE_MS) / step) * step;
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + 1);
  }
  return buckets;
}

function readParameterTime(value: unknown, member: string): number | undefined {
  try {
    return readTimestamp(value, member);
  } catch {
    throw invalid(`${member} is not a valid timestamp.`);
  }
}

/** The operations that need the Insights engine, for cloud-trail-service.ts to merge in. */
export function insightsOperations({ insights }: { insights?: InsightsEngine }): Record<string, Operation> {
  return {
    ListInsightsMetricData: async (input, context) => {
      if (!insights) {
        throw new ServiceError(
          'UnsupportedOperationException',
          'Insights are not available on this backend.',
        );
      }
      await insights.complete();
      return listInsightsMetricData(insights, input, context);
    },
  };
}
