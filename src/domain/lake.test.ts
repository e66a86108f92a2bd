// The event data store rules the Create and Edit forms show and CreateEventDataStore / UpdateEventDataStore
// raise, table-driven.
import { describe, expect, it } from 'vitest';
import { eventDataStoreNameError, retentionPeriodError, type BillingMode } from './lake';

describe('retentionPeriodError', () => {
  const cases: Array<[number, BillingMode, string | undefined]> = [
    [7, 'EXTENDABLE_RETENTION_PRICING', undefined],
    [366, 'EXTENDABLE_RETENTION_PRICING', undefined],
    [3653, 'EXTENDABLE_RETENTION_PRICING', undefined],
    [2557, 'FIXED_RETENTION_PRICING', undefined],
    [6, 'EXTENDABLE_RETENTION_PRICING', 'The retention period must be between 7 and 3653 days.'],
    [3654, 'EXTENDABLE_RETENTION_PRICING', 'The retention period must be between 7 and 3653 days.'],
    [2558, 'FIXED_RETENTION_PRICING', 'The retention period must be between 7 and 2557 days.'],
    [12.5, 'EXTENDABLE_RETENTION_PRICING', 'The retention period must be a whole number of days.'],
    [6.5, 'FIXED_RETENTION_PRICING', 'The retention period must be a whole number of days.'],
    [Number.NaN, 'EXTENDABLE_RETENTION_PRICING', 'The retention period must be a whole number of days.'],
  ];
  it.each(cases)('%s days with %s', (days, billing, message) => {
    expect(retentionPeriodError(days, billing)).toBe(message);
  });
});

describe('eventDataStoreNameError', () => {
  it.each([
    ['abc', undefined],
    ['my-store_1.a', undefined],
    ['ab', 'The event data store name must be between 3 and 128 characters.'],
    ['a'.repeat(129), 'The event data store name must be between 3 and 128 characters.'],
    [
      'my store',
      'The event data store name can contain only letters, numbers, periods (.), underscores (_) and hyphens (-).',
    ],
  ])('%s', (name, message) => {
    expect(eventDataStoreNameError(name)).toBe(message);
  });
});
