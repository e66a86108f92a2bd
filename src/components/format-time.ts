// One way to show a time everywhere: `2026-11-21, 14:03:07 (UTC)`, or in the browser's time zone with
// its offset, `2026-11-21, 15:03:07 (UTC+01:00)`. The console defaults to UTC (docs/cloudtrail-facts.md#event-history-console).

export type TimeDisplay = 'utc' | 'local';

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

export function formatEventTime(value: Date | string | number | undefined, timeDisplay: TimeDisplay): string {
  if (value === undefined) return '-';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '-';
  if (timeDisplay === 'utc') {
    const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
    const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
    return `${day}, ${time} (UTC)`;
  }
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  // getTimezoneOffset is minutes *behind* UTC, so UTC+01:00 is -60.
  const offset = -date.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const hours = Math.floor(Math.abs(offset) / 60);
  const minutes = Math.abs(offset) % 60;
  return `${day}, ${time} (UTC${sign}${pad(hours)}:${pad(minutes)})`;
}
