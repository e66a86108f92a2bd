// LookupEvents, as API_LookupEvents.html describes it (docs/cloudtrail-facts.md#event-history-and-lookupevents).
import { toWireEvent } from '@/domain/lookup-event';
import {
  INSIGHT_LOOKUP_ATTRIBUTE_KEYS,
  isLookupAttributeKey,
  LOOKUP_MAX_RESULTS,
  type LookupAttribute,
} from '@/domain/lookup-attributes';
import { lookupValueError } from '@/domain/lookup-value';
import type { CallContext } from '../../context';
import { ServiceError } from '../../errors';
import { readTimestamp } from '../../protocol/json';
import type { EventStore } from '../../store/event-store';
import { decodeNextToken, encodeNextToken } from './next-token';

function invalidAttributes(message: string): ServiceError {
  return new ServiceError('InvalidLookupAttributesException', message);
}

export function parseLookupAttributes(raw: unknown, insight: boolean): LookupAttribute | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) throw invalidAttributes('LookupAttributes must be a list.');
  if (raw.length === 0) return undefined;
  // "Currently the list can contain only one item."
  if (raw.length > 1) throw invalidAttributes('You can specify only one lookup attribute.');
  const { AttributeKey: key, AttributeValue: value } = (raw[0] ?? {}) as Record<string, unknown>;
  if (typeof key !== 'string' || !isLookupAttributeKey(key)) {
    throw invalidAttributes(`Invalid attribute key: ${String(key)}.`);
  }
  if (insight && !(INSIGHT_LOOKUP_ATTRIBUTE_KEYS as readonly string[]).includes(key)) {
    throw invalidAttributes(`${key} is not a valid lookup attribute for Insights events.`);
  }
  if (typeof value !== 'string') throw invalidAttributes('AttributeValue must be a string.');
  const problem = lookupValueError(key, value);
  if (problem) throw invalidAttributes(problem);
  return { key, value };
}

export async function lookupEvents(store: EventStore, input: Record<string, unknown>, context: CallContext) {
  const category = input.EventCategory;
  if (category !== undefined && category !== null && category !== 'insight') {
    throw new ServiceError('InvalidEventCategoryException', `Invalid EventCategory: ${String(category)}.`);
  }
  const insight = category === 'insight';
  const attribute = parseLookupAttributes(input.LookupAttributes, insight);
  const startTime = readTimestamp(input.StartTime, 'StartTime');
  const endTime = readTimestamp(input.EndTime, 'EndTime');
  if (startTime !== undefined && endTime !== undefined && startTime > endTime) {
    throw new ServiceError('InvalidTimeRangeException', 'Start time must be before or equal to end time.');
  }
  const maxResults = input.MaxResults ?? LOOKUP_MAX_RESULTS;
  if (typeof maxResults !== 'number' || !Number.isInteger(maxResults) || maxResults < 1 || maxResults > 50) {
    throw new ServiceError('InvalidMaxResultsException', 'MaxResults must be between 1 and 50.');
  }
  const binding = JSON.stringify([
    context.region,
    insight,
    attribute?.key,
    attribute?.value,
    startTime,
    endTime,
  ]);
  const token = input.NextToken;
  if (token !== undefined && token !== null && typeof token !== 'string') {
    throw new ServiceError('InvalidNextTokenException', 'Invalid NextToken.');
  }
  const after = token ? decodeNextToken(token, binding) : undefined;
  const page = await store.lookup({
    region: context.region,
    insight,
    attribute,
    startTime,
    endTime,
    limit: maxResults,
    after,
  });
  const output: { Events: ReturnType<typeof toWireEvent>[]; NextToken?: string } = {
    Events: page.events.map((event) => toWireEvent(event)),
  };
  if (page.next) output.NextToken = encodeNextToken(page.next, binding);
  return output;
}
