import { describe, expect, it } from 'vitest';
import { athenaDay, athenaTableDdl, athenaTableName } from './athena-table';
import { digestFileKey, logFileKey } from './delivery-files';

const ddlOf = (prefix?: string) =>
  athenaTableDdl({
    bucket: 'Trail-Logs.example',
    prefix,
    accountIds: ['111122223333', '444455556666'],
    regions: ['us-east-1', 'eu-west-1'],
    firstDay: '2026/01/01',
  });

/** Athena's expansion of the DDL's storage.location.template for one partition. */
function partitionFolder(ddl: string, account: string, region: string, date: string): string {
  const template = /'storage\.location\.template'='([^']+)'/.exec(ddl)![1]!;
  return template.replace('${account}', account).replace('${region}', region).replace('${date}', date);
}

describe('Create Athena table DDL', () => {
  it.each([undefined, 'team/logs', '/slashed/'])(
    'with prefix %s, every log file of a fixture bucket lies in the folder of its projected partition',
    (prefix) => {
      const ddl = ddlOf(prefix);
      const cleaned = prefix?.replace(/^\/+|\/+$/g, '');
      const layout = [
        { accountId: '111122223333', region: 'us-east-1', time: Date.parse('2026-03-04T05:06:07Z') },
        { accountId: '444455556666', region: 'eu-west-1', time: Date.parse('2026-12-31T23:59:00Z') },
        { accountId: '111122223333', region: 'eu-west-1', time: Date.parse('2026-01-01T00:00:00Z') },
      ];
      for (const file of layout) {
        const key = logFileKey({ ...file, prefix: cleaned, kind: 'CloudTrail', unique: 'abcdefghijklmnop' });
        const folder = partitionFolder(ddl, file.accountId, file.region, athenaDay(file.time));
        expect(`s3://Trail-Logs.example/${key}`.startsWith(`${folder}/`)).toBe(true);
        // Nothing deeper than the day folder: the file sits directly in the partition.
        expect(`s3://Trail-Logs.example/${key}`.slice(folder.length + 1)).not.toContain('/');
      }
      // Insights and digest files have folders of their own, outside every partition.
      const insight = logFileKey({ ...layout[0]!, prefix: cleaned, kind: 'CloudTrail-Insight', unique: 'x' });
      const digest = digestFileKey({
        ...layout[0]!,
        prefix: cleaned,
        trailName: 't',
        homeRegion: 'us-east-1',
        end: layout[0]!.time,
      });
      const folder = partitionFolder(ddl, '111122223333', 'us-east-1', athenaDay(layout[0]!.time));
      for (const other of [insight, digest]) {
        expect(`s3://Trail-Logs.example/${other}`.startsWith(`${folder}/`)).toBe(false);
      }
      expect(ddl).toContain(`LOCATION 's3://Trail-Logs.example/${cleaned ? `${cleaned}/` : ''}AWSLogs/'`);
    },
  );

  it('projects the accounts, Regions and days it was given, and reads CloudTrail files', () => {
    const ddl = ddlOf();
    expect(ddl).toMatch(/^CREATE EXTERNAL TABLE cloudtrail_logs_trail_logs_example \(/);
    expect(ddl).toContain("'projection.account.values'='111122223333,444455556666'");
    expect(ddl).toContain("'projection.region.values'='us-east-1,eu-west-1'");
    expect(ddl).toContain("'projection.date.range'='2026/01/01,NOW'");
    expect(ddl).toContain("STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'");
    expect(ddl).toContain('PARTITIONED BY (account STRING, region STRING, `date` STRING)');
  });

  it('names the table after the bucket in the characters Athena accepts', () => {
    expect(athenaTableName('my-bucket.logs')).toBe('cloudtrail_logs_my_bucket_logs');
  });
});
