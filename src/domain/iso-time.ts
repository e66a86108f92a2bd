/**
 * An instant as CloudTrail writes `eventTime` and as LookupEvents takes its bounds: UTC, whole seconds,
 * no fraction (`2026-11-20T08:00:00Z`).
 */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}
