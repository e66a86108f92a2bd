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
import { optionalInteger, optionalString, optionalStructureList } from '../input';
import type { EventStore } from '../../store/event-store';
import { decodeNextToken, encodeNextToken } from './next-token';

function invalidAttributes(message: string): ServiceError {
  return new ServiceError('InvalidLookupAttributesException', message);
}
const invalidCategory = (message: string) => new ServiceError('InvalidEventCategoryException', message);
const invalidMaxResults = (message: string) => new ServiceError('InvalidMaxResultsException', message);
const invalidNextToken = (message: string) => new ServiceError('InvalidNextTokenException', message);

export function parseLookupAttributes(raw: unknown, insight: boolean): LookupAttribute | undefined {
  const list = optionalStructureList(raw, 'LookupAttributes', invalidAttributes);
  const typed = list?.map((item) => ({
    key: optionalString(item.AttributeKey, 'AttributeKey', invalidAttributes),
    value: optionalString(item.AttributeValue, 'AttributeValue', invalidAttributes),
  }));
  if (!typed || typed.length === 0) return undefined;
  // "Currently the list can contain only one item."
  if (typed.length > 1) throw invalidAttributes('You can specify only one lookup attribute.');
  const { key, value } = typed[0]!;
  if (key === undefined || !isLookupAttributeKey(key)) {
    throw invalidAttributes(`Invalid attribute key: ${String(key)}.`);
  }
  if (insight && !(INSIGHT_LOOKUP_ATTRIBUTE_KEYS as readonly string[]).includes(key)) {
    throw invalidAttributes(`${key} is not a valid lookup attribute for Insights events.`);
  }
  if (value === undefined) throw invalidAttributes('AttributeValue is required.');
  const problem = lookupValueError(key, value);
  if (problem) throw invalidAttributes(problem);
  return { key, value };
}

export async function lookupEvents(store: EventStore, input: Record<string, unknown>, context: CallContext) {
  // Every member's type first: AWS deserializes the request before it validates any of it.
  const category = optionalString(input.EventCategory, 'EventCategory', invalidCategory);
  const maxResults = optionalInteger(input.MaxResults, 'MaxResults', invalidMaxResults) ?? LOOKUP_MAX_RESULTS;
  const token = optionalString(input.NextToken, 'NextToken', invalidNextToken);
  if (category !== undefined && category !== 'insight') {
    throw new ServiceError('InvalidEventCategoryException', `Invalid EventCategory: ${String(category)}.`);
  }
  const insight = category === 'insight';
  const attribute = parseLookupAttributes(input.LookupAttributes, insight);
  const startTime = readTimestamp(input.StartTime, 'StartTime');
  const endTime = readTimestamp(input.EndTime, 'EndTime');
  if (startTime !== undefined && endTime !== undefined && startTime > endTime) {
    throw new ServiceError('InvalidTimeRangeException', 'Start time must be before or equal to end time.');
  }
  if (maxResults < 1 || maxResults > 50) throw invalidMaxResults('MaxResults must be between 1 and 50.');
  const binding = JSON.stringify([
    context.region,
    insight,
    attribute?.key,
    attribute?.value,
    startTime,
    endTime,
  ]);
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
