// @vitest-environment node
// CloudTrail Lake channels in the emulator as the demo build runs it: Create/Get/List/Update/DeleteChannel
// through the AWS SDK with their errors, tags on a channel ARN, the store a channel uses kept from deletion,
// and PutAuditEvents (CloudTrail Data API, restJson1) ingesting events that Lake queries find on the channel's
// store and that Event history never shows.
import {
  AddTagsCommand,
  CreateChannelCommand,
  CreateEventDataStoreCommand,
  DeleteChannelCommand,
  DeleteEventDataStoreCommand,
  GetChannelCommand,
  ListChannelsCommand,
  ListTagsCommand,
  LookupEventsCommand,
  RemoveTagsCommand,
  UpdateChannelCommand,
} from '@aws-sdk/client-cloudtrail';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_CHANNELS } from '@/domain/lake-channels';
import { createEmulator } from '@/emulator/handler';
import { createAccountState } from '@/emulator/state';
import { MemoryEventStore } from '@/emulator/store/memory-event-store';
import { auditEventData, putAuditEvents, type CloudTrailDataError } from '@/test/cloudtrail-data';
import { createIntegrationStore, queryRows } from '@/test/lake-channel-fixture';
import { TEST_ACCOUNT } from '@/test/records';
import { cloudTrailClient, TEST_ENDPOINT, useEmulatorServer } from '@/test/sdk';
import { MemoryChannelPersistence } from './lake-channels';
import { memoryLakeEngine } from './lake-memory-engine';

const store = new MemoryEventStore();
const channelData = new MemoryChannelPersistence();
const handle = createEmulator({
  store,
  state: createAccountState(TEST_ACCOUNT),
  lake: {
    engine: memoryLakeEngine(() => store.records(), {
      integrationEvents: (id) => channelData.eventsOf(id),
    }),
    builtInStoreRegion: 'us-east-1',
    channels: channelData,
  },
});
useEmulatorServer(() => handle);
const ct = cloudTrailClient();

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('the call should have failed'),
    (error: Error) => error,
  );

