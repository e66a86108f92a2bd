import type { EventFilter } from '@/api/event-queries';
import { LOOKUP_ATTRIBUTE_LABELS } from '@/domain/lookup-attributes';

/** Event history opens with read-only events hidden: "Read-only = false" (reference §1.3). */
export const DEFAULT_LOOKUP_ATTRIBUTE = {
  key: 'ReadOnly',
  value: 'false',
} as const satisfies EventFilter['attribute'];

export function lookupAttributeLabel(attribute: {
  key: keyof typeof LOOKUP_ATTRIBUTE_LABELS;
  value: string;
}): string {
  return `${LOOKUP_ATTRIBUTE_LABELS[attribute.key]} = ${attribute.value}`;
}
