// @vitest-environment node
// Lake channels in the local backend, over HTTP: a channel to an integration store, PutAuditEvents
// (CloudTrail Data API) ingesting events that the DuckDB engine's StartQuery finds on that store and Event
// history never shows; after a restart the channel, its tags and the events are still there. A PutAuditEvents
// sent from another web origin is refused like every other change. The AWS CLI (when installed) lists the
// channel and puts an event with `aws cloudtrail-data put-audit-events`.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  CreateChannelCommand,
  DeleteEventDataStoreCommand,
  GetChannelCommand,
  ListChannelsCommand,
  ListEventDataStoresCommand,
  ListTagsCommand,
  LookupEventsCommand,
} from '@aws-sdk/client-cloudtrail';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILT_IN_STORE_NAME } from '@/domain/lake';
import { auditEventData, putAuditEvents, type CloudTrailDataError } from '@/test/cloudtrail-data';
import { createIntegrationStore, queryRows } from '@/test/lake-channel-fixture';
import { LOCAL_ACCOUNT, localClients, startLocalServer } from '@/test/local-server';
import type { RunningServer } from '../main';

const root = mkdtempSync(join(tmpdir(), 'trailview-lake-channels-'));
let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

const recent = (hoursAgo: number) =>
  new Date(Date.now() - hoursAgo * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

const run = promisify(execFile);
const hasCli = await run('aws', ['--version']).then(
  () => true,
  () => false,
);

describe('channels in the local backend', () => {
  it('ingests events into the channel store, keeps everything across a restart, refuses foreign origins', async () => {
    server = await startLocalServer(root);
    let { ct } = localClients(server);
    const store = await createIntegrationStore(ct, 'app-events');
    const { ChannelArn } = await ct.send(
      new CreateChannelCommand({
        Name: 'billing-app',
        Source: 'Custom',
        Destinations: [{ Type: 'EVENT_DATA_STORE', Location: store.arn }],
        Tags: [{ Key: 'team', Value: 'payments' }],
      }),
    );
    const channelArn = ChannelArn!;
    const endpoint = `${server.url}/aws`;
    const put = await putAuditEvents(endpoint, {
      channelArn,
      auditEvents: [
        { id: 'a', eventData: auditEventData(LOCAL_ACCOUNT, { eventTime: recent(2), UID: 'uid-a' }) },
        {
          id: 'b',
          eventData: auditEventData(LOCAL_ACCOUNT, {
            eventTime: recent(1),
            UID: 'uid-b',
            eventName: 'PayInvoice',
          }),
        },
        { id: 'c', eventData: auditEventData(LOCAL_ACCOUNT, { eventTime: recent(1), version: 7 }) },
      ],
    });
    expect(put.successful.map((s) => s.id)).toEqual(['a', 'b']);
    expect(put.failed).toEqual([
      { id: 'c', errorCode: 'InvalidData', errorMessage: 'The field version must be a string.' },
    ]);
    const ids = put.successful.map((s) => s.eventID);
    const statement = `SELECT eventID, eventData.eventName, eventData.UID, metadata.channelARN,
        json_extract_scalar(eventData.requestParameters, '$.invoice') FROM ${store.id} ORDER BY eventTime`;
    const expected = [
      [ids[0], 'ApproveInvoice', 'uid-a', channelArn, 'INV-7'],
      [ids[1], 'PayInvoice', 'uid-b', channelArn, 'INV-7'],
    ];
    // Answered only once committed: the events are there for the very next query.
    expect(await queryRows(ct, statement)).toEqual(expected);

    // A page on another origin cannot put events (docs/security.md); nothing of it is stored.
    const foreign = await putAuditEvents(
      endpoint,
      {
        channelArn,
        auditEvents: [{ id: 'x', eventData: auditEventData(LOCAL_ACCOUNT, { eventTime: recent(1) }) }],
      },
      { headers: { origin: 'https://evil.example' } },
    ).catch((error: CloudTrailDataError) => error);
    expect(foreign).toMatchObject({ name: 'AccessDeniedException', status: 403 });

    // Integration events are not CloudTrail events: not in Event history, not in the built-in store.
    const history = await ct.send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'PayInvoice' }],
      }),
    );
    expect(history.Events).toEqual([]);
    const stores = await ct.send(new ListEventDataStoresCommand({}));
    const builtIn = stores.EventDataStores!.find((s) => s.Name === BUILT_IN_STORE_NAME)!.EventDataStoreArn!;
    const inBuiltIn = `SELECT count(*) FROM ${builtIn.split('/').pop()} WHERE eventName = 'PayInvoice'`;
    expect(await queryRows(ct, inBuiltIn)).toEqual([['0']]);

    await server.stop();
    server = await startLocalServer(root);
    ({ ct } = localClients(server));
    expect((await ct.send(new ListChannelsCommand({}))).Channels).toEqual([
      { ChannelArn: channelArn, Name: 'billing-app' },
    ]);
    const tags = await ct.send(new ListTagsCommand({ ResourceIdList: [channelArn] }));
    expect(tags.ResourceTagList?.[0]?.TagsList).toEqual([{ Key: 'team', Value: 'payments' }]);
    const channel = await ct.send(new GetChannelCommand({ Channel: channelArn }));
    expect(channel.IngestionStatus?.LatestIngestionSuccessEventID).toBe(ids[1]);
    expect(await queryRows(ct, statement)).toEqual(expected);
    const refused = await ct
      .send(new DeleteEventDataStoreCommand({ EventDataStore: store.arn }))
      .catch((error: Error) => error);
    expect(refused).toMatchObject({ name: 'ChannelExistsForEDSException' });

    if (!hasCli) return;
    const env = {
      ...process.env,
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'not-checked',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_PAGER: '',
    };
    const cli = async (...args: string[]) =>
      JSON.parse(
        (await run('aws', ['--endpoint-url', `${server!.url}/aws`, '--output', 'json', ...args], { env }))
          .stdout,
      ) as Record<string, unknown>;
    const listed = await cli('cloudtrail', 'list-channels');
    expect(listed.Channels).toEqual([{ ChannelArn: channelArn, Name: 'billing-app' }]);
    const events = JSON.stringify([
      { id: 'cli', eventData: auditEventData(LOCAL_ACCOUNT, { eventTime: recent(0.5), UID: 'uid-cli' }) },
    ]);
    const answered = await cli(
      'cloudtrail-data',
      'put-audit-events',
      '--channel-arn',
      channelArn,
      '--audit-events',
      events,
    );
    expect(answered).toMatchObject({ successful: [{ id: 'cli' }], failed: [] });
    const uids = await queryRows(ct, `SELECT eventData.UID FROM ${store.id} ORDER BY eventTime`);
    expect(uids).toEqual([['uid-a'], ['uid-b'], ['uid-cli']]);
  });
});
