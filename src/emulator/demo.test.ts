// @vitest-environment node
// The demo account must never show an empty Insights page: its stories raise the three anomalies the
// Insights issue asks for, found by the engine itself (not seeded as Insights records).
import { describe, expect, it } from 'vitest';
import type { InsightRecord } from '@/domain/record';
import { createDemoEmulator } from './demo';

describe('demo emulator', () => {
  it('finds a call-rate spike, an AccessDenied error-rate spike and the leaked-key burst', async () => {
    const demo = createDemoEmulator({ now: new Date('2026-11-21T12:00:00Z'), days: 30, background: false });
    await demo.ready;
    const page = await demo.store.lookup({ region: 'us-east-1', insight: true, limit: 50 });
    const starts = page.events
      .map((e) => e.record as InsightRecord)
      .filter((r) => r.insightDetails.state === 'Start')
      .map(
        (r) =>
          `${r.insightDetails.insightType} ${r.insightDetails.eventName} ${r.insightDetails.errorCode ?? ''}`,
      );
    expect(starts).toEqual(
      expect.arrayContaining([
        'ApiCallRateInsight SendCommand ',
        'ApiErrorRateInsight GetBucketPolicy AccessDenied',
        'ApiCallRateInsight RunInstances ',
      ]),
    );
    // Every Start has its End, sharing the sharedEventID.
    const shared = page.events.map((e) => (e.record as InsightRecord).sharedEventID);
    for (const id of new Set(shared)) expect(shared.filter((s) => s === id)).toHaveLength(2);
  });
});
