// The console's names for the two pricing options (BillingMode) and what each allows
// (query-event-data-store-cloudtrail.html).
import { RETENTION_BY_BILLING, RETENTION_MIN_DAYS, type BillingMode } from '@/domain/lake';

export const PRICING_LABELS: Readonly<Record<BillingMode, string>> = {
  EXTENDABLE_RETENTION_PRICING: 'One-year extendable retention pricing',
  FIXED_RETENTION_PRICING: 'Seven-year retention pricing',
};

export const PRICING_OPTIONS: Array<{ value: BillingMode; label: string; description: string }> = [
  {
    value: 'EXTENDABLE_RETENTION_PRICING',
    label: PRICING_LABELS.EXTENDABLE_RETENTION_PRICING,
    description:
      'Generally recommended if you expect to ingest less than 25 TB of event data per month. Default retention 366 days, up to 3,653 days.',
  },
  {
    value: 'FIXED_RETENTION_PRICING',
    label: PRICING_LABELS.FIXED_RETENTION_PRICING,
    description:
      'Generally recommended if you expect to ingest more than 25 TB of event data per month. Retention up to 2,557 days.',
  },
];

export function retentionConstraint(billing: BillingMode): string {
  const max = RETENTION_BY_BILLING[billing].max.toLocaleString('en-US');
  return `A whole number of days from ${RETENTION_MIN_DAYS} to ${max}.`;
}
