// LookupEvents' rate limit, simulated: "The rate of lookup requests is limited to two per second, per
// account, per Region. If this limit is exceeded, a throttling error occurs." (API_LookupEvents.html,
// docs/cloudtrail-facts.md#event-history-and-lookupevents). The wire answer is ThrottlingException "Rate exceeded".
//
// Off by default, so tests and the demo page quickly. Two switches turn it on:
// - the emulator option `throttleLookupEvents` (every LookupEvents call is rate-limited), and
// - the request header `x-trailview-throttle: on`, which the console's SDK client adds while its setting
//   "Simulate LookupEvents throttling (2 requests per second)" is on (src/api/clients.ts). The browser
//   cannot reach the emulator's options in local mode (the emulator is the server), so the setting
//   travels with each request. Real AWS throttles whatever the header says; the proxy backends never
//   need it.
import { LOOKUP_RATE_LIMIT } from '@/domain/lookup-attributes';
import { ServiceError } from '../../errors';

export const THROTTLE_HEADER = 'x-trailview-throttle';

export interface LookupThrottle {
  /** Admits one request at `now` (epoch ms) for the account and Region, or throws ThrottlingException. */
  admit(accountId: string, region: string, now: number): void;
}

/**
 * A sliding window per (account, Region): a request is admitted when fewer than `requests` admitted
 * requests of the same key fall in the `windowMs` before it. Refused requests do not count.
 */
export function createLookupThrottle({
  requests,
  windowMs,
}: { requests: number; windowMs: number } = LOOKUP_RATE_LIMIT): LookupThrottle {
  const admitted = new Map<string, number[]>();
  return {
    admit(accountId, region, now) {
      const key = `${accountId}|${region}`;
      const times = (admitted.get(key) ?? []).filter((time) => time > now - windowMs);
      if (times.length >= requests) {
        admitted.set(key, times);
        throw new ServiceError('ThrottlingException', 'Rate exceeded');
      }
      times.push(now);
      admitted.set(key, times);
    },
  };
}
