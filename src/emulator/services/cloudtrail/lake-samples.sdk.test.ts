// @vitest-environment node
// SearchSampleQueries in the demo build's emulator, through the AWS SDK: the Lake console's samples ranked
// by a relevance computed from the phrase, paged with NextToken, and the limits of each member.
import { LookupEventsCommand, SearchSampleQueriesCommand } from '@aws-sdk/client-cloudtrail';
import { describe, expect, it } from 'vitest';
import { LAKE_SAMPLE_QUERIES } from '@/domain/lake-samples';
import { cloudTrailClient, useEmulatorServer } from '@/test/sdk';
import { createDemoEmulator } from '../../demo';

const NOW = new Date('2026-11-21T12:00:00Z');
const demo = createDemoEmulator({ now: NOW, days: 1, background: false });
useEmulatorServer(() => demo.handle);
const client = cloudTrailClient();

const search = (SearchPhrase: string, MaxResults?: number, NextToken?: string) =>
  client.send(new SearchSampleQueriesCommand({ SearchPhrase, MaxResults, NextToken }));

describe('SearchSampleQueries', () => {
  it('puts the sample the phrase describes first, with the sample as Lake has it', async () => {
    const { SearchResults = [] } = await search('who made changes in the console');
    const sample = LAKE_SAMPLE_QUERIES.find((s) => s.name === 'Investigate who made console changes')!;
    expect(SearchResults[0]).toEqual({
      Name: sample.name,
      Description: sample.description,
      SQL: sample.sql,
      Relevance: expect.any(Number),
    });
    const relevance = SearchResults.map((r) => r.Relevance!);
    expect(relevance).toEqual([...relevance].sort((a, b) => b - a));
    expect(relevance.every((r) => r > 0 && r <= 1)).toBe(true);
    // The score is the phrase's: a word no sample has lowers it; the other samples score less.
    const denied = await search('access denied errors by user');
    expect(denied.SearchResults?.[0]).toMatchObject({ Name: 'Access denied errors by user', Relevance: 1 });
    expect(new Set(denied.SearchResults!.map((r) => r.Relevance)).size).toBeGreaterThan(1);
    const diluted = await search('access denied errors in kubernetes');
    expect(diluted.SearchResults?.[0]?.Name).toBe('Access denied errors by user');
    expect(diluted.SearchResults?.[0]?.Relevance).toBeGreaterThan(0);
    expect(diluted.SearchResults?.[0]?.Relevance).toBeLessThan(1);
  });

  it('scores a phrase of the name alone 1, and leaves out samples sharing no word with it', async () => {
    const exact = await search('Distinct callers per day');
    expect(exact.SearchResults?.[0]).toMatchObject({ Name: 'Distinct callers per day', Relevance: 1 });
    expect((await search('kubernetes pods')).SearchResults).toEqual([]);
  });

  it('pages with MaxResults (default 10) and NextToken', async () => {
    const all = (await search('events by user', 50)).SearchResults ?? [];
    expect(all.length).toBeGreaterThan(2);
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await search('events by user', 2, token);
      expect(page.SearchResults!.length).toBeLessThanOrEqual(2);
      names.push(...page.SearchResults!.map((r) => r.Name!));
      token = page.NextToken;
    } while (token);
    expect(names).toEqual(all.map((r) => r.Name));
    expect((await search('events by user')).SearchResults).toHaveLength(Math.min(10, all.length));
  });

  it('refuses members outside their limits with InvalidParameterException', async () => {
    const cases: Array<[() => Promise<unknown>, string | RegExp]> = [
      [() => search('a'), 'SearchPhrase must be 2 to 1000 characters; it has 1.'],
      [() => search('a'.repeat(1001)), 'SearchPhrase must be 2 to 1000 characters; it has 1001.'],
      [() => search('événements'), /printable ASCII/],
      [() => search('events', 0), 'MaxResults must be between 1 and 50.'],
      [() => search('events', 51), 'MaxResults must be between 1 and 50.'],
      [() => search('events', 10, 'abc'), 'NextToken must be 4 to 1000 characters.'],
      [() => search('events', 10, 'not-a-token'), 'The pagination token is not valid.'],
    ];
    for (const [call, message] of cases) {
      await expect(call(), String(message)).rejects.toMatchObject({
        name: 'InvalidParameterException',
        message,
      });
    }
  });

  it('is recorded in Event history as a read', async () => {
    await search('console sign-ins with MFA');
    const { Events = [] } = await client.send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'SearchSampleQueries' }],
        StartTime: new Date(NOW.getTime() - 60_000),
        EndTime: new Date(NOW.getTime() + 60_000),
      }),
    );
    const records = Events.map((e) => JSON.parse(e.CloudTrailEvent!) as Record<string, unknown>);
    expect(records.find((r) => JSON.stringify(r.requestParameters).includes('MFA'))).toMatchObject({
      readOnly: true,
      requestParameters: { searchPhrase: 'console sign-ins with MFA' },
    });
  });
});
