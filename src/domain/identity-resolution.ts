// Origin-principal resolution: follow each session's credentials back to the call that issued them.
// Facts (AWS docs, "Logging IAM and AWS STS API calls with AWS CloudTrail"): a successful AssumeRole,
// AssumeRoleWithSAML, AssumeRoleWithWebIdentity, GetFederationToken or GetSessionToken record carries the new
// credentials' access key in responseElements.credentials.accessKeyId, and every call made with them carries
// that key in userIdentity.accessKeyId; the new session's creationDate is the time of issue. For a cross-account
// AssumeRole both accounts get a copy; the role's account sees the caller as type AWSAccount.
import {
  identityCenterOrigin,
  principalOf,
  serviceRoleOrigin,
  sessionIdOf,
  type Principal,
} from './identity-session';
import type { CloudTrailRecord, JsonObject, JsonValue } from './record';

export type LinkVia =
  | 'AssumeRole'
  | 'AssumeRoleWithSAML'
  | 'AssumeRoleWithWebIdentity'
  | 'GetFederationToken'
  | 'GetSessionToken'
  | 'ConsoleLogin'
  | 'IdentityCenter';

export const ISSUING_EVENTS: ReadonlySet<string> = new Set<LinkVia>([
  'AssumeRole',
  'AssumeRoleWithSAML',
  'AssumeRoleWithWebIdentity',
  'GetFederationToken',
  'GetSessionToken',
]);

/** One hop of a chain: a principal in a session, and how it got its credentials from the hop before. */
export interface ChainStep {
  principal: Principal;
  sessionId: string;
  /** How this session was obtained; absent on the origin. */
  via?: LinkVia;
  /** The event that issued this session (the AssumeRole…, ConsoleLogin record). */
  issuedBy?: string;
  /** 'access-key': the issuing record's response names this session's key; 'name-and-time': matched by the
   * assumed-role ARN and the session's creationDate (records whose key was redacted or not logged). */
  match?: 'access-key' | 'name-and-time';
}

export interface Resolution {
  sessionId: string;
  /** The IAM user, root, federated identity or SSO user at the start of the chain. */
  origin: Principal;
  /** Origin first, the record's own session last. */
  chain: ChainStep[];
  /** True when the first session's credentials were issued by a call that is not in these logs. */
  outsideLogs: boolean;
  /** sessionContext.sourceIdentity of the record, if set (it survives role chaining). */
  sourceIdentity?: string;
}

export const OUTSIDE_LOGS = 'assumed by an identity outside these logs';

interface Issue {
  record: CloudTrailRecord;
  via: LinkVia;
  timeMs: number;
}

/** The index a set of records needs for resolution: issuing calls by key and by assumed-role ARN. */
export interface IdentityIndex {
  byKey: Map<string, Issue>;
  byRoleSession: Map<string, Issue[]>;
  consoleLogins: Map<string, number[]>;
  resolved: Map<string, Resolution>;
}