/** An event time an hour ago, inside every store's retention. */
const recent = new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('channels', () => {
  it('answers ListChannels with no channels (it was UnknownOperationException before)', async () => {
    const listed = await ct.send(new ListChannelsCommand({}));
    expect(listed.Channels).toEqual([]);
  });

  it('creates, reads, pages, renames, tags and deletes channels with the API errors', async () => {
    const destination = await createIntegrationStore(ct, 'integration-events');
    const management = await ct.send(new CreateEventDataStoreCommand({ Name: 'management-events' }));

    const bad = (input: Partial<ConstructorParameters<typeof CreateChannelCommand>[0]>) =>
      failure(
        ct.send(
          new CreateChannelCommand({
            Name: 'my-app',
            Source: 'Custom',
            Destinations: [{ Type: 'EVENT_DATA_STORE', Location: destination.arn }],
            ...input,
          }),
        ),
      );
    expect((await bad({ Name: 'no spaces' })).name).toBe('InvalidParameterException');
    expect((await bad({ Name: 'ab' })).name).toBe('InvalidParameterException');
    expect((await bad({ Source: '' })).name).toBe('InvalidSourceException');
    expect((await bad({ Destinations: [] })).name).toBe('InvalidParameterException');
    const wrongCategory = await bad({
      Destinations: [{ Type: 'EVENT_DATA_STORE', Location: management.EventDataStoreArn! }],
    });
    expect(wrongCategory.name).toBe('InvalidEventDataStoreCategoryException');
    const missing = await bad({
      Destinations: [
        {
          Type: 'EVENT_DATA_STORE',
          Location: `arn:aws:cloudtrail:us-east-1:${TEST_ACCOUNT}:eventdatastore/00000000-0000-0000-0000-000000000000`,
        },
      ],
    });
    expect(missing.name).toBe('EventDataStoreNotFoundException');
    const notAnArn = await bad({
      Destinations: [{ Type: 'EVENT_DATA_STORE', Location: 'arn:aws:s3:::bucket' }],
    });
    expect(notAnArn.name).toBe('EventDataStoreARNInvalidException');

    const created = await ct.send(
      new CreateChannelCommand({
        Name: 'my-app',
        Source: 'Custom',
        Destinations: [{ Type: 'EVENT_DATA_STORE', Location: destination.arn }],
        Tags: [{ Key: 'team', Value: 'payments' }],
      }),
    );
    expect(created.ChannelArn).toMatch(
      new RegExp(`^arn:aws:cloudtrail:us-east-1:${TEST_ACCOUNT}:channel/[0-9a-f-]{36}$`),
    );
    expect(created).toMatchObject({
      Name: 'my-app',
      Source: 'Custom',
      Destinations: [{ Type: 'EVENT_DATA_STORE', Location: destination.arn }],
      Tags: [{ Key: 'team', Value: 'payments' }],
    });
    expect((await bad({})).name).toBe('ChannelAlreadyExistsException');
    // One channel per partner source; Custom may have many.
    await ct.send(
      new CreateChannelCommand({
        Name: 'partner-a',
        Source: 'ExamplePartnerSource',
        Destinations: [{ Type: 'EVENT_DATA_STORE', Location: destination.arn }],
      }),
    );
    expect((await bad({ Name: 'partner-b', Source: 'ExamplePartnerSource' })).name).toBe(
      'ChannelAlreadyExistsException',
    );

    const got = await ct.send(new GetChannelCommand({ Channel: created.ChannelArn }));
    expect(got).toMatchObject({ ChannelArn: created.ChannelArn, Name: 'my-app', Source: 'Custom' });
    expect(got.IngestionStatus).toEqual({});
    const byId = await ct.send(new GetChannelCommand({ Channel: created.ChannelArn!.split('/').pop() }));
    expect(byId.ChannelArn).toBe(created.ChannelArn);
    expect(
      (await failure(ct.send(new GetChannelCommand({ Channel: 'arn:aws:cloudtrail:us-east-1:x' })))).name,
    ).toBe('ChannelARNInvalidException');
    const unknown = `arn:aws:cloudtrail:us-east-1:${TEST_ACCOUNT}:channel/11111111-1111-1111-1111-111111111111`;
    expect((await failure(ct.send(new GetChannelCommand({ Channel: unknown })))).name).toBe(
      'ChannelNotFoundException',
    );

    const first = await ct.send(new ListChannelsCommand({ MaxResults: 1 }));
    expect(first.Channels).toEqual([{ ChannelArn: created.ChannelArn, Name: 'my-app' }]);
    expect(first.NextToken).toBeDefined();
    const second = await ct.send(new ListChannelsCommand({ MaxResults: 1, NextToken: first.NextToken }));
    expect(second.Channels?.map((c) => c.Name)).toEqual(['partner-a']);
    expect(second.NextToken).toBeUndefined();
    expect((await failure(ct.send(new ListChannelsCommand({ NextToken: 'not-a-token' })))).name).toBe(
      'InvalidNextTokenException',
    );

    const renamed = await ct.send(
      new UpdateChannelCommand({ Channel: created.ChannelArn, Name: 'my-app-2' }),
    );
    expect(renamed).toMatchObject({ Name: 'my-app-2', Source: 'Custom' });
    expect(
      (await failure(ct.send(new UpdateChannelCommand({ Channel: created.ChannelArn, Name: 'partner-a' }))))
        .name,
    ).toBe('ChannelAlreadyExistsException');

    await ct.send(
      new AddTagsCommand({ ResourceId: created.ChannelArn, TagsList: [{ Key: 'env', Value: 'dev' }] }),
    );
    await ct.send(new RemoveTagsCommand({ ResourceId: created.ChannelArn, TagsList: [{ Key: 'team' }] }));
    const tags = await ct.send(new ListTagsCommand({ ResourceIdList: [created.ChannelArn!] }));
    expect(tags.ResourceTagList).toEqual([
      { ResourceId: created.ChannelArn, TagsList: [{ Key: 'env', Value: 'dev' }] },
    ]);
    expect((await failure(ct.send(new ListTagsCommand({ ResourceIdList: [unknown] })))).name).toBe(
      'ChannelNotFoundException',
    );

    // The store cannot go while a channel sends it events.
    const refused = await failure(
      ct.send(new DeleteEventDataStoreCommand({ EventDataStore: destination.arn })),
    );
    expect(refused.name).toBe('ChannelExistsForEDSException');
    const channels = await ct.send(new ListChannelsCommand({}));
    for (const channel of channels.Channels ?? []) {
      await ct.send(new DeleteChannelCommand({ Channel: channel.ChannelArn }));
    }
    expect((await failure(ct.send(new DeleteChannelCommand({ Channel: created.ChannelArn })))).name).toBe(
      'ChannelNotFoundException',
    );
    await ct.send(new DeleteEventDataStoreCommand({ EventDataStore: destination.arn }));

    // CreateChannel is a management event in Event history.
    const history = await ct.send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateChannel' }],
      }),
    );
    expect(history.Events?.length).toBeGreaterThanOrEqual(2);
  });

  it(`allows ${MAX_CHANNELS} channels`, async () => {
    const destination = await createIntegrationStore(ct, 'limit-events');
    const arns: string[] = [];
    for (let i = 0; i < MAX_CHANNELS; i++) {
      const made = await ct.send(
        new CreateChannelCommand({
          Name: `channel-${i}`,
          Source: 'Custom',
          Destinations: [{ Type: 'EVENT_DATA_STORE', Location: destination.arn }],
        }),
      );
      arns.push(made.ChannelArn!);
    }
    const over = await failure(
      ct.send(
        new CreateChannelCommand({
          Name: 'one-too-many',
          Source: 'Custom',
          Destinations: [{ Type: 'EVENT_DATA_STORE', Location: destination.arn }],
        }),
      ),
    );
    expect(over.name).toBe('ChannelMaxLimitExceededException');
    for (const arn of arns) await ct.send(new DeleteChannelCommand({ Channel: arn }));
    await ct.send(new DeleteEventDataStoreCommand({ EventDataStore: destination.arn }));
  });
});

