// Sessions and identities over a set of records: what the Sessions and identity pages show. One pass groups
// every record by the session of its credentials (identity-session.ts) and resolves each session's origin
// (identity-resolution.ts); lookups by session or by principal are then map reads. Pure: the local server
// feeds it the DuckDB store's records, the demo its in-memory store's.
import { buildIdentityIndex, ISSUING_EVENTS, resolveIdentity, type Resolution } from './identity-resolution';
import { principalOf, roleSessionName, sessionIdOf, type Principal } from './identity-session';
import type { AnyRecord, CloudTrailRecord } from './record';
import type { LoadedEvents, ReadProgress } from './detections/report';

/** One call of a session, as its timeline lists it. Values are event data: render them as text. */
export interface SessionEvent {
  eventId: string;
  eventTime: string;
  eventName: string;
  eventSource: string;
  awsRegion: string;
  sourceIPAddress?: string;
  userAgent?: string;
  errorCode?: string;
}

export interface SessionSummary {
  sessionId: string;
  /** Who made the calls: the role for a role session, else the identity itself. */
  principal: Principal;
  /** The assumed-role or federated-user ARN, or the user's ARN. */
  identityArn?: string;
  origin: Principal;
  outsideLogs: boolean;
  firstTime: string;
  lastTime: string;
  events: number;
  errors: number;
}

export interface ValueCount {
  value: string;
  count: number;
}

export interface SessionReport extends SessionSummary {
  resolution: Resolution;
  /** Newest first, at most TIMELINE_LIMIT. */
  timeline: SessionEvent[];
  services: ValueCount[];
  regions: ValueCount[];
  sourceIPs: ValueCount[];
  userAgents: ValueCount[];
  /** While the console's index is still being read: the session so far (see DetectionsReport). */
  progress?: ReadProgress;
  /** The events it covers when the console loaded them itself (aws and endpoint modes). */
  loaded?: LoadedEvents;
}

export interface IdentityReport {
  query: string;
  /** While the console's index is still being read: how far it is (see DetectionsReport). */
  progress?: ReadProgress;
  /** The events it covers when the console loaded them itself (aws and endpoint modes). */
  loaded?: LoadedEvents;
  /** The principals the query named (as origin or as the calling principal). */
  principals: Principal[];
  /** Newest first. */
  sessions: SessionSummary[];
}

/** A session page lists this many of its newest calls; the counts cover all of them. */
export const TIMELINE_LIMIT = 2_000;

interface SessionAccumulator {
  summary: SessionSummary;
  resolution: Resolution;
  events: SessionEvent[];
  /** Names a principal query can match: principal and origin names and ARNs, the role session name. */
  names: Set<string>;
}

const isCallRecord = (record: AnyRecord): record is CloudTrailRecord =>
  'userIdentity' in record && !!record.userIdentity && !!record.eventName;

