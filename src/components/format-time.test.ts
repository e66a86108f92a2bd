import { describe, expect, it } from 'vitest';
import { formatEventTime } from './format-time';

describe('formatEventTime', () => {
  it.each([
    ['2026-11-21T14:03:07Z', '2026-11-21, 14:03:07 (UTC)'],
    ['2026-01-02T03:04:05.678Z', '2026-01-02, 03:04:05 (UTC)'],
    ['not a time', '-'],
  ])('shows %s in UTC as %s', (input, expected) => {
    expect(formatEventTime(input, 'utc')).toBe(expected);
  });

  it('shows the local time with its offset from UTC', () => {
    const date = new Date('2026-11-21T14:03:07Z');
    const text = formatEventTime(date, 'local');
    expect(text).toMatch(/^\d{4}-\d{2}-\d{2}, \d{2}:\d{2}:\d{2} \(UTC[+-]\d{2}:\d{2}\)$/);
    // Reading the text back as a local time with that offset gives the same instant.
    const [, day, time, offset] = /^(.+), (.+) \(UTC(.+)\)$/.exec(text)!;
    expect(Date.parse(`${day}T${time}${offset}`)).toBe(date.getTime());
  });

  it('shows a dash for no time', () => {
    expect(formatEventTime(undefined, 'local')).toBe('-');
  });
});
