import { formatEventTime } from './format-time';
import { useSettings } from './settings';

/** A time in the user's chosen display (UTC or local), as a <time> element. */
export function EventTime({ value }: { value: Date | string | number | undefined }) {
  const { settings } = useSettings();
  const date = value === undefined ? undefined : new Date(value);
  if (!date || Number.isNaN(date.getTime())) return <>-</>;
  return <time dateTime={date.toISOString()}>{formatEventTime(date, settings.timeDisplay)}</time>;
}
