// Log streams and their events in CloudWatch Logs: what a trail with a log group delivers
// (delivery.ts appends), and DescribeLogStreams, GetLogEvents and FilterLogEvents over them.
// The local backend keeps them in the account state, so each stream keeps its newest
// LOG_STREAM_EVENT_CAP events (an emulator limit; CloudWatch Logs keeps events by retention).
import { parseFilterPattern } from '@/domain/log-filter-pattern';
import type { CallContext } from '../../context';
import { ServiceError } from '../../errors';
import type { AccountState, LogEventState, LogGroupState, LogStreamState } from '../../state';
import {
  decodeIndexToken,
  encodeIndexToken,
  optionalInteger,
  optionalString,
  optionalStringList,
  requiredString,
} from '../input';

export const LOG_STREAM_EVENT_CAP = 10_000;

const invalid = (message: string) => new ServiceError('InvalidParameterException', message);
const notFound = (what: 'log group' | 'log stream') =>
  new ServiceError('ResourceNotFoundException', `The specified ${what} does not exist.`);

/** Adds events to a stream of the group (made when missing), keeping the newest LOG_STREAM_EVENT_CAP. */
export function appendLogEvents(
  state: AccountState,
  groupArn: string,
  streamName: string,
  events: readonly LogEventState[],
  now: number,
): boolean {
  const group = state.logGroups.get(groupArn.replace(/:\*$/, ''));
  if (!group) return false;
  const streams = [...(group.streams ?? [])];
  const index = streams.findIndex((s) => s.name === streamName);
  const stream: LogStreamState =
    index >= 0 ? { ...streams[index]! } : { name: streamName, creationTime: now, events: [] };
  stream.events = [...stream.events, ...events].slice(-LOG_STREAM_EVENT_CAP);
  if (index >= 0) streams[index] = stream;
  else streams.push(stream);
  state.logGroups.set(group.arn, { ...group, streams });
  return true;
}

function groupNamed(
  state: AccountState,
  input: Record<string, unknown>,
  context: CallContext,
): LogGroupState {
  const name = requiredString(input.logGroupName, 'logGroupName', invalid);
  const group = state.logGroups.get(`arn:aws:logs:${context.region}:${context.accountId}:log-group:${name}`);
  if (!group) throw notFound('log group');
  return group;
}

function limitOf(input: Record<string, unknown>, max: number): number {
  const limit = optionalInteger(input.limit, 'limit', invalid) ?? max;
  if (limit < 1 || limit > max) throw invalid(`limit must be between 1 and ${max}.`);
  return limit;
}

const wireEvent = (e: LogEventState) => ({
  timestamp: e.timestamp,
  message: e.message,
  ingestionTime: e.ingestionTime,
});

export function describeLogStreams(
  state: AccountState,
  input: Record<string, unknown>,
  context: CallContext,
) {
  const group = groupNamed(state, input, context);
  const prefix = optionalString(input.logStreamNamePrefix, 'logStreamNamePrefix', invalid) ?? '';
  return {
    logStreams: (group.streams ?? [])
      .filter((s) => s.name.startsWith(prefix))
      .map((s) => ({
        logStreamName: s.name,
        creationTime: s.creationTime,
        ...(s.events.length > 0 && {
          firstEventTimestamp: s.events[0]!.timestamp,
          lastEventTimestamp: s.events.at(-1)!.timestamp,
          lastIngestionTime: s.events.at(-1)!.ingestionTime,
        }),
        arn: `${group.arn}:log-stream:${s.name}`,
      })),
  };
}

const inRange = (input: Record<string, unknown>) => {
  const start = optionalInteger(input.startTime, 'startTime', invalid);
  const end = optionalInteger(input.endTime, 'endTime', invalid);
  return (e: LogEventState) =>
    (start === undefined || e.timestamp >= start) && (end === undefined || e.timestamp < end);
};

/** GetLogEvents: one stream, oldest first with startFromHead, else the newest page; index tokens. */
export function getLogEvents(state: AccountState, input: Record<string, unknown>, context: CallContext) {
  const group = groupNamed(state, input, context);
  const name = requiredString(input.logStreamName, 'logStreamName', invalid);
  const stream = group.streams?.find((s) => s.name === name);
  if (!stream) throw notFound('log stream');
  const limit = limitOf(input, 10_000);
  const events = stream.events.filter(inRange(input));
  const token = optionalString(input.nextToken, 'nextToken', invalid);
  const fromHead = input.startFromHead === true;
  let start = token
    ? decodeIndexToken(token, () => invalid('The specified nextToken is invalid.'))
    : fromHead
      ? 0
      : Math.max(0, events.length - limit);
  start = Math.min(start, events.length);
  const page = events.slice(start, start + limit);
  return {
    events: page.map(wireEvent),
    nextForwardToken: encodeIndexToken(start + page.length),
    nextBackwardToken: encodeIndexToken(Math.max(0, start - limit)),
  };
}

/** FilterLogEvents: the group's streams (or those named), events in time order that match the pattern. */
export function filterLogEvents(state: AccountState, input: Record<string, unknown>, context: CallContext) {
  const group = groupNamed(state, input, context);
  const pattern = optionalString(input.filterPattern, 'filterPattern', invalid) ?? '';
  const filter = parseFilterPattern(pattern);
  if (typeof filter !== 'function') throw invalid(filter.error);
  const names = optionalStringList(input.logStreamNames, 'logStreamNames', invalid);
  const limit = limitOf(input, 10_000);
  const range = inRange(input);
  const matching = (group.streams ?? [])
    .filter((s) => !names || (names as string[]).includes(s.name))
    .flatMap((s) =>
      s.events
        .map((e, i) => ({ e, stream: s.name, id: `${s.name}/${i}` }))
        .filter(({ e }) => range(e) && filter(e.message)),
    )
    .sort((a, b) => a.e.timestamp - b.e.timestamp);
  const token = optionalString(input.nextToken, 'nextToken', invalid);
  const start = token ? decodeIndexToken(token, () => invalid('The specified nextToken is invalid.')) : 0;
  const page = matching.slice(start, start + limit);
  return {
    events: page.map(({ e, stream, id }) => ({ logStreamName: stream, eventId: id, ...wireEvent(e) })),
    ...(start + limit < matching.length && { nextToken: encodeIndexToken(start + limit) }),
  };
}
