// The LookupEvents contract, through the AWS SDK v3: API_LookupEvents.html as docs/cloudtrail-facts.md#event-history-and-lookupevents quotes it, and
// the Username/Resources derivation of docs/cloudtrail-facts.md#event-history-and-lookupevents. Any handler runs it: the in-memory emulator
// (lookup-events.sdk.test.ts) and the server's DuckDB-backed one. The factory must answer with exactly the
// given records (audit off, so the suite's own calls are not added) and its clock fixed at `now`.
import {
  LookupEventsCommand,
  paginateLookupEvents,
  type EventCategory,
  type LookupEventsCommandInput,
} from '@aws-sdk/client-cloudtrail';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnyRecord } from '@/domain/record';
import * as data from '@/test/lookup-dataset';
import { T0, TEST_ACCOUNT } from '@/test/records';
import { cloudTrailClient, useEmulatorServer } from '@/test/sdk';
import type { EmulatorHandler } from '../../handler';

export type LookupHandlerFactory = (setup: {
  records: readonly AnyRecord[];
  now: number;
}) => Promise<EmulatorHandler>;

const { MINUTE, EAST_NEWEST_FIRST: EAST } = data;
const ids = (records: readonly AnyRecord[]) => records.map((r) => r.eventID);

export function runLookupEventsContract(name: string, makeHandler: LookupHandlerFactory) {
  describe(`LookupEvents contract: ${name}`, () => {
    let handle: EmulatorHandler | undefined;
    useEmulatorServer(() => {
      if (!handle) throw new Error('The LookupEvents contract has no handler yet.');
      return handle;
    });
    beforeAll(async () => {
      handle = await makeHandler({ records: data.LOOKUP_RECORDS, now: data.LOOKUP_NOW });
    });

    const lookup = (input: LookupEventsCommandInput, region = 'us-east-1') =>
      cloudTrailClient(region).send(new LookupEventsCommand(input));
    const by = (key: string, value: string) =>
      lookup({ LookupAttributes: [{ AttributeKey: key as 'EventName', AttributeValue: value }] });
    async function drain(input: LookupEventsCommandInput, pageSize: number) {
      const out: string[] = [];
      for await (const page of paginateLookupEvents({ client: cloudTrailClient(), pageSize }, input)) {
        out.push(...page.Events!.map((e) => e.EventId!));
      }
      return out;
    }

    it('returns 50 events newest first with a NextToken, and each Event as the API describes it', async () => {
      const out = await lookup({});
      expect(out.Events!.map((e) => e.EventId)).toEqual(ids(EAST.slice(0, 50)));
      expect(out.NextToken).toEqual(expect.any(String));
      expect(out.Events![0]).toEqual({
        EventId: data.createUser.eventID,
        EventName: 'CreateUser',
        ReadOnly: 'false',
        AccessKeyId: 'AKIAEXAMPLEBOB000001',
        EventTime: new Date(T0),
        EventSource: 'iam.amazonaws.com',
        Username: 'bob',
        Resources: [
          { ResourceType: 'AWS::IAM::User', ResourceName: 'carol' },
          { ResourceType: 'AWS::IAM::User', ResourceName: `arn:aws:iam::${TEST_ACCOUNT}:user/carol` },
          { ResourceType: 'AWS::IAM::User', ResourceName: 'AIDAEXAMPLECAROL0001' },
        ],
        CloudTrailEvent: expect.any(String),
      });
      expect(JSON.parse(out.Events![0]!.CloudTrailEvent!)).toEqual(data.createUser);
    });

    it('pages through every event exactly once, whatever the page size, ties included', async () => {
      for (const pageSize of [1, 7, 50]) expect(await drain({}, pageSize)).toEqual(ids(EAST));
      const ties = await drain(
        { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'TieBreak' }] },
        1,
      );
      expect(ties).toEqual([data.tieB.eventID, data.tieA.eventID]);
    });

    it('answers a lookup that matches nothing with no events and no NextToken', async () => {
      const out = await by('EventName', 'NoSuchCall');
      expect(out.Events).toEqual([]);
      expect(out.NextToken).toBeUndefined();
    });

    it.each<[string, string, () => AnyRecord[]]>([
      ['EventName', 'CreateUser', () => [data.createUser]],
      ['EventName', 'createuser', () => []],
      ['EventSource', 's3.amazonaws.com', () => [data.assumedRole]],
      ['EventId', data.rootLogin.eventID, () => [data.rootLogin]],
      ['AccessKeyId', 'AKIAEXAMPLEBOB000001', () => [data.createUser]],
      ['AccessKeyId', 'ASIAEXAMPLETEMP00001', () => [data.assumedRole]],
      ['ReadOnly', 'true', () => EAST.filter((r) => r.readOnly)],
      ['ReadOnly', 'false', () => EAST.filter((r) => !r.readOnly)],
      ['Username', 'bob', () => [data.createUser]],
      ['Username', 'root', () => [data.rootLogin]],
      ['Username', 'HIDDEN_DUE_TO_SECURITY_REASONS', () => [data.hiddenLogin]],
      ['Username', 'i-0d15bf185eb766168', () => [data.assumedRole]],
      ['Username', 'app-role', () => []],
      ['ResourceType', 'AWS::IAM::User', () => [data.createUser]],
      ['ResourceType', 'AWS::S3::Bucket', () => [data.assumedRole]],
      ['ResourceName', 'carol', () => [data.createUser]],
      ['ResourceName', `arn:aws:iam::${TEST_ACCOUNT}:user/carol`, () => [data.createUser]],
      ['ResourceName', 'AIDAEXAMPLECAROL0001', () => [data.createUser]],
      ['ResourceName', 'logs-bucket', () => [data.assumedRole]],
    ])('matches %s = %s exactly', async (key, value, expected) => {
      const all = await drain(
        { LookupAttributes: [{ AttributeKey: key as 'EventName', AttributeValue: value }] },
        50,
      );
      expect(all).toEqual(ids(expected()));
    });

    it('derives Username per identity and leaves it out for AWS services, with ReadOnly as a string', async () => {
      const event = async (record: AnyRecord) => (await by('EventId', record.eventID)).Events![0]!;
      expect((await event(data.rootLogin)).Username).toBe('root');
      expect((await event(data.hiddenLogin)).Username).toBe('HIDDEN_DUE_TO_SECURITY_REASONS');
      expect((await event(data.hiddenLogin)).AccessKeyId).toBeUndefined();
      expect((await event(data.assumedRole)).Username).toBe('i-0d15bf185eb766168');
      const service = await event(data.serviceEvent);
      expect(service).not.toHaveProperty('Username');
      expect(service).not.toHaveProperty('AccessKeyId');
      expect(service.ReadOnly).toBe('false');
      expect(service.Resources).toEqual([]);
    });

    it('treats StartTime and EndTime as inclusive, alone or together', async () => {
      const at = (minutes: number) => new Date(T0 - minutes * MINUTE);
      const window = await drain({ StartTime: at(12), EndTime: at(10) }, 50);
      expect(window).toEqual(ids(data.ordinary.slice(0, 3)));
      expect(await drain({ StartTime: at(5), EndTime: at(5) }, 50)).toEqual([
        data.tieB.eventID,
        data.tieA.eventID,
      ]);
      expect(await drain({ StartTime: at(2) }, 50)).toEqual(
        ids([data.createUser, data.rootLogin, data.hiddenLogin]),
      );
      expect(await drain({ EndTime: at(68) }, 50)).toEqual(ids(data.ordinary.slice(58)));
    });

    it('keeps Regions apart', async () => {
      const out = await lookup({}, 'eu-west-1');
      expect(out.Events!.map((e) => e.EventId)).toEqual([data.inEurope.eventID]);
    });

    it('returns Insights events only with EventCategory insight, filtered by name, source or ID', async () => {
      const insights = await lookup({ EventCategory: 'insight' });
      expect(insights.Events!.map((e) => e.EventId)).toEqual(ids([data.insightEnd, data.insightStart]));
      expect(insights.Events![0]).toMatchObject({
        EventName: 'SendCommand',
        EventSource: 'ssm.amazonaws.com',
      });
      expect(JSON.parse(insights.Events![0]!.CloudTrailEvent!)).toEqual(data.insightEnd);
      const byName = await lookup({
        EventCategory: 'insight',
        LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 'ssm.amazonaws.com' }],
      });
      expect(byName.Events).toHaveLength(2);
      expect((await by('EventName', 'SendCommand')).Events).toEqual([]);
      expect(await drain({}, 50)).not.toContain(data.insightStart.eventID);
    });

    const attribute = (key: string, value: string): LookupEventsCommandInput => ({
      LookupAttributes: [{ AttributeKey: key as 'EventName', AttributeValue: value }],
    });
    it.each<[string, LookupEventsCommandInput, string, RegExp?]>([
      [
        'two lookup attributes',
        {
          LookupAttributes: [
            ...attribute('EventName', 'CreateUser').LookupAttributes!,
            ...attribute('Username', 'bob').LookupAttributes!,
          ],
        },
        'InvalidLookupAttributesException',
      ],
      ['an unknown attribute key', attribute('UserAgent', 'aws-cli'), 'InvalidLookupAttributesException'],
      ['an empty value', attribute('EventName', ''), 'InvalidLookupAttributesException'],
      [
        'a value over 2000 characters',
        attribute('EventName', 'a'.repeat(2001)),
        'InvalidLookupAttributesException',
      ],
      [
        "1001 '_', which count twice",
        attribute('ResourceName', '_'.repeat(1001)),
        'InvalidLookupAttributesException',
      ],
      [
        'ReadOnly other than true or false',
        attribute('ReadOnly', 'TRUE'),
        'InvalidLookupAttributesException',
      ],
      [
        'an EventId that is not a UUID',
        attribute('EventId', 'not-a-uuid'),
        'InvalidLookupAttributesException',
        /^EventId must be a valid UUID\.$/,
      ],
      [
        'Username with EventCategory insight',
        { ...attribute('Username', 'bob'), EventCategory: 'insight' },
        'InvalidLookupAttributesException',
      ],
      [
        'a start after the end',
        { StartTime: new Date(T0), EndTime: new Date(T0 - 1000) },
        'InvalidTimeRangeException',
      ],
      ['MaxResults 0', { MaxResults: 0 }, 'InvalidMaxResultsException'],
      ['MaxResults 51', { MaxResults: 51 }, 'InvalidMaxResultsException'],
      [
        'an EventCategory other than insight',
        { EventCategory: 'management' as EventCategory },
        'InvalidEventCategoryException',
      ],
      ['a NextToken that is not one', { NextToken: 'bm90IGEgdG9rZW4' }, 'InvalidNextTokenException'],
    ])('rejects %s', async (_label, input, errorName, message) => {
      const failure = lookup(input);
      await expect(failure).rejects.toMatchObject({ name: errorName, $metadata: { httpStatusCode: 400 } });
      if (message) await expect(failure).rejects.toThrow(message);
    });

    it('accepts the limits themselves: 2000 characters, 1000 doubled ones, MaxResults 1 and 50', async () => {
      expect((await lookup(attribute('EventName', 'a'.repeat(2000)))).Events).toEqual([]);
      expect((await lookup(attribute('ResourceName', '_'.repeat(1000)))).Events).toEqual([]);
      expect((await lookup({ MaxResults: 1 })).Events).toHaveLength(1);
      expect((await lookup({ MaxResults: 50 })).Events).toHaveLength(50);
    });

    it('binds a NextToken to the parameters it came from', async () => {
      const input = {
        ...attribute('ReadOnly', 'false'),
        StartTime: new Date(T0 - 60 * MINUTE),
        MaxResults: 5,
      };
      const first = await lookup(input);
      const others: LookupEventsCommandInput[] = [
        { ...input, LookupAttributes: attribute('ReadOnly', 'true').LookupAttributes },
        { ...input, StartTime: new Date(T0 - 61 * MINUTE) },
        { ...input, EndTime: new Date(T0) },
        { ...input, LookupAttributes: undefined },
      ];
      for (const other of others) {
        await expect(lookup({ ...other, NextToken: first.NextToken })).rejects.toMatchObject({
          name: 'InvalidNextTokenException',
        });
      }
      await expect(lookup({ ...input, NextToken: first.NextToken }, 'eu-west-1')).rejects.toMatchObject({
        name: 'InvalidNextTokenException',
      });
      const second = await lookup({ ...input, NextToken: first.NextToken });
      const expected = ids(EAST.filter((r) => !r.readOnly && Date.parse(r.eventTime) >= T0 - 60 * MINUTE));
      expect([...first.Events!, ...second.Events!].map((e) => e.EventId)).toEqual(expected.slice(0, 10));
    });

    it('throttles a third request in the same second when asked to, per account and Region', async () => {
      // x-trailview-throttle: on asks for CloudTrail's 2 requests per second (lookup-throttle.ts).
      handle = await makeHandler({ records: data.LOOKUP_RECORDS, now: data.LOOKUP_NOW });
      const throttled = (region: string) => {
        const client = cloudTrailClient(region);
        client.middlewareStack.add(
          (next) => (args) => {
            (args.request as { headers: Record<string, string> }).headers['x-trailview-throttle'] = 'on';
            return next(args);
          },
          { step: 'build', name: 'throttleHeader' },
        );
        return client;
      };
      const east = throttled('us-east-1');
      await east.send(new LookupEventsCommand({ MaxResults: 1 }));
      await east.send(new LookupEventsCommand({ MaxResults: 1 }));
      await expect(east.send(new LookupEventsCommand({ MaxResults: 1 }))).rejects.toMatchObject({
        name: 'ThrottlingException',
        message: 'Rate exceeded',
        $metadata: { httpStatusCode: 400 },
      });
      await expect(throttled('eu-west-1').send(new LookupEventsCommand({}))).resolves.toBeDefined();
      await expect(
        cloudTrailClient().send(new LookupEventsCommand({ MaxResults: 1 })),
      ).resolves.toBeDefined();
    });
  });
}