function countValues(values: Iterable<string | undefined>): ValueCount[] {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

export interface Investigation {
  session(sessionId: string): SessionReport | undefined;
  identity(query: string): IdentityReport;
  /** The session id and origin of one event, for the event page. */
  sessionOfEvent(eventId: string): string | undefined;
}

interface SessionDraft {
  first: CloudTrailRecord;
  events: SessionEvent[];
  errors: number;
  firstTime: string;
  lastTime: string;
}

/**
 * One pass over the records: only what the pages need stays in memory (a compact row per call, the
 * credential-issuing calls, one record per session), so a large local store can be read as a stream.
 */
export function buildInvestigation(records: Iterable<AnyRecord>): Investigation {
  const builder = investigationBuilder();
  for (const record of records) builder.add(record);
  return builder.finish();
}

/** The same, fed one record at a time (the local server streams its store). */
export function investigationBuilder(): { add(record: AnyRecord): void; finish(): Investigation } {
  const issuing: CloudTrailRecord[] = [];
  const drafts = new Map<string, SessionDraft>();
  const eventSessions = new Map<string, string>();
  const add = (record: AnyRecord) => {
    if (!isCallRecord(record)) return;
    if (ISSUING_EVENTS.has(record.eventName) || record.eventName === 'ConsoleLogin') issuing.push(record);
    const sessionId = sessionIdOf(record);
    eventSessions.set(record.eventID, sessionId);
    let draft = drafts.get(sessionId);
    if (!draft) {
      draft = {
        first: record,
        events: [],
        errors: 0,
        firstTime: record.eventTime,
        lastTime: record.eventTime,
      };
      drafts.set(sessionId, draft);
    }
    if (record.errorCode) draft.errors += 1;
    if (record.eventTime < draft.firstTime) draft.firstTime = record.eventTime;
    if (record.eventTime > draft.lastTime) draft.lastTime = record.eventTime;
    draft.events.push({
      eventId: record.eventID,
      eventTime: record.eventTime,
      eventName: record.eventName,
      eventSource: record.eventSource,
      awsRegion: record.awsRegion,
      sourceIPAddress: record.sourceIPAddress,
      userAgent: record.userAgent,
      errorCode: record.errorCode,
    });
  };
  return { add, finish: () => finishInvestigation(issuing, drafts, eventSessions) };
}

function finishInvestigation(
  issuing: CloudTrailRecord[],
  drafts: Map<string, SessionDraft>,
  eventSessions: Map<string, string>,
): Investigation {
  const index = buildIdentityIndex(issuing);
  const sessions = new Map<string, SessionAccumulator>();
  for (const [sessionId, draft] of drafts) {
    const identity = draft.first.userIdentity;
    const resolution = resolveIdentity(index, draft.first);
    const principal = principalOf(identity);
    const names = new Set<string>();
    for (const p of [principal, resolution.origin]) {
      names.add(p.name);
      if (p.arn) names.add(p.arn);
    }
    if (identity.arn) names.add(identity.arn);
    const roleSession = roleSessionName(identity);
    if (roleSession) names.add(roleSession);
    sessions.set(sessionId, {
      summary: {
        sessionId,
        principal,
        identityArn: identity.arn,
        origin: resolution.origin,
        outsideLogs: resolution.outsideLogs,
        firstTime: draft.firstTime,
        lastTime: draft.lastTime,
        events: draft.events.length,
        errors: draft.errors,
      },
      resolution,
      events: draft.events,
      names,
    });
  }

  const newestFirst = (a: { eventTime: string }, b: { eventTime: string }) =>
    a.eventTime < b.eventTime ? 1 : a.eventTime > b.eventTime ? -1 : 0;

  return {
    session(sessionId) {
      const session = sessions.get(sessionId);
      if (!session) return undefined;
      const events = [...session.events].sort(newestFirst);
      return {
        ...session.summary,
        resolution: session.resolution,
        timeline: events.slice(0, TIMELINE_LIMIT),
        services: countValues(events.map((e) => e.eventSource)),
        regions: countValues(events.map((e) => e.awsRegion)),
        sourceIPs: countValues(events.map((e) => e.sourceIPAddress)),
        userAgents: countValues(events.map((e) => e.userAgent)),
      };
    },
    identity(query) {
      const principals = new Map<string, Principal>();
      const found: SessionSummary[] = [];
      for (const session of sessions.values()) {
        if (!session.names.has(query)) continue;
        found.push(session.summary);
        for (const p of [session.summary.origin, session.summary.principal])
          if ((p.name === query || p.arn === query) && !principals.get(`${p.kind}:${p.name}`)?.arn)
            // One entry per principal: records name some principals with and some without an ARN.
            principals.set(`${p.kind}:${p.name}`, p);
      }
      found.sort((a, b) => (a.lastTime < b.lastTime ? 1 : a.lastTime > b.lastTime ? -1 : 0));
      return { query, principals: [...principals.values()], sessions: found };
    },
    sessionOfEvent: (eventId) => eventSessions.get(eventId),
  };
}