const obj = (v: JsonValue | undefined): JsonObject | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
const str = (v: JsonValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

/** Max gap between an issuing call and the creationDate it stamps, for the name-and-time fallback. */
const ISSUE_WINDOW_MS = 2 * 60_000;
const ISSUE_SLACK_MS = 5_000;
const MAX_CHAIN = 12;

export function buildIdentityIndex(records: Iterable<CloudTrailRecord>): IdentityIndex {
  const index: IdentityIndex = {
    byKey: new Map(),
    byRoleSession: new Map(),
    consoleLogins: new Map(),
    resolved: new Map(),
  };
  for (const record of records) addToIndex(index, record);
  for (const list of index.byRoleSession.values()) list.sort((a, b) => a.timeMs - b.timeMs);
  for (const list of index.consoleLogins.values()) list.sort((a, b) => a - b);
  return index;
}

function addToIndex(index: IdentityIndex, record: CloudTrailRecord): void {
  if (record.errorCode) return;
  if (record.eventName === 'ConsoleLogin') {
    const arn = record.userIdentity?.arn;
    if (arn && str(obj(record.responseElements ?? undefined)?.ConsoleLogin) === 'Success') {
      const list = index.consoleLogins.get(arn) ?? [];
      list.push(Date.parse(record.eventTime));
      index.consoleLogins.set(arn, list);
    }
    return;
  }
  if (!ISSUING_EVENTS.has(record.eventName) || record.eventSource !== 'sts.amazonaws.com') return;
  const response = obj(record.responseElements ?? undefined);
  const issue: Issue = { record, via: record.eventName as LinkVia, timeMs: Date.parse(record.eventTime) };
  const key = str(obj(response?.credentials)?.accessKeyId);
  // Of the two copies of a cross-account call, keep the one that names the caller (not type AWSAccount).
  if (key) {
    const known = index.byKey.get(key);
    if (!known || known.record.userIdentity?.type === 'AWSAccount') index.byKey.set(key, issue);
  }
  const arn = str(obj(response?.assumedRoleUser)?.arn) ?? str(obj(response?.federatedUser)?.arn) ?? undefined;
  if (arn) {
    const list = index.byRoleSession.get(arn) ?? [];
    list.push(issue);
    index.byRoleSession.set(arn, list);
  }
}

function issueOf(index: IdentityIndex, record: CloudTrailRecord): [Issue, ChainStep['match']] | undefined {
  const identity = record.userIdentity;
  const key = identity.accessKeyId;
  const byKey = key ? index.byKey.get(key) : undefined;
  if (byKey && byKey.record !== record) return [byKey, 'access-key'];
  const created = identity.sessionContext?.attributes?.creationDate;
  if (!identity.arn || !created || (identity.type !== 'AssumedRole' && identity.type !== 'FederatedUser'))
    return undefined;
  const createdMs = Date.parse(created);
  let best: Issue | undefined;
  for (const issue of index.byRoleSession.get(identity.arn) ?? []) {
    if (issue.timeMs > createdMs + ISSUE_SLACK_MS) break;
    if (issue.timeMs >= createdMs - ISSUE_WINDOW_MS && issue.record !== record) best = issue;
  }
  return best ? [best, 'name-and-time'] : undefined;
}

function consoleLoginOf(index: IdentityIndex, record: CloudTrailRecord): boolean {
  const identity = record.userIdentity;
  const created = identity.sessionContext?.attributes?.creationDate;
  if (record.sessionCredentialFromConsole !== 'true' || !identity.arn || !created) return false;
  const createdMs = Date.parse(created);
  return (index.consoleLogins.get(identity.arn) ?? []).some(
    (t) => t <= createdMs + ISSUE_SLACK_MS && t >= createdMs - ISSUE_WINDOW_MS,
  );
}

/** The origin, chain and session of one record. Results are memoised per session in the index. */
export function resolveIdentity(index: IdentityIndex, record: CloudTrailRecord): Resolution {
  const sessionId = sessionIdOf(record);
  const sourceIdentity = record.userIdentity?.sessionContext?.sourceIdentity;
  const memo = index.resolved.get(sessionId);
  if (memo) return sourceIdentity && !memo.sourceIdentity ? { ...memo, sourceIdentity } : memo;
  const resolution = walk(index, record, sessionId, new Set());
  if (sourceIdentity) resolution.sourceIdentity = sourceIdentity;
  index.resolved.set(sessionId, resolution);
  return resolution;
}

function walk(
  index: IdentityIndex,
  record: CloudTrailRecord,
  sessionId: string,
  seen: Set<string>,
): Resolution {
  const identity = record.userIdentity ?? {};
  const here: ChainStep = { principal: principalOf(identity), sessionId };
  seen.add(sessionId);
  const found = issueOf(index, record);
  if (found && seen.size < MAX_CHAIN) {
    const [issue, match] = found;
    const parentId = sessionIdOf(issue.record);
    const parent = seen.has(parentId)
      ? undefined
      : (index.resolved.get(parentId) ?? walk(index, issue.record, parentId, seen));
    if (parent) {
      index.resolved.set(parentId, parent);
      const step = { ...here, via: issue.via, issuedBy: issue.record.eventID, match };
      return { ...parent, sessionId, chain: [...parent.chain, step], sourceIdentity: undefined };
    }
  }
  if (consoleLoginOf(index, record)) here.via = 'ConsoleLogin';
  const sso = identityCenterOrigin(identity);
  if (sso) {
    return {
      sessionId,
      origin: sso,
      chain: [
        { principal: sso, sessionId: `${sso.name}@IdentityCenter` },
        { ...here, via: 'IdentityCenter' },
      ],
      outsideLogs: false,
    };
  }
  const service = serviceRoleOrigin(identity);
  if (service) {
    return {
      sessionId,
      origin: service,
      chain: [
        { principal: service, sessionId: service.name },
        { ...here, via: 'AssumeRole' },
      ],
      outsideLogs: false,
    };
  }
  // A role or federated session whose issuing call is not here: the chain leaves the store. sourceIdentity, if
  // set, still names who started it.
  const leaves = identity.type === 'AssumedRole' || identity.type === 'FederatedUser';
  const source = identity.sessionContext?.sourceIdentity;
  const origin: Principal = leaves && source ? { kind: 'SourceIdentity', name: source } : here.principal;
  return { sessionId, origin, chain: [here], outsideLogs: leaves };
}

/** Resolve every record: one index pass, then one memoised walk per session. */
export function resolveAll(records: readonly CloudTrailRecord[]): Map<string, Resolution> {
  const index = buildIdentityIndex(records);
  const out = new Map<string, Resolution>();
  for (const record of records) out.set(record.eventID, resolveIdentity(index, record));
  return out;
}
