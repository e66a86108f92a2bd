// Downloads page LookupEvents as fast as the backend answers, and keep to CloudTrail's 2 requests per
// second only when asked to (with throttling simulated), as the console's own download does.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lookupEventsPage } from '@/api/event-queries';
import { LOOKUP_RATE_LIMIT } from '@/domain/lookup-attributes';
import { downloadEvents } from './download-events';

vi.mock('@/api/event-queries', () => ({ lookupEventsPage: vi.fn() }));

const PAGES = 4;
const calls: number[] = [];

function servePages() {
  calls.length = 0;
  vi.mocked(lookupEventsPage).mockImplementation(async (_filter, token) => {
    calls.push(Date.now());
    const index = token ? Number(token) : 0;
    return {
      events: [{ EventId: `e${index}`, EventTime: new Date(Date.UTC(2026, 0, 1) - index * 60_000) }],
      nextToken: index + 1 < PAGES ? String(index + 1) : undefined,
    };
  });
}

const download = (minInterval?: number) =>
  downloadEvents({
    format: 'json',
    filter: { region: 'us-east-1' },
    signal: new AbortController().signal,
    onProgress: () => {},
    minInterval,
  });

afterEach(() => {
  vi.useRealTimers();
});

describe('downloadEvents', () => {
  it('reads every page without waiting by default', async () => {
    vi.useFakeTimers();
    servePages();
    const result = await download();
    expect(result.events).toBe(PAGES);
    expect(calls.at(-1)! - calls[0]!).toBe(0);
  });

  it("keeps to LookupEvents' rate when given its interval", async () => {
    vi.useFakeTimers();
    servePages();
    const interval = LOOKUP_RATE_LIMIT.windowMs / LOOKUP_RATE_LIMIT.requests;
    const running = download(interval);
    await vi.runAllTimersAsync();
    const result = await running;
    expect(result.events).toBe(PAGES);
    const gaps = calls.slice(1).map((time, i) => time - calls[i]!);
    expect(gaps).toEqual(Array(PAGES - 1).fill(interval));
    expect(interval).toBe(500);
  });
});
