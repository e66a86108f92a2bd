import { describe, expect, it } from 'vitest';
import { describeExtent, eventsElsewhere } from './events-elsewhere';

const day = (iso: string) => Date.parse(iso);
const extent = (
  region: string,
  events: number,
  first = '2023-07-10T03:00:00Z',
  last = '2023-07-11T22:00:00Z',
) => ({
  region,
  events,
  first: day(first),
  last: day(last),
});

describe('eventsElsewhere', () => {
  it('puts the selected Region first, then the Regions with the most events, at most three', () => {
    const extents = [
      extent('eu-west-1', 40),
      extent('us-west-2', 900),
      extent('us-east-1', 12),
      extent('ap-south-1', 0),
      extent('eu-central-1', 900),
    ];
    expect(eventsElsewhere(extents, 'us-east-1').map((e) => e.region)).toEqual([
      'us-east-1',
      'eu-central-1',
      'us-west-2',
    ]);
    expect(eventsElsewhere(extents, 'sa-east-1').map((e) => e.region)).toEqual([
      'eu-central-1',
      'us-west-2',
      'eu-west-1',
    ]);
  });

  it('offers nothing when the store is empty', () => {
    expect(eventsElsewhere([], 'us-east-1')).toEqual([]);
    expect(eventsElsewhere([extent('us-east-1', 0)], 'us-east-1')).toEqual([]);
  });
});

describe('describeExtent', () => {
  it.each([
    [extent('us-east-1', 2900), '2,900 events from 2023-07-10 to 2023-07-11 in us-east-1'],
    [
      extent('eu-west-1', 1, '2023-07-10T01:00:00Z', '2023-07-10T01:00:00Z'),
      '1 event on 2023-07-10 in eu-west-1',
    ],
  ])('%#: %s', (input, text) => {
    expect(describeExtent(input, 'utc')).toBe(text);
  });
});
