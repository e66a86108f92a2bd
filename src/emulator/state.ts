// Trails and the supporting resources of one emulated account. Plain data, kept in memory and
// snapshotted by whoever hosts the emulator (serializeState / deserializeState: the server persists the
// snapshot; the browser keeps it for the tab). Times are epoch ms. Regions: trails have a home Region
// (multi-Region trails show as shadows elsewhere); bucket names are global, each bucket has a Region;
// KMS keys, aliases, SNS topics and log groups are per Region; IAM roles are global.
import type { DigestLogFile } from '@/domain/delivery-files';
import type { AggregationConfiguration } from '@/domain/lake-event-configuration';
import type {
  AdvancedEventSelector,
  AdvancedFieldSelector,
  DataResource,
  EventSelector,
  InsightSelector,
} from '@/domain/event-selectors';

export type { AdvancedEventSelector, AdvancedFieldSelector, DataResource, EventSelector, InsightSelector };

export interface Tag {
  Key: string;
  Value?: string;
}

/** A trail as stored: the API's Trail members plus status, selectors and tags. */
export interface TrailState {
  Name: string;
  TrailARN: string;
  HomeRegion: string;
  S3BucketName: string;
  S3KeyPrefix?: string;
  SnsTopicName?: string;
  SnsTopicARN?: string;
  IncludeGlobalServiceEvents: boolean;
  IsMultiRegionTrail: boolean;
  LogFileValidationEnabled: boolean;
  CloudWatchLogsLogGroupArn?: string;
  CloudWatchLogsRoleArn?: string;
  KmsKeyId?: string;
  IsOrganizationTrail: boolean;
  isLogging: boolean;
  startLoggingTime?: number;
  stopLoggingTime?: number;
  latestDeliveryTime?: number;
  latestDigestDeliveryTime?: number;
  latestNotificationTime?: number;
  latestCloudWatchLogsDeliveryTime?: number;
  /** The S3 error code of the last failed delivery (GetTrailStatus LatestDeliveryError); cleared by a success. */
  latestDeliveryError?: string;
  latestDigestDeliveryError?: string;
  /** Epoch ms: delivery has written the selected events up to this event time (delivery.ts). */
  deliveredThrough?: number;
  /**
   * A delivery committed as planned before its files are written (delivery.ts): the event-time range
   * (from, until] and the clock reading its keys and digests are made from. Redone after a crash.
   */
  pendingDelivery?: { from: number; until: number; now: number };
  /** Per Region: the digest chain and the log files delivered since its last digest (delivery.ts). */
  digestChains?: DigestChainState[];
  /** Exactly one of the two selector kinds is set; neither means the API default (all management events). */
  eventSelectors?: EventSelector[];
  advancedEventSelectors?: AdvancedEventSelector[];
  insightSelectors?: InsightSelector[];
  /** PutEventConfiguration's aggregation of data events (lake-event-configuration.ts); absent: none. */
  aggregationConfigurations?: AggregationConfiguration[];
  tags: Tag[];
  createdTime: number;
}

export interface DigestChainState {
  region: string;
  /** Epoch ms: the start of the next digest (the end of the last, or when validation began). */
  start: number;
  previous?: { bucket: string; key: string; hash: string; signature: string };
  logFiles: DigestLogFile[];
}

/** A digest signing key pair of the account (ListPublicKeys). Keys are base64 DER. */
export interface SigningKeyState {
  /** CloudTrail signs each Region's digests with a key pair of that Region (API_ListPublicKeys.html). */
  region: string;
  /** PKCS #1 RSAPublicKey, as ListPublicKeys serves it and the AWS CLI loads it. */
  publicKey: string;
  /** PKCS #8 private key. */
  privateKey: string;
  fingerprint: string;
  validFrom: number;
  validTo: number;
}

export interface BucketState {
  name: string;
  region: string;
  creationDate: number;
  /** The bucket policy JSON text as put. */
  policy?: string;
}

export interface KmsKeyState {
  keyId: string;
  arn: string;
  region: string;
  description: string;
  creationDate: number;
  enabled: boolean;
  keyUsage: string;
  keySpec: string;
  /** The key policy JSON text when one was given; absent means the default key policy. */
  policy?: string;
  tags: Array<{ TagKey: string; TagValue: string }>;
}

export interface KmsAliasState {
  aliasName: string;
  aliasArn: string;
  region: string;
  targetKeyId: string;
  creationDate: number;
  lastUpdatedDate: number;
}

export interface SnsTopicState {
  arn: string;
  name: string;
  region: string;
  attributes: Record<string, string>;
  tags: Tag[];
  /** What trails published to the topic (delivery.ts), newest last; the newest 100 are kept. */
  notifications?: SnsNotificationState[];
}

export interface SnsNotificationState {
  messageId: string;
  timestamp: number;
  /** CloudTrail's message: `{"s3Bucket":"…","s3ObjectKey":["…"]}`. */
  message: string;
}

export interface LogGroupState {
  name: string;
  region: string;
  /** `arn:aws:logs:<region>:<account>:log-group:<name>` (LogGroup.logGroupArn, without `:*`). */
  arn: string;
  creationTime: number;
  logGroupClass: string;
  kmsKeyId?: string;
  tags: Record<string, string>;
  /** Log streams by name, with their events (what trails deliver; delivery.ts). */
  streams?: LogStreamState[];
}

