// The CloudTrail event record, as delivered in log files and in LookupEvents' CloudTrailEvent.
// Field list and versions: docs/cloudtrail-facts.md#records (record-contents, userIdentity pages).

export type UserIdentityType =
  | 'Root'
  | 'IAMUser'
  | 'AssumedRole'
  | 'Role'
  | 'FederatedUser'
  | 'Directory'
  | 'AWSAccount'
  | 'AWSService'
  | 'IdentityCenterUser'
  | 'SAMLUser'
  | 'WebIdentityUser'
  | 'Unknown';

export interface SessionIssuer {
  type: 'Root' | 'IAMUser' | 'Role';
  principalId: string;
  arn: string;
  accountId: string;
  userName?: string;
}

export interface SessionContext {
  sessionIssuer?: SessionIssuer;
  webIdFederationData?: { federatedProvider?: string; attributes?: Record<string, string> };
  attributes?: { creationDate: string; mfaAuthenticated: 'true' | 'false' };
  sourceIdentity?: string;
  ec2RoleDelivery?: '1.0' | '2.0';
  assumedRoot?: 'true';
  signInSessionArn?: string;
}

export interface UserIdentity {
  /** Absent on some AwsServiceEvent records in real logs (datasets/README.md). */
  type?: UserIdentityType;
  principalId?: string;
  arn?: string;
  accountId?: string;
  accessKeyId?: string;
  userName?: string;
  invokedBy?: string;
  sessionContext?: SessionContext;
  identityProvider?: string;
  onBehalfOf?: { userId: string; identityStoreArn: string };
  credentialId?: string;
}

export type EventType =
  | 'AwsApiCall'
  | 'AwsServiceEvent'
  | 'AwsConsoleAction'
  | 'AwsConsoleSignIn'
  | 'AwsCloudTrailInsight'
  | 'AwsVpceEvent';

export type EventCategory = 'Management' | 'Data' | 'NetworkActivity' | 'Insight';

export interface RecordResource {
  ARN?: string;
  accountId?: string;
  type?: string;
}

export interface TlsDetails {
  tlsVersion: string;
  cipherSuite: string;
  clientProvidedHostHeader: string;
  keyExchange?: string;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A management, data or network activity event record (eventVersion 1.11 fields). */
export interface CloudTrailRecord {
  eventVersion: string;
  userIdentity: UserIdentity;
  eventTime: string;
  eventSource: string;
  eventName: string;
  awsRegion: string;
  sourceIPAddress: string;
  userAgent?: string;
  errorCode?: string;
  errorMessage?: string;
  requestParameters: JsonObject | null;
  responseElements: JsonObject | null;
  additionalEventData?: JsonObject;
  requestID?: string;
  eventID: string;
  readOnly?: boolean;
  resources?: RecordResource[];
  eventType: EventType;
  apiVersion?: string;
  managementEvent?: boolean;
  recipientAccountId?: string;
  serviceEventDetails?: JsonObject;
  sharedEventID?: string;
  vpcEndpointId?: string;
  vpcEndpointAccountId?: string;
  eventCategory?: EventCategory;
  sessionCredentialFromConsole?: 'true';
  tlsDetails?: TlsDetails;
}

export type InsightType = 'ApiCallRateInsight' | 'ApiErrorRateInsight';

export interface InsightAttributionValue {
  value: string;
  average: number;
}

export interface InsightAttribution {
  attribute: 'userIdentityArn' | 'userAgent' | 'errorCode';
  insight: InsightAttributionValue[];
  baseline: InsightAttributionValue[];
}

/** An Insights event record (docs/cloudtrail-facts.md#insights): no eventName/eventSource/userIdentity at the top level. */
export interface InsightRecord {
  eventVersion: string;
  eventTime: string;
  awsRegion: string;
  eventID: string;
  eventType: 'AwsCloudTrailInsight';
  recipientAccountId?: string;
  sharedEventID: string;
  insightDetails: {
    state: 'Start' | 'End';
    eventSource: string;
    eventName: string;
    insightType: InsightType;
    errorCode?: string;
    insightContext: {
      statistics: {
        baseline: { average: number };
        insight: { average: number };
        insightDuration?: number;
        baselineDuration?: number;
      };
      attributions?: InsightAttribution[];
    };
  };
  eventCategory: 'Insight';
}

export type AnyRecord = CloudTrailRecord | InsightRecord;

export function isInsightRecord(record: AnyRecord): record is InsightRecord {
  return record.eventType === 'AwsCloudTrailInsight';
}
