// @vitest-environment node
// The AWS CloudTrail Lake documentation's queries as a test corpus, run by the DuckDB engine on a generated
// fixture (lake-doc-fixture.ts); each expected answer is computed from the fixture in TypeScript. Sources
// are pages under https://docs.aws.amazon.com/awscloudtrail/latest/userguide/. "verbatim" means the
// statement is the page's, with only its event data store ID and dates replaced (dates moved onto the
// fixture); "after" means the page describes the technique or prompt and the statement is written to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '@/domain/record';
import { LAKE_COLUMNS } from '@/domain/lake';
import { docFixture, fixtureBase } from './lake-doc-fixture';
import { openLakeHarness, type LakeHarness } from './lake-engine-harness';

const DAY = 86_400_000;
const base = fixtureBase(Date.now());
const records = docFixture(base);
const lakeTime = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
const from = lakeTime(base - 7 * DAY);
const to = lakeTime(base + 3 * DAY);
const inWindow = records.filter((r) => Date.parse(r.eventTime) >= base - 7 * DAY);

let lake: LakeHarness;
const READS = '00000000-0000-4000-8000-0000000000b1';
const S3 = '00000000-0000-4000-8000-0000000000b2';

beforeAll(async () => {
  lake = await openLakeHarness(records, [
    {
      id: READS,
      advancedEventSelectors: [{ FieldSelectors: [{ Field: 'readOnly', Equals: ['true'] }] }],
    },
    {
      id: S3,
      advancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventSource', Equals: ['s3.amazonaws.com'] }] }],
    },
  ]);
}, 60_000);

afterAll(async () => {
  await lake?.close();
});

const q = (sql: string) => lake.run(sql.replaceAll('$EDS_ID', lake.storeId));

/** Counts of `key` over records, as {key: count} with string counts (Lake returns strings). */
function countBy(list: readonly CloudTrailRecord[], key: (r: CloudTrailRecord) => string) {
  const counts = new Map<string, number>();
  for (const r of list) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
  return counts;
}

const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();

