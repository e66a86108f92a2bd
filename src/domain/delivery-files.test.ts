// CloudTrail's key layout for log and digest files, and the digest's signing string.
import { describe, expect, it } from 'vitest';
import { digestDocument, digestFileKey, digestStringToSign, logFileKey } from './delivery-files';

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
