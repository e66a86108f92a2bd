// The rules LookupEvents applies to a lookup attribute's value (API_LookupAttribute.html, docs/cloudtrail-facts.md#event-history-and-lookupevents):
// the emulator answers InvalidLookupAttributesException with these messages, and the console shows the
// same message beside the value before it sends anything.
import type { LookupAttributeKey } from './lookup-attributes';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// "The following characters ('_', ' ', ',', '\n') count as two characters towards the 2000 character limit."
const DOUBLE_WIDTH = /[_ ,\n]/g;
export const LOOKUP_VALUE_MAX = 2000;

/** The value's length as the 2000-character limit counts it. */
export function weightedLength(value: string): number {
  return value.length + (value.match(DOUBLE_WIDTH)?.length ?? 0);
}

/** Why LookupEvents would refuse this value, or undefined when it accepts it. */
export function lookupValueError(key: LookupAttributeKey, value: string): string | undefined {
  if (value.length === 0) return 'AttributeValue must be at least 1 character long.';
  if (weightedLength(value) > LOOKUP_VALUE_MAX) {
    return `AttributeValue must be at most ${LOOKUP_VALUE_MAX} characters long ('_', ' ', ',' and line breaks count as two).`;
  }
  if (key === 'ReadOnly' && value !== 'true' && value !== 'false') return 'ReadOnly must be true or false.';
  if (key === 'EventId' && !UUID.test(value)) return 'EventId must be a valid UUID.';
  return undefined;
}