describe('documentation queries on the fixture', () => {
  it('cloudtrail-lake-queries.html (verbatim): every event in a time window', async () => {
    // The page writes `< =`, which no SQL parser accepts; Lake means `<=`.
    const rows = await q(`SELECT * FROM $EDS_ID WHERE eventtime >='${from}' and eventtime <='${to}'`);
    expect(rows).toHaveLength(inWindow.length);
    expect(Object.keys(rows[0]!)).toEqual(LAKE_COLUMNS.map((c) => c.name));
  });

  it('lake-queries-optimization.html (verbatim): arbitrary() on a redundant column', async () => {
    const rows = await q(
      'SELECT eventName, eventSource, arbitrary(eventType), count(*) FROM $EDS_ID GROUP BY eventName, eventSource',
    );
    const expected = [...countBy(records, (r) => `${r.eventName}|${r.eventSource}|${r.eventType}`)].map(
      ([k, n]) => {
        const [eventName, eventSource, eventType] = k.split('|');
        // Lake names an unnamed select item _colN after its position.
        return { eventName, eventSource, _col2: eventType, _col3: String(n) };
      },
    );
    expect(sorted(rows)).toEqual(sorted(expected));
  });

  it('lake-queries-optimization.html (verbatim): GROUP BY in decreasing cardinality', async () => {
    const rows = await q('SELECT eventName, awsRegion, count(*) FROM $EDS_ID GROUP BY eventName, awsRegion');
    const expected = [...countBy(records, (r) => `${r.eventName}|${r.awsRegion}`)].map(([k, n]) => {
      const [eventName, awsRegion] = k.split('|');
      return { eventName, awsRegion, _col2: String(n) };
    });
    expect(sorted(rows)).toEqual(sorted(expected));
  });

  it('lake-queries-optimization.html (verbatim): LIMIT with ORDER BY, with its trailing semicolon', async () => {
    const rows = await q('SELECT * FROM $EDS_ID ORDER BY eventTime LIMIT 100;');
    expect(rows).toHaveLength(records.length);
    expect(rows[0]!.eventName).toBe('ListBuckets');
    expect(rows.map((r) => r.eventTime)).toEqual(rows.map((r) => r.eventTime).sort());
  });

  it('lake-queries-optimization.html (after, "Optimize LIKE queries"): an anchored LIKE', async () => {
    const rows = await q(`SELECT eventName FROM $EDS_ID WHERE eventName LIKE 'Describe%'`);
    expect(rows).toHaveLength(records.filter((r) => r.eventName.startsWith('Describe')).length);
  });

  it('lake-queries-optimization.html (after, "Optimize LIKE queries"): regexp_like instead of many LIKEs', async () => {
    const rows = await q(`SELECT eventName FROM $EDS_ID WHERE regexp_like(eventName, 'Instances$|Bucket$')`);
    expect(rows).toHaveLength(records.filter((r) => /Instances$|Bucket$/.test(r.eventName)).length);
  });

  it('lake-queries-optimization.html (after, "Use approximation techniques"): approx_distinct', async () => {
    const rows = await q('SELECT approx_distinct(userIdentity.arn) AS callers FROM $EDS_ID');
    expect(rows).toEqual([{ callers: String(new Set(records.map((r) => r.userIdentity.arn)).size) }]);
  });

  it('lake-queries-optimization.html (after, "Use UNION ALL instead of UNION")', async () => {
    const rows = await q(
      `SELECT eventName FROM $EDS_ID WHERE eventSource = 'ec2.amazonaws.com'
       UNION ALL SELECT eventName FROM $EDS_ID WHERE eventSource = 'sns.amazonaws.com'`,
    );
    expect(rows).toHaveLength(
      records.filter((r) => ['ec2.amazonaws.com', 'sns.amazonaws.com'].includes(r.eventSource)).length,
    );
  });

  it('lake-queries-optimization.html (after, "Reduce window function scope"): latest call of each API', async () => {
    const rows = await q(
      `SELECT eventName, eventTime FROM (
         SELECT eventName, eventTime, row_number() OVER (PARTITION BY eventName ORDER BY eventTime DESC) AS rn
         FROM $EDS_ID WHERE eventTime > '${from}')
       WHERE rn = 1 ORDER BY eventName`,
    );
    const latest = new Map<string, string>();
    for (const r of inWindow) {
      if ((latest.get(r.eventName) ?? '') < r.eventTime) latest.set(r.eventName, r.eventTime);
    }
    expect(rows.map((r) => r.eventName)).toEqual([...latest.keys()].sort());
    for (const row of rows) {
      expect(`${row.eventTime!.slice(0, 19).replace(' ', 'T')}Z`).toBe(latest.get(row.eventName!));
    }
  });

  it('lake-queries-cli.html (verbatim generate-query answer): console sign-ins of the past week', async () => {
    const rows = await q(
      `SELECT * FROM $EDS_ID WHERE eventname = 'ConsoleLogin' AND eventtime >= timestamp '${from}' AND eventtime <= timestamp '${to}' AND eventSource = 'signin.amazonaws.com'`,
    );
    expect(rows.map((r) => r.eventID).sort()).toEqual(
      records
        .filter((r) => r.eventName === 'ConsoleLogin')
        .map((r) => r.eventID)
        .sort(),
    );
  });

  it('query-limitations.html (verbatim, multi-table): UNION and UNION ALL across event data stores', async () => {
    const rows = await q(
      `Select eventId, eventName from $EDS_ID UNION Select eventId, eventName from ${READS} UNION ALL Select eventId, eventName from ${S3}`,
    );
    const s3 = records.filter((r) => r.eventSource === 's3.amazonaws.com');
    expect(rows).toHaveLength(records.length + s3.length);
  });

  it('query-limitations.html (after, supported join operators): LEFT JOIN, INNER JOIN, EXCEPT, INTERSECT', async () => {
    const reads = records.filter((r) => r.readOnly).length;
    const joined = await q(
      `SELECT a.eventName, b.eventName AS alsoRead FROM $EDS_ID a LEFT JOIN ${READS} b ON a.eventID = b.eventID`,
    );
    expect(joined).toHaveLength(records.length);
    expect(joined.filter((r) => r.alsoRead !== null)).toHaveLength(reads);
    const inner = await q(`SELECT a.eventID FROM ${READS} a INNER JOIN ${S3} b ON a.eventID = b.eventID`);
    expect(inner).toHaveLength(
      records.filter((r) => r.readOnly && r.eventSource === 's3.amazonaws.com').length,
    );
    const writes = await q(`SELECT eventID FROM $EDS_ID EXCEPT SELECT eventID FROM ${READS}`);
    expect(writes).toHaveLength(records.length - reads);
    const both = await q(`SELECT eventID FROM ${S3} INTERSECT SELECT eventID FROM ${READS}`);
    expect(both).toHaveLength(inner.length);
  });

  it('query-limitations.html (after, supported condition operators): IN, NOT, IS NULL, BETWEEN, IS DISTINCT FROM, GREATEST, EXTRACT(… FROM …)', async () => {
    const rows = await q(
      `SELECT eventID FROM $EDS_ID
       WHERE eventSource IN ('s3.amazonaws.com', 'sts.amazonaws.com') AND NOT (eventName = 'ListBuckets')
         AND (errorCode IS NOT NULL OR errorCode IS DISTINCT FROM 'x')
         AND eventTime BETWEEN '${from}' AND '${to}' AND GREATEST(1, 2) = 2 AND eventName != 'x'
         AND year(eventTime) = EXTRACT(year FROM eventTime)`,
    );
    expect(rows).toHaveLength(
      inWindow.filter((r) => ['s3.amazonaws.com', 'sts.amazonaws.com'].includes(r.eventSource)).length,
    );
  });

  it('query-results.html (verbatim result shape): API calls by service and operation', async () => {
    const rows = await q(
      'SELECT eventSource, eventName, COUNT(*) AS apiCount FROM $EDS_ID GROUP BY eventSource, eventName ORDER BY apiCount DESC',
    );
    const expected = countBy(records, (r) => `${r.eventSource}|${r.eventName}`);
    expect(rows).toHaveLength(expected.size);
    for (const row of rows) {
      expect(row.apiCount).toBe(String(expected.get(`${row.eventSource}|${row.eventName}`)));
    }
    const counts = rows.map((r) => Number(r.apiCount));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('lake-console-queries.html (after, "Investigate user actions"): one user in a time window', async () => {
    const rows = await q(
      `SELECT eventID, eventName, eventSource, eventTime, userIdentity.arn AS user FROM $EDS_ID
       WHERE userIdentity.arn LIKE '%alice%' AND eventTime > '${from}' AND eventTime < '${to}'`,
    );
    expect(rows).toHaveLength(inWindow.filter((r) => r.userIdentity.arn?.includes('alice')).length);
  });

  it('lake-query-generator.html (after, prompt "Give me a list of users that used SNS")', async () => {
    const rows = await q(
      `SELECT DISTINCT userIdentity.arn AS user FROM $EDS_ID WHERE eventSource = 'sns.amazonaws.com'`,
    );
    expect(rows.map((r) => r.user).sort()).toEqual(
      [
        ...new Set(
          records.filter((r) => r.eventSource === 'sns.amazonaws.com').map((r) => r.userIdentity.arn),
        ),
      ].sort(),
    );
  });

  it('lake-query-generator.html (after, prompt "What are my top errors in the past month?")', async () => {
    const rows = await q(
      `SELECT errorCode, COUNT(*) AS eventCount FROM $EDS_ID
       WHERE eventTime >= timestamp '${from}' AND eventTime <= timestamp '${to}' AND errorCode IS NOT NULL
       GROUP BY errorCode ORDER BY eventCount DESC LIMIT 10;`,
    );
    expect(rows).toEqual([
      { errorCode: 'AccessDenied', eventCount: '2' },
      { errorCode: 'ThrottlingException', eventCount: '1' },
    ]);
  });

  it('lake-query-generator.html (after, prompt about daily read and write API counts in the past month)', async () => {
    const rows = await q(
      `SELECT date(eventTime) AS eventDate,
         SUM(CASE WHEN readOnly = true THEN 1 ELSE 0 END) AS readEvents,
         SUM(CASE WHEN readOnly = false THEN 1 ELSE 0 END) AS writeEvents
       FROM $EDS_ID WHERE eventTime >= date_add('month', -1, current_date)
       GROUP BY 1 ORDER BY 1 ASC`,
    );
    const days = new Map<string, { readEvents: number; writeEvents: number }>();
    for (const r of inWindow) {
      const day = days.get(r.eventTime.slice(0, 10)) ?? { readEvents: 0, writeEvents: 0 };
      if (r.readOnly) day.readEvents++;
      else day.writeEvents++;
      days.set(r.eventTime.slice(0, 10), day);
    }
    expect(rows).toEqual(
      [...days].map(([eventDate, d]) => ({
        eventDate,
        readEvents: String(d.readEvents),
        writeEvents: String(d.writeEvents),
      })),
    );
  });

  it('query-limitations.html (after, the map and struct schema): element_at on requestParameters, nested userIdentity', async () => {
    const rows = await q(
      `SELECT element_at(requestParameters, 'bucketName') AS bucket,
              userIdentity.sessionContext.sessionIssuer.userName AS role, COUNT(*) AS calls
       FROM $EDS_ID WHERE eventCategory = 'Data' GROUP BY 1, 2`,
    );
    expect(rows).toEqual([{ bucket: 'logs-bucket', role: 'Auditor', calls: '2' }]);
  });

  it('query-limitations.html (verbatim rule): INTERVAL is refused with Lake’s message', async () => {
    await expect(
      q(`SELECT eventName FROM $EDS_ID WHERE eventTime > now() - INTERVAL '7' DAY`),
    ).rejects.toThrow('CloudTrail Lake does not support the INTERVAL keyword.');
  });

  it('query-limitations.html (verbatim rule): only SELECT statements', async () => {
    await expect(q('DELETE FROM $EDS_ID')).rejects.toThrow(
      'Only SELECT statements are allowed. No query strings can change or mutate data.',
    );
  });
});
