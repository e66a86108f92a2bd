import { formatEventTime } from './format-time';

const NO_BREAK_SPACE = '\u00a0';
import { useSettings } from './settings';

/**
 * A time in the user's chosen display (UTC or local), as a <time> element. In a narrow wrapping cell it
 * breaks only after the day: `2026-11-21,` above `14:03:07 (UTC)`, never a line per part.
 */
export function EventTime({ value }: { value: Date | string | number | undefined }) {
  const { settings } = useSettings();
  const date = value === undefined ? undefined : new Date(value);
  if (!date || Number.isNaN(date.getTime())) return <>-</>;
  const [day, time = ''] = formatEventTime(date, settings.timeDisplay).split(', ');
  return <time dateTime={date.toISOString()}>{`${day}, ${time.replaceAll(' ', NO_BREAK_SPACE)}`}</time>;
}
