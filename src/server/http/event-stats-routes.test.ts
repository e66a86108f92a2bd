// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRecord, T0 } from '@/test/records';
import { openDatabase, type Database } from '../store/database';
import { DuckDbEventStore } from '../store/duckdb-event-store';
import { eventStatsRoute } from './event-stats-routes';

const HOUR = 3_600_000;
const dir = mkdtempSync(join(tmpdir(), 'trailview-stats-'));
let db: Database;
let store: DuckDbEventStore;

beforeAll(async () => {
  db = await openDatabase(join(dir, 'stats.duckdb'));
  store = await DuckDbEventStore.open(db);
  await store.append([
    makeRecord({ time: T0 }),
    makeRecord({ time: T0 + HOUR - 1000 }),
    makeRecord({ time: T0 + HOUR, eventName: 'StopInstances' }),
    makeRecord({ time: T0 + 5 * HOUR }),
    makeRecord({ time: T0 - 10 * 86_400_000, awsRegion: 'eu-west-1' }),
  ]);
});

afterAll(async () => {
  await store.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string) => {
  const url = new URL(path, 'http://localhost');
  return eventStatsRoute(url.pathname, 'GET', url.searchParams, store);
};
const iso = (ms: number) => new Date(ms).toISOString();

describe('GET trailview/event-counts', () => {
  it('counts the events of each bucket of the whole range, not a page of them', () => {
    const answer = get(`/trailview/event-counts?region=us-east-1&start=${iso(T0)}&width=${HOUR}&buckets=6`);
    expect(answer).toEqual({ status: 200, body: { start: T0, width: HOUR, counts: [2, 1, 0, 0, 0, 1] } });
  });

  it('counts only the events of the lookup attribute and the Region asked for', () => {
    const byName = get(
      `/trailview/event-counts?region=us-east-1&start=${iso(T0)}&width=${HOUR}&buckets=2&attr=EventName&value=StopInstances`,
    );
    expect(byName?.body).toMatchObject({ counts: [0, 1] });
    const other = get(`/trailview/event-counts?region=eu-west-2&start=${iso(T0)}&width=${HOUR}&buckets=2`);
    expect(other?.body).toMatchObject({ counts: [0, 0] });
  });

  it.each([
    ['region=../etc&start=2026-11-20T00:00:00Z&width=60000&buckets=2', 'region must be'],
    ['region=us-east-1&start=yesterday&width=60000&buckets=2', 'start must be'],
    ['region=us-east-1&start=2026-11-20T00:00:00Z&width=60000&buckets=100000', 'buckets must be'],
    ['region=us-east-1&start=2026-11-20T00:00:00Z&width=1.5&buckets=2', 'width must be'],
    [
      'region=us-east-1&start=2026-11-20T00:00:00Z&width=60000&buckets=2&attr=__proto__&value=x',
      'is not a lookup',
    ],
  ])('refuses %s with a specific 400', (query, message) => {
    const answer = get(`/trailview/event-counts?${query}`);
    expect(answer?.status).toBe(400);
    expect((answer?.body as { message: string }).message).toContain(message);
  });

  it('allows GET only and leaves other paths alone', () => {
    const url = new URL('/trailview/event-counts', 'http://localhost');
    expect(eventStatsRoute(url.pathname, 'POST', url.searchParams, store)?.status).toBe(405);
    expect(eventStatsRoute('/aws', 'GET', url.searchParams, store)).toBeUndefined();
    expect(eventStatsRoute(url.pathname, 'GET', url.searchParams, undefined)?.status).toBe(400);
  });
});

describe('GET trailview/event-extent', () => {
  it('tells how many events each Region holds and their span', () => {
    const regions = (get('/trailview/event-extent')?.body as { regions: unknown[] }).regions;
    expect(regions).toEqual(
      expect.arrayContaining([
        { region: 'us-east-1', events: 4, first: T0, last: T0 + 5 * HOUR },
        { region: 'eu-west-1', events: 1, first: T0 - 10 * 86_400_000, last: T0 - 10 * 86_400_000 },
      ]),
    );
  });
});
