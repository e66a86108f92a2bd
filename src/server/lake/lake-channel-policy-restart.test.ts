// @vitest-environment node
// A channel's resource-based policy in the local backend is a member of the channel in the data file: after
// a restart it is read back as put and PutAuditEvents still follows it; deleting the channel deletes it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateChannelCommand,
  DeleteChannelCommand,
  GetResourcePolicyCommand,
  PutResourcePolicyCommand,
} from '@aws-sdk/client-cloudtrail';
import { afterAll, describe, expect, it } from 'vitest';
import { auditEventData, putAuditEvents, type CloudTrailDataError } from '@/test/cloudtrail-data';
import { createIntegrationStore } from '@/test/lake-channel-fixture';
import { LOCAL_ACCOUNT, localClients, startLocalServer } from '@/test/local-server';
import type { RunningServer } from '../main';

const root = mkdtempSync(join(tmpdir(), 'trailview-channel-policy-'));
let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

const recent = new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('channel resource-based policies in the local backend', () => {
  it('are kept across a restart, still apply, and go with the channel', async () => {
    server = await startLocalServer(root);
    let { ct } = localClients(server);
    const store = await createIntegrationStore(ct, 'policy-events');
    const { ChannelArn } = await ct.send(
      new CreateChannelCommand({
        Name: 'partner-app',
        Source: 'Custom',
        Destinations: [{ Type: 'EVENT_DATA_STORE', Location: store.arn }],
      }),
    );
    const arn = ChannelArn!;
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: '444455556666' },
          Action: 'cloudtrail-data:PutAuditEvents',
          Resource: arn,
          Condition: { StringEquals: { 'cloudtrail:ExternalId': 'partner-secret' } },
        },
        {
          Effect: 'Deny',
          Principal: { AWS: LOCAL_ACCOUNT },
          Action: 'cloudtrail-data:PutAuditEvents',
          Resource: arn,
        },
      ],
    });
    await ct.send(new PutResourcePolicyCommand({ ResourceArn: arn, ResourcePolicy: policy }));
    await server.stop();

    server = await startLocalServer(root);
    ({ ct } = localClients(server));
    const got = await ct.send(new GetResourcePolicyCommand({ ResourceArn: arn }));
    expect(got).toMatchObject({ ResourceArn: arn, ResourcePolicy: policy });
    const denied = await putAuditEvents(`${server.url}/aws`, {
      channelArn: arn,
      auditEvents: [{ id: 'a', eventData: auditEventData(LOCAL_ACCOUNT, { eventTime: recent, UID: 'a' }) }],
    }).then(
      () => undefined,
      (error: CloudTrailDataError) => error,
    );
    expect(denied).toMatchObject({ name: 'AccessDeniedException', status: 403 });

    await ct.send(new DeleteChannelCommand({ Channel: arn }));
    await server.stop();
    server = await startLocalServer(root);
    ({ ct } = localClients(server));
    await expect(ct.send(new GetResourcePolicyCommand({ ResourceArn: arn }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  }, 60_000);
});
