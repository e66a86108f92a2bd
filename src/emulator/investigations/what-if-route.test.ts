// @vitest-environment node
// The trail what-if route over a small store: the last 7 days of one Region, split by the selection with
// the delivery's selection function.
import { describe, expect, it } from 'vitest';
import type { SelectingTrail, WhatIfReport } from '@/domain/trail-selection';
import { makeRecord, T0 } from '@/test/records';
import { MemoryEventStore } from '../store/memory-event-store';
import { createInvestigationRoutes } from './investigation-routes';
import { memoryRecordSource } from './memory-record-source';

const DAY = 86_400_000;
const NOW = T0 + DAY;

const read = (eventName: string, time = T0) =>
  makeRecord({ time, eventName, eventSource: 'ec2.amazonaws.com', readOnly: true });
const write = (eventName: string, time = T0) =>
  makeRecord({ time, eventName, eventSource: 'ec2.amazonaws.com', readOnly: false });

async function routes() {
  const store = new MemoryEventStore();
  await store.append([
    read('DescribeInstances'),
    read('DescribeInstances'),
    read('DescribeVolumes'),
    write('RunInstances'),
    write('TerminateInstances'),
    // Outside the window, or in another Region: not counted.
    read('DescribeInstances', NOW - 8 * DAY),
    { ...read('DescribeInstances'), awsRegion: 'eu-west-1' },
    makeRecord({ time: T0, eventSource: 'iam.amazonaws.com', eventName: 'CreateUser', readOnly: false }),
  ]);
  return createInvestigationRoutes(memoryRecordSource(store), { now: () => NOW });
}

const trail = (selection: Partial<SelectingTrail> = {}): SelectingTrail => ({
  HomeRegion: 'us-east-1',
  IsMultiRegionTrail: true,
  IncludeGlobalServiceEvents: true,
  ...selection,
});

async function ask(selection: unknown, region = 'us-east-1') {
  const handler = await routes();
  const query = new URLSearchParams({ region, selection: JSON.stringify(selection) });
  const response = await handler.handle(new Request(`http://localhost/trailview/what-if?${query}`));
  if (!response) throw new Error('not answered');
  return { status: response.status, body: (await response.json()) as WhatIfReport & { message?: string } };
}

const writeOnly = {
  FieldSelectors: [
    { Field: 'eventCategory', Equals: ['Management'] },
    { Field: 'readOnly', Equals: ['false'] },
  ],
};

describe('trailview/what-if', () => {
  it.each([
    {
      name: 'all management events keep everything',
      selection: trail({
        advancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }],
      }),
      selected: 6,
      dropped: [],
    },
    {
      name: 'write-only drops the read events',
      selection: trail({ advancedEventSelectors: [writeOnly] }),
      selected: 3,
      dropped: [
        { eventName: 'DescribeInstances', count: 2 },
        { eventName: 'DescribeVolumes', count: 1 },
      ],
    },
    {
      name: 'basic read-only selectors drop the writes',
      selection: trail({ eventSelectors: [{ ReadWriteType: 'ReadOnly', IncludeManagementEvents: true }] }),
      selected: 3,
      dropped: [
        { eventName: 'CreateUser', count: 1 },
        { eventName: 'RunInstances', count: 1 },
        { eventName: 'TerminateInstances', count: 1 },
      ],
    },
    {
      name: 'without global service events the IAM call is dropped',
      selection: trail({ IncludeGlobalServiceEvents: false }),
      selected: 5,
      dropped: [{ eventName: 'CreateUser', count: 1 }],
    },
    {
      name: 'S3 data events only drop every management event',
      selection: trail({
        advancedEventSelectors: [
          {
            FieldSelectors: [
              { Field: 'eventCategory', Equals: ['Data'] },
              { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
            ],
          },
        ],
      }),
      selected: 0,
      dropped: [
        { eventName: 'DescribeInstances', count: 2 },
        { eventName: 'CreateUser', count: 1 },
        { eventName: 'DescribeVolumes', count: 1 },
        { eventName: 'RunInstances', count: 1 },
        { eventName: 'TerminateInstances', count: 1 },
      ],
    },
  ])('$name', async ({ selection, selected, dropped }) => {
    const { status, body } = await ask(selection);
    expect(status).toBe(200);
    expect(body).toMatchObject({ selected, total: 6, dropped, droppedNames: dropped.length });
    expect(body.from).toBe(new Date(NOW - 7 * DAY).toISOString());
  });

  it('counts the events of the Region asked for', async () => {
    const { body } = await ask(trail({ HomeRegion: 'eu-west-1', IsMultiRegionTrail: false }), 'eu-west-1');
    expect(body).toMatchObject({ selected: 1, total: 1, dropped: [] });
  });

  it.each([
    ['a missing selection', undefined],
    ['a selection without its Region flags', { HomeRegion: 'us-east-1' }],
    [
      'an unknown operator',
      trail({ advancedEventSelectors: [{ FieldSelectors: [{ Field: 'x', Like: ['y'] }] }] as never }),
    ],
    ['both kinds of selectors', trail({ eventSelectors: [], advancedEventSelectors: [] })],
  ])('refuses %s', async (_, selection) => {
    const { status, body } = await ask(selection);
    expect(status).toBe(400);
    expect(body.message).toBeTruthy();
  });

  it('refuses an invalid Region and a method other than GET', async () => {
    expect((await ask(trail(), 'not a region')).status).toBe(400);
    const handler = await routes();
    const response = await handler.handle(
      new Request('http://localhost/trailview/what-if', { method: 'POST', body: '{}' }),
    );
    expect(response?.status).toBe(405);
  });
});
