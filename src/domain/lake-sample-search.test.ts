import { describe, expect, it } from 'vitest';
import type { LakeSampleQuery } from './lake-samples';
import { searchPhraseError, searchSampleQueries, searchTerms } from './lake-sample-search';

const sample = (name: string, description: string, sql: string): LakeSampleQuery => ({
  name,
  description,
  sql,
  source: 'test',
});
const SAMPLES = [
  sample(
    'Failed console logins',
    'Sign-in failures by user.',
    "SELECT * FROM x WHERE eventName = 'ConsoleLogin'",
  ),
  sample('Bucket deletions', 'Who deleted S3 buckets.', "SELECT * FROM x WHERE eventName = 'DeleteBucket'"),
  sample(
    'Busiest users',
    'Calls per user, most first.',
    'SELECT userIdentity.arn, count(*) FROM x GROUP BY 1',
  ),
];

describe('searchTerms', () => {
  it.each([
    ['Who deleted the S3 buckets?', ['delet', 's3', 'bucket']],
    ['ConsoleLogin events', ['console', 'login', 'event']],
    ['user_identity ARNs', ['user', 'identity', 'arn']],
  ])('%s', (text, terms) => expect(searchTerms(text)).toEqual(terms));
});

describe('searchSampleQueries', () => {
  it('ranks by where the words are found: name over description over SQL', () => {
    const ranked = searchSampleQueries('user logins', SAMPLES);
    expect(ranked.map((r) => r.Name)).toEqual(['Failed console logins', 'Busiest users']);
    expect(ranked[0]!.Relevance).toBeGreaterThan(ranked[1]!.Relevance);
  });

  it('scores 1 when every word is in the name, less when a word is found nowhere, 0 results when none is', () => {
    expect(searchSampleQueries('bucket deletions', SAMPLES)[0]).toMatchObject({
      Name: 'Bucket deletions',
      Relevance: 1,
    });
    const partial = searchSampleQueries('bucket deletions yesterday', SAMPLES)[0]!;
    expect(partial.Relevance).toBeGreaterThan(0);
    expect(partial.Relevance).toBeLessThan(1);
    expect(searchSampleQueries('kubernetes', SAMPLES)).toEqual([]);
  });

  it('weighs a rare word more than one every sample has', () => {
    const rare = searchSampleQueries('select console', SAMPLES)[0]!;
    const common = searchSampleQueries('select busiest', SAMPLES)[0]!;
    // "select" is in every SQL; "console" and "busiest" each in one name.
    expect(rare.Name).toBe('Failed console logins');
    expect(common.Name).toBe('Busiest users');
    expect(rare.Relevance).toBeGreaterThan(0.5);
  });
});

describe('searchPhraseError', () => {
  it.each([
    ['a', 'must be 2 to 1000'],
    ['x'.repeat(1001), 'must be 2 to 1000'],
    ['tab\there', 'printable ASCII'],
    ['two\nlines', undefined],
    ['ok', undefined],
  ])('%s', (phrase, message) => {
    const problem = searchPhraseError(phrase);
    if (message === undefined) expect(problem).toBeUndefined();
    else expect(problem).toContain(message);
  });
});
