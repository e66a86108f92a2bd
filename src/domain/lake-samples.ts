// Sample queries of the Lake console's "Sample queries" tab. Where `source` names a page (under
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/), the query is the one that page shows, with
// dates moved; 'Trailview' marks ours, written in the same dialect for the dashboards' questions. The
// `$EDS_ID$` placeholder becomes the chosen event data store's ID. The server's tests run every one of them
// on a fixture (server/lake/lake.sdk.test.ts); the documentation's own queries are the corpus of
// server/lake/lake-doc-queries.test.ts.
export interface LakeSampleQuery {
  name: string;
  description: string;
  sql: string;
  source: string;
}

export const EDS_PLACEHOLDER = '$EDS_ID$';

export const LAKE_SAMPLE_QUERIES: readonly LakeSampleQuery[] = [
  {
    name: 'Investigate user actions',
    description: 'Events of the users whose ARN contains a name, in a time window.',
    sql: `SELECT eventID, eventName, eventSource, eventTime, userIdentity.arn AS user
FROM $EDS_ID$
WHERE userIdentity.arn LIKE '%alice%'
  AND eventTime > '2026-11-01 00:00:00' AND eventTime < '2026-12-01 00:00:00'`,
    source: 'lake-console-queries.html',
  },
  {
    name: 'All events in a time window',
    description: 'Every event after one time and before another.',
    sql: `SELECT *
FROM $EDS_ID$
WHERE eventtime >= '2026-11-01 00:00:00' AND eventtime <= '2026-12-01 00:00:00'`,
    source: 'cloudtrail-lake-queries.html',
  },
  {
    name: 'API calls by service and operation',
    description: 'How many times each API was called, busiest first.',
    sql: `SELECT eventSource, eventName, COUNT(*) AS apiCount
FROM $EDS_ID$
GROUP BY eventSource, eventName
ORDER BY apiCount DESC`,
    source: 'query-results.html',
  },
  {
    name: 'Investigate who made console changes',
    description: 'Write events made from the AWS Management Console, by user.',
    sql: `SELECT userIdentity.arn AS user, eventName, eventTime
FROM $EDS_ID$
WHERE sessionCredentialFromConsole = 'true' AND readOnly = false
ORDER BY eventTime DESC`,
    source: 'Trailview (after the console sample of the same name)',
  },
  {
    name: 'Access denied errors by user',
    description: 'Users and the APIs they were denied, most denials first.',
    sql: `SELECT userIdentity.arn AS user, eventName, COUNT(*) AS denials
FROM $EDS_ID$
WHERE errorCode IN ('AccessDenied', 'AccessDeniedException', 'Client.UnauthorizedOperation')
GROUP BY userIdentity.arn, eventName
ORDER BY denials DESC`,
    source: 'Trailview',
  },
  {
    name: 'S3 bucket of each bucket call',
    description: 'Reads the bucket name from the request parameters map.',
    sql: `SELECT eventName, element_at(requestParameters, 'bucketName') AS bucket, COUNT(*) AS calls
FROM $EDS_ID$
WHERE eventSource = 's3.amazonaws.com'
GROUP BY 1, 2
ORDER BY calls DESC`,
    source: 'Trailview',
  },
  {
    name: 'Distinct callers per day',
    description: 'An approximate count of distinct principals per day.',
    sql: `SELECT date_trunc('day', eventTime) AS day, approx_distinct(userIdentity.principalId) AS principals
FROM $EDS_ID$
GROUP BY 1
ORDER BY 1`,
    source: 'Trailview',
  },
  {
    name: 'Console sign-ins with and without MFA',
    description: 'ConsoleLogin events by whether MFA was used.',
    sql: `SELECT element_at(additionalEventData, 'MFAUsed') AS mfaUsed, COUNT(*) AS signIns
FROM $EDS_ID$
WHERE eventName = 'ConsoleLogin'
GROUP BY 1`,
    source: 'Trailview',
  },
];

export function sampleSql(sample: LakeSampleQuery, storeId: string): string {
  return sample.sql.replaceAll(EDS_PLACEHOLDER, storeId);
}
