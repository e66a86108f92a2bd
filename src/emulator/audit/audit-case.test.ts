import { describe, expect, it } from 'vitest';
import { auditObject, javaDate, queryErrorCode } from './audit-case';

describe('audit casing', () => {
  it('lower-cases the first letter of member names, recursively, but not of map keys', () => {
    expect(
      auditObject(
        {
          S3BucketName: 'b',
          TagsList: [{ Key: 'k', Value: 'v' }],
          Attributes: { DisplayName: 'x' },
          Skip: undefined,
        },
        new Set(['Attributes']),
      ),
    ).toEqual({ s3BucketName: 'b', tagsList: [{ key: 'k', value: 'v' }], attributes: { DisplayName: 'x' } });
    expect(auditObject({ KeyMetadata: { AWSAccountId: '1' } })).toEqual({
      keyMetadata: { aWSAccountId: '1' },
    });
    expect(auditObject({})).toBeNull();
  });

  it.each([
    [Date.UTC(2026, 10, 20, 12, 0, 0), 'Nov 20, 2026, 12:00:00 PM'],
    [Date.UTC(2026, 0, 3, 0, 5, 9), 'Jan 3, 2026, 12:05:09 AM'],
    [Date.UTC(2026, 6, 4, 17, 27, 53), 'Jul 4, 2026, 5:27:53 PM'],
  ])('formats %d as the Java SDK does', (ms, text) => {
    expect(javaDate(ms)).toBe(text);
  });

  it('names Query errors as exceptions', () => {
    expect(queryErrorCode('NoSuchEntity')).toBe('NoSuchEntityException');
    expect(queryErrorCode('ValidationError')).toBe('ValidationException');
    expect(queryErrorCode('InvalidParameterException')).toBe('InvalidParameterException');
  });
});