describe('PutAuditEvents', () => {
  it('stores valid events, answers the others in failed, and Lake finds them on the channel store only', async () => {
    const destination = await createIntegrationStore(ct, 'app-events');
    const { ChannelArn } = await ct.send(
      new CreateChannelCommand({
        Name: 'billing-app',
        Source: 'Custom',
        Destinations: [{ Type: 'EVENT_DATA_STORE', Location: destination.arn }],
      }),
    );
    const channelArn = ChannelArn!;
    const good = auditEventData(TEST_ACCOUNT, { eventTime: recent, UID: 'uid-good' });
    const checked = auditEventData(TEST_ACCOUNT, {
      eventTime: recent,
      UID: 'uid-checked',
      eventName: 'PayInvoice',
    });
    const checksum = createHash('sha256').update(checked).digest('base64');
    const put = await putAuditEvents(TEST_ENDPOINT, {
      channelArn,
      auditEvents: [
        { id: 'good', eventData: good },
        { id: 'checked', eventData: checked, eventDataChecksum: checksum },
        { id: 'wrong-checksum', eventData: good, eventDataChecksum: checksum },
        { id: 'not-json', eventData: '{"version": ' },
        { id: 'no-uid', eventData: auditEventData(TEST_ACCOUNT, { eventTime: recent, UID: undefined }) },
        { id: 'other-account', eventData: auditEventData('999999999999', { eventTime: recent }) },
        { id: 'bad-time', eventData: auditEventData(TEST_ACCOUNT, { eventTime: 'yesterday' }) },
      ],
    });
    expect(put.successful.map((s) => s.id)).toEqual(['good', 'checked']);
    expect(put.failed.map((f) => [f.id, f.errorCode])).toEqual([
      ['wrong-checksum', 'InvalidChecksum'],
      ['not-json', 'InvalidData'],
      ['no-uid', 'FieldNotFound'],
      ['other-account', 'InvalidRecipient'],
      ['bad-time', 'InvalidData'],
    ]);
    for (const f of put.failed) expect(f.errorMessage.length).toBeGreaterThan(0);
    const ids = put.successful.map((s) => s.eventID);

    const rows = await queryRows(
      ct,
      `SELECT eventID, eventCategory, eventType, eventData.eventName, eventData.userIdentity.principalId,
          eventData.UID, metadata.channelARN FROM ${destination.id} ORDER BY eventData.UID`,
    );
    expect(rows).toEqual([
      [
        ids[1],
        'ActivityAuditLog',
        'ActivityLog',
        'PayInvoice',
        'alice@example.com',
        'uid-checked',
        channelArn,
      ],
      [
        ids[0],
        'ActivityAuditLog',
        'ActivityLog',
        'ApproveInvoice',
        'alice@example.com',
        'uid-good',
        channelArn,
      ],
    ]);
    const json = await queryRows(
      ct,
      `SELECT json_extract_scalar(eventData.requestParameters, '$.invoice') FROM ${destination.id} LIMIT 1`,
    );
    expect(json).toEqual([['INV-7']]);

    // Not CloudTrail events: Event history has neither the events nor a PutAuditEvents call.
    for (const name of ['ApproveInvoice', 'PutAuditEvents']) {
      const history = await ct.send(
        new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: name }] }),
      );
      expect(history.Events).toEqual([]);
    }
    const status = await ct.send(new GetChannelCommand({ Channel: channelArn }));
    expect(status.IngestionStatus?.LatestIngestionSuccessEventID).toBe(ids[1]);
    expect(status.IngestionStatus?.LatestIngestionErrorCode).toBe('InvalidData');
  });

  it('refuses whole requests with the CloudTrail Data errors', async () => {
    const destination = await createIntegrationStore(ct, 'refused-events');
    const { ChannelArn } = await ct.send(
      new CreateChannelCommand({
        Name: 'refusals',
        Source: 'Custom',
        Destinations: [{ Type: 'EVENT_DATA_STORE', Location: destination.arn }],
      }),
    );
    const event = { id: 'one', eventData: auditEventData(TEST_ACCOUNT, { eventTime: recent }) };
    const refusal = (input: Parameters<typeof putAuditEvents>[1]) =>
      failure(putAuditEvents(TEST_ENDPOINT, input)) as Promise<CloudTrailDataError>;

    expect((await refusal({ channelArn: ChannelArn!, auditEvents: [event, event] })).name).toBe(
      'DuplicatedAuditEventId',
    );
    const many = Array.from({ length: 101 }, (_, i) => ({ ...event, id: `e${i}` }));
    expect((await refusal({ channelArn: ChannelArn!, auditEvents: many })).name).toBe('ValidationException');
    const unknown = `arn:aws:cloudtrail:us-east-1:${TEST_ACCOUNT}:channel/22222222-2222-2222-2222-222222222222`;
    const notFound = await refusal({ channelArn: unknown, auditEvents: [event] });
    expect([notFound.name, notFound.status]).toEqual(['ChannelNotFound', 400]);
    expect((await refusal({ channelArn: 'arn:aws:s3:::bucket', auditEvents: [event] })).name).toBe(
      'InvalidChannelARN',
    );
    const foreign = ChannelArn!.replace(TEST_ACCOUNT, '999999999999');
    expect((await refusal({ channelArn: foreign, auditEvents: [event] })).name).toBe(
      'ChannelInsufficientPermission',
    );
    // Nothing of the refused requests was stored.
    expect(await queryRows(ct, `SELECT eventID FROM ${destination.id}`)).toEqual([]);
    // The channel's ID alone names it too; the external ID is accepted (this channel has no resource policy).
    const byId = await putAuditEvents(TEST_ENDPOINT, {
      channelArn: ChannelArn!.split('/').pop()!,
      externalId: 'partner-42',
      auditEvents: [event],
    });
    expect(byId.successful).toHaveLength(1);
  });
});
