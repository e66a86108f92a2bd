import { describe, expect, it } from 'vitest';
import {
  parseDeliveryS3Uri,
  queryResultsCsv,
  queryResultsFolder,
  signFileDocument,
  signFileStringToSign,
} from './lake-query-delivery';

describe('query results CSV', () => {
  it('neutralises spreadsheet formulas and quotes CSV fields', () => {
    expect(
      queryResultsCsv(
        ['user', 'n'],
        [
          ['=HYPERLINK("x")', '1'],
          ['a,b', '-2'],
          [null, '3'],
        ],
      ),
    ).toBe('user,n\r\n"\'=HYPERLINK(""x"")",1\r\n"a,b",\'-2\r\n,3\r\n');
  });

  it.each([
    ['+SUM(A1)', "'+SUM(A1)"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', '"\'\rx"'],
    ['plain', 'plain'],
  ])('neutralises %j in cells and headers', (cell, expected) => {
    expect(queryResultsCsv([cell], [[cell]])).toBe(`${expected}\r\n${expected}\r\n`);
  });
});

describe('DeliveryS3Uri', () => {
  it.each([
    ['s3://results', { bucket: 'results' }],
    ['s3://results/', { bucket: 'results' }],
    ['s3://results/team/lake/', { bucket: 'results', prefix: 'team/lake' }],
    ['https://results/x', { code: 'InvalidParameterException' }],
    ['results', { code: 'InvalidParameterException' }],
    [`s3://results/${'p'.repeat(1024)}`, { code: 'InvalidParameterException' }],
    ['s3://Results', { code: 'InvalidS3BucketNameException' }],
    ['s3://my..bucket/x', { code: 'InvalidS3BucketNameException' }],
    ['s3://', { code: 'InvalidS3BucketNameException' }],
    ['s3://results/a\u0007b', { code: 'InvalidS3PrefixException' }],
  ])('%j', (uri, expected) => {
    expect(parseDeliveryS3Uri(uri)).toMatchObject(expected);
  });
});

describe('the query results folder and sign file', () => {
  it('lays the folder out by account, delivery date and query ID', () => {
    const time = Date.parse('2026-11-05T23:59:59Z');
    const base = { accountId: '123456789012', time, queryId: 'q-1' };
    expect(queryResultsFolder(base)).toBe('AWSLogs/123456789012/CloudTrail-Lake/Query/2026/11/05/q-1');
    expect(queryResultsFolder({ ...base, prefix: 'lake' })).toBe(
      'lake/AWSLogs/123456789012/CloudTrail-Lake/Query/2026/11/05/q-1',
    );
  });

  it('writes the members of the documented sample, in its order, and signs the hashes joined by spaces', () => {
    const files = [
      { fileName: 'result_1.csv.gz', fileHashValue: 'aaa' },
      { fileName: 'result_2.csv.gz', fileHashValue: 'bbb' },
    ];
    expect(signFileStringToSign(files)).toBe('aaa bbb');
    const document = JSON.parse(
      signFileDocument({
        region: 'us-east-1',
        files,
        completeTime: Date.parse('2022-05-10T22:06:30.500Z'),
        signature: 'abcd',
        fingerprint: '67b9fa73676d86966b449dd677850753',
      }),
    ) as Record<string, unknown>;
    expect(Object.keys(document)).toEqual([
      'version',
      'region',
      'files',
      'hashAlgorithm',
      'signatureAlgorithm',
      'queryCompleteTime',
      'hashSignature',
      'publicKeyFingerprint',
    ]);
    expect(document).toMatchObject({
      version: '1.0',
      hashAlgorithm: 'SHA-256',
      signatureAlgorithm: 'SHA256withRSA',
      queryCompleteTime: '2022-05-10T22:06:30Z',
      files: [{ fileHashValue: 'aaa', fileName: 'result_1.csv.gz' }, { fileHashValue: 'bbb' }],
    });
  });
});