export interface LogEventState {
  /** Epoch ms: the event's time (a CloudTrail record's eventTime). */
  timestamp: number;
  message: string;
  ingestionTime: number;
}

export interface LogStreamState {
  name: string;
  creationTime: number;
  /** Oldest first; the newest LOG_STREAM_EVENT_CAP are kept. */
  events: LogEventState[];
}

export interface IamRoleState {
  roleName: string;
  roleId: string;
  arn: string;
  path: string;
  createDate: number;
  assumeRolePolicyDocument: string;
  description?: string;
  maxSessionDuration: number;
  /** Inline policies by name: the policy JSON text. */
  inlinePolicies: Record<string, string>;
  tags: Tag[];
}

export interface AccountState {
  accountId: string;
  /** Keyed by TrailARN. */
  trails: Map<string, TrailState>;
  /** Keyed by bucket name (global). */
  buckets: Map<string, BucketState>;
  /** Keyed by key ARN. */
  kmsKeys: Map<string, KmsKeyState>;
  /** Keyed by alias ARN. */
  kmsAliases: Map<string, KmsAliasState>;
  /** Keyed by topic ARN. */
  snsTopics: Map<string, SnsTopicState>;
  /** Keyed by log group ARN (without `:*`). */
  logGroups: Map<string, LogGroupState>;
  /** Keyed by lower-cased role name: IAM role names are unique regardless of case. */
  iamRoles: Map<string, IamRoleState>;
  /** Digest signing keys, oldest first; the last one signs. */
  signingKeys: SigningKeyState[];
}

export interface AccountResources {
  buckets: BucketState[];
  kmsKeys: KmsKeyState[];
  kmsAliases: KmsAliasState[];
  snsTopics: SnsTopicState[];
  logGroups: LogGroupState[];
  iamRoles: IamRoleState[];
  signingKeys?: SigningKeyState[];
}

export function createAccountState(
  accountId: string,
  trails: TrailState[] = [],
  resources: Partial<AccountResources> = {},
): AccountState {
  return {
    accountId,
    trails: new Map(trails.map((t) => [t.TrailARN, t])),
    buckets: new Map((resources.buckets ?? []).map((b) => [b.name, b])),
    kmsKeys: new Map((resources.kmsKeys ?? []).map((k) => [k.arn, k])),
    kmsAliases: new Map((resources.kmsAliases ?? []).map((a) => [a.aliasArn, a])),
    snsTopics: new Map((resources.snsTopics ?? []).map((t) => [t.arn, t])),
    logGroups: new Map((resources.logGroups ?? []).map((g) => [g.arn, g])),
    iamRoles: new Map((resources.iamRoles ?? []).map((r) => [r.roleName.toLowerCase(), r])),
    signingKeys: [...(resources.signingKeys ?? [])],
  };
}

export function trailArn(region: string, accountId: string, name: string): string {
  return `arn:aws:cloudtrail:${region}:${accountId}:trail/${name}`;
}

const SNAPSHOT_VERSION = 1;

interface Snapshot extends Partial<AccountResources> {
  version: number;
  accountId: string;
  trails?: TrailState[];
}

/** The whole state as JSON text: maps become arrays of their values. */
export function serializeState(state: AccountState): string {
  const snapshot: Snapshot = {
    version: SNAPSHOT_VERSION,
    accountId: state.accountId,
    trails: [...state.trails.values()],
    buckets: [...state.buckets.values()],
    kmsKeys: [...state.kmsKeys.values()],
    kmsAliases: [...state.kmsAliases.values()],
    snsTopics: [...state.snsTopics.values()],
    logGroups: [...state.logGroups.values()],
    iamRoles: [...state.iamRoles.values()],
    signingKeys: state.signingKeys,
  };
  return JSON.stringify(snapshot);
}

/** Reads serializeState's output; collections a snapshot lacks start empty. Throws on a foreign document. */
export function deserializeState(json: string): AccountState {
  const parsed = JSON.parse(json) as Partial<Snapshot> | null;
  if (typeof parsed !== 'object' || parsed === null || typeof parsed.accountId !== 'string') {
    throw new Error('Not an emulator state snapshot: accountId is missing.');
  }
  if (parsed.version !== undefined && parsed.version > SNAPSHOT_VERSION) {
    throw new Error(
      `The state snapshot has version ${parsed.version}; this emulator reads up to ${SNAPSHOT_VERSION}.`,
    );
  }
  const arrays = (value: unknown) => (Array.isArray(value) ? value : []);
  return createAccountState(parsed.accountId, arrays(parsed.trails), {
    buckets: arrays(parsed.buckets),
    kmsKeys: arrays(parsed.kmsKeys),
    kmsAliases: arrays(parsed.kmsAliases),
    snsTopics: arrays(parsed.snsTopics),
    logGroups: arrays(parsed.logGroups),
    iamRoles: arrays(parsed.iamRoles),
    signingKeys: arrays(parsed.signingKeys),
  });
}
