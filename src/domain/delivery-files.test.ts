// CloudTrail's key layout for log and digest files, and the digest's signing string.
import { describe, expect, it } from 'vitest';
import {
  deliveryNotification,
  digestDocument,
  digestFileKey,
  digestStringToSign,
  logFileKey,
  logFileText,
  parseLogFileKey,
  publicKeyFingerprint,
} from './delivery-files';

const T = Date.parse('2015-08-17T15:01:31Z');

describe('delivery file names', () => {
  it('names a log file as CloudTrail does, under the prefix', () => {
    expect(
      logFileKey({
        prefix: 'p',
        accountId: '111122223333',
        region: 'us-east-2',
        kind: 'CloudTrail',
        time: T,
        unique: 'AbCdEfGhIjKlMnOp',
      }),
    ).toBe(
      'p/AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/17/111122223333_CloudTrail_us-east-2_20150817T1501Z_AbCdEfGhIjKlMnOp.json.gz',
    );
  });

  it('names a digest file as the documentation sample does', () => {
    expect(
      digestFileKey({
        accountId: '111122223333',
        region: 'us-east-2',
        trailName: 'your-trail-name',
        homeRegion: 'us-east-2',
        end: T,
      }),
    ).toBe(
      'AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/17/111122223333_CloudTrail-Digest_us-east-2_your-trail-name_us-east-2_20150817T150131Z.json.gz',
    );
  });
});

describe('digest documents', () => {
  it('starts a chain with null previous-digest members and signs with "null"', () => {
    const doc = JSON.parse(
      digestDocument({
        accountId: '1',
        start: T - 3_600_000,
        end: T,
        bucket: 'b',
        key: 'k',
        fingerprint: 'f',
        logFiles: [],
      }),
    ) as Record<string, unknown>;
    expect(doc.digestStartTime).toBe('2015-08-17T14:01:31Z');
    expect(doc.previousDigestSignature).toBeNull();
    expect(doc.digestSignatureAlgorithm).toBe('SHA256withRSA');
    expect(digestStringToSign({ end: T, bucket: 'b', key: 'k', digestHash: 'ab' })).toBe(
      '2015-08-17T15:01:31Z\nb/k\nab\nnull',
    );
  });
});

describe('publicKeyFingerprint', () => {
  it('is the hex MD5 of the DER, as in the AWS CLI list-public-keys example', () => {
    // aws-cli awscli/examples/cloudtrail/list-public-keys.rst: this Value has Fingerprint 7f3f4014….
    const value =
      'MIIBCgKCAQEAlSS3cl92HDycr/MTj0moOhas8habjrraXw+KzlWF0axSI2tcF+3iJ9BKQAVSKxGwxwu3m0wG3J+kUl1xboEcEPHYoIYMbgfSw7KGnuDKwkLzsQWhUJ0cIbOHASox1vv/5fNXkrHhGbDCHeVXm804c83nvHUEFYThr1PfyP/8HwrCtR3FX5OANtQCP61C1nJtSSkC8JSQUOrIP4CuwJjc+4WGDk+BGH5m9iuiAKkipEHWmUl8/P7XpfpWQuk4h8g3pXZOrNXr08lbh4d39svj7UqdhvOXoBISp9t/EXYuePGEtBdrKD9Dz+VHwyUPtBQvYr9BnkF88qBnaPNhS44rzwIDAQAB';
    const der = Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
    expect(publicKeyFingerprint(der)).toBe('7f3f401420072e50a65a141430817ab3');
  });
});

describe('logFileText and deliveryNotification', () => {
  it('wraps the record texts unchanged', () => {
    expect(logFileText(['{"a":1}', '{"b":2}'])).toBe('{"Records":[{"a":1},{"b":2}]}');
    expect(deliveryNotification('b', ['k'])).toBe('{"s3Bucket":"b","s3ObjectKey":["k"]}');
  });
});

describe('parseLogFileKey', () => {
  it('reads the Region and kind of a log file key, and nothing else', () => {
    const key = logFileKey({
      prefix: 'p',
      accountId: '111122223333',
      region: 'eu-west-1',
      kind: 'CloudTrail-Insight',
      time: T,
      unique: 'abcdefghijklmnop',
    });
    expect(parseLogFileKey(key)).toEqual({ region: 'eu-west-1', kind: 'CloudTrail-Insight' });
    expect(parseLogFileKey('AWSLogs/111122223333/CloudTrail-Digest/eu-west-1/2015/08/17/x.json.gz')).toBe(
      undefined,
    );
  });
});
