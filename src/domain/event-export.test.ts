import { describe, expect, it } from 'vitest';
import { makeRecord } from '@/test/records';
import { parseCsv } from '@/test/csv';
import {
  CSV_HEADER,
  createExportWriter,
  exportFile,
  neutraliseCell,
  quoteCsvField,
  type ExportFormat,
} from './event-export';
import type { LookupEventLike } from './event-fields';
import type { CloudTrailRecord } from './record';

function wire(record: CloudTrailRecord, extra: Partial<LookupEventLike> = {}): LookupEventLike {
  return {
    EventId: record.eventID,
    EventName: record.eventName,
    EventSource: record.eventSource,
    EventTime: new Date(record.eventTime),
    ReadOnly: String(record.readOnly),
    AccessKeyId: record.userIdentity.accessKeyId,
    Username: record.userIdentity.userName,
    Resources: [],
    CloudTrailEvent: JSON.stringify(record),
    ...extra,
  };
}

describe('CSV export (docs/cloudtrail-facts.md#event-history-console)', () => {
  it('writes the exact header the console writes', () => {
    expect(exportFile('csv', [])).toBe(
      'User name,AWS access key,Event time,Event source,Event name,AWS region,Source IP address,User agent,Error code,Resources,Request ID,Event ID,Read-only,Event type,Recipient Account Id,Event category\r\n',
    );
    expect(CSV_HEADER).toHaveLength(16);
  });

  it('writes one row per event in the console format', () => {
    const record = makeRecord({
      eventTime: '2021-01-26T22:48:41Z',
      eventSource: 'iam.amazonaws.com',
      eventName: 'AttachGroupPolicy',
      sourceIPAddress: '188.167.252.206',
      userAgent: 'console.amazonaws.com',
      requestID: '418fc518-0c58-4bbc-b277-039e85c9ed24',
      eventID: '163a5a14-bb1e-446c-a1ea-9606af5754c4',
      recipientAccountId: '122057532494',
    });
    const event = wire(record, {
      Username: 'Admin',
      AccessKeyId: 'ASIARY2ZSERHI7IORILR',
      Resources: [
        { ResourceType: 'AWS::IAM::Policy', ResourceName: 'arn:aws:iam::aws:policy/AmazonS3FullAccess' },
        { ResourceType: 'AWS::IAM::Group', ResourceName: 'CloudTrailAdmins' },
      ],
    });
    const [, line] = exportFile('csv', [event]).split('\r\n');
    expect(line).toBe(
      'Admin,ASIARY2ZSERHI7IORILR,2021-01-26T22:48:41Z,iam.amazonaws.com,AttachGroupPolicy,us-east-1,188.167.252.206,console.amazonaws.com,,"[{""resourceType"":""AWS::IAM::Policy"",""resourceName"":""arn:aws:iam::aws:policy/AmazonS3FullAccess""},{""resourceType"":""AWS::IAM::Group"",""resourceName"":""CloudTrailAdmins""}]",418fc518-0c58-4bbc-b277-039e85c9ed24,163a5a14-bb1e-446c-a1ea-9606af5754c4,false,AwsApiCall,122057532494,Management',
    );
  });

  it('writes empty cells for absent values and [] for no resources', () => {
    const record = makeRecord({ errorCode: undefined, requestID: undefined });
    const event: LookupEventLike = { EventId: record.eventID, CloudTrailEvent: JSON.stringify(record) };
    const [, fields] = parseCsv(exportFile('csv', [event]));
    expect(fields![0]).toBe('');
    expect(fields![2]).toBe('');
    expect(fields![9]).toBe('[]');
    expect(fields![10]).toBe('');
  });

  it.each([
    ['=HYPERLINK("http://evil")', `'=HYPERLINK("http://evil")`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['\n=1+2', "'\n=1+2"],
    [' =1+2', "' =1+2"],
    ['  =HYPERLINK("http://evil","x")', `'  =HYPERLINK("http://evil","x")`],
    ['\u00a0=1+2', "'\u00a0=1+2"],
    ['\uFF1D1+2', "'\uFF1D1+2"],
    ['a =1', 'a =1'],
    ['aws-cli/2.17.28', 'aws-cli/2.17.28'],
  ])('neutralises a formula cell %j', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it('quotes per RFC 4180', () => {
    expect(quoteCsvField('plain')).toBe('plain');
    expect(quoteCsvField('a,b')).toBe('"a,b"');
    expect(quoteCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCsvField('two\nlines')).toBe('"two\nlines"');
  });

  it('keeps untrusted user agents inert: neutralised, quoted, and read back unchanged', () => {
    const hostile = [
      makeRecord({ userAgent: '<img src=x onerror=alert(1)>' }),
      makeRecord({ userAgent: '=cmd|"/C calc"!A0' }),
      makeRecord({ userAgent: '-1,"x"\r\nnext' }),
    ];
    const rows = parseCsv(
      exportFile(
        'csv',
        hostile.map((r) => wire(r)),
      ),
    );
    expect(rows).toHaveLength(4);
    expect(rows.slice(1).map((row) => row[7])).toEqual([
      '<img src=x onerror=alert(1)>',
      `'=cmd|"/C calc"!A0`,
      `'-1,"x"\r\nnext`,
    ]);
    for (const row of rows) expect(row).toHaveLength(16);
  });
});

describe('JSON export (docs/cloudtrail-facts.md#event-history-console)', () => {
  it('writes {"Records":[…]} of the parsed records, compact', () => {
    const records = [makeRecord(), makeRecord({ eventName: 'TerminateInstances' })];
    const text = exportFile(
      'json',
      records.map((r) => wire(r)),
    );
    expect(text.startsWith('{"Records":[{"eventVersion"')).toBe(true);
    expect(text).not.toMatch(/\n/);
    expect(JSON.parse(text)).toEqual({ Records: records });
  });

  it('writes an empty Records array for no events', () => {
    expect(exportFile('json', [])).toBe('{"Records":[]}');
  });

  it.each<ExportFormat>(['csv', 'json'])('pages the %s file chunk by chunk into one valid file', (format) => {
    const records = Array.from({ length: 5 }, () => makeRecord());
    const writer = createExportWriter(format);
    const broken: LookupEventLike = { EventId: 'x', CloudTrailEvent: 'not json' };
    const text =
      writer.start +
      writer.chunk([]) +
      writer.chunk(format === 'json' ? [broken] : []) +
      writer.chunk(records.slice(0, 2).map((r) => wire(r))) +
      writer.chunk(records.slice(2).map((r) => wire(r))) +
      writer.end;
    expect(text).toBe(
      exportFile(
        format,
        records.map((r) => wire(r)),
      ),
    );
  });
});
