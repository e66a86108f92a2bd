// @vitest-environment node
// Resource-based policies on channels in the demo build's emulator, through the AWS SDK: attached, read,
// replaced and deleted; refused unless they allow only cloudtrail-data:PutAuditEvents to accounts, users,
// roles or federated users on that channel; gone with the channel. PutAuditEvents by the owner (the one
// account here) is refused only by a Deny that names the owner, with its external ID condition applied.
import {
  CreateChannelCommand,
  DeleteChannelCommand,
  DeleteResourcePolicyCommand,
  GetResourcePolicyCommand,
  PutResourcePolicyCommand,
} from '@aws-sdk/client-cloudtrail';
import { describe, expect, it } from 'vitest';
import { auditEventData, putAuditEvents, type CloudTrailDataError } from '@/test/cloudtrail-data';
import { createIntegrationStore } from '@/test/lake-channel-fixture';
import { cloudTrailClient, TEST_ENDPOINT, useEmulatorServer } from '@/test/sdk';
import { createDemoEmulator } from '../../demo';

const NOW = new Date();
const demo = createDemoEmulator({ now: NOW, days: 1, background: false });
useEmulatorServer(() => demo.handle);
const client = cloudTrailClient();
const account = demo.state.accountId;
const PARTNER = '444455556666';

const document = (...statements: Array<Record<string, unknown>>) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });

/** The policy a partner integration asks for: its account may send events, with its external ID. */
const partnerPolicy = (channelArn: string) =>
  document({
    Sid: 'partner',
    Effect: 'Allow',
    Principal: { AWS: [`arn:aws:iam::${PARTNER}:root`, '111122223333'] },
    Action: 'cloudtrail-data:PutAuditEvents',
    Resource: channelArn,
    Condition: { StringEquals: { 'cloudtrail:ExternalId': 'partner-secret' } },
  });

async function newChannel(name: string): Promise<string> {
  const store = await createIntegrationStore(client, `${name}-store`);
  const created = await client.send(
    new CreateChannelCommand({
      Name: name,
      Source: 'Custom',
      Destinations: [{ Type: 'EVENT_DATA_STORE', Location: store.arn }],
    }),
  );
  return created.ChannelArn!;
}

const recent = new Date(NOW.getTime() - 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const send = (channelArn: string, externalId?: string) =>
  putAuditEvents(TEST_ENDPOINT, {
    channelArn,
    ...(externalId !== undefined && { externalId }),
    auditEvents: [{ id: 'one', eventData: auditEventData(account, { eventTime: recent, UID: 'u1' }) }],
  });

describe('Resource-based policies on channels', () => {
  it('attaches, reads, replaces and deletes a policy, which goes with the channel', async () => {
    const arn = await newChannel('partner-channel');
    await expect(client.send(new GetResourcePolicyCommand({ ResourceArn: arn }))).rejects.toMatchObject({
      name: 'ResourcePolicyNotFoundException',
    });
    const policy = partnerPolicy(arn);
    const put = await client.send(new PutResourcePolicyCommand({ ResourceArn: arn, ResourcePolicy: policy }));
    expect(put).toMatchObject({ ResourceArn: arn, ResourcePolicy: policy });
    expect(await client.send(new GetResourcePolicyCommand({ ResourceArn: arn }))).toMatchObject({
      ResourceArn: arn,
      ResourcePolicy: policy,
    });
    // The owner needs no external ID: the Allow is for the partner.
    expect((await send(arn)).successful).toHaveLength(1);

    await client.send(new DeleteResourcePolicyCommand({ ResourceArn: arn }));
    await expect(client.send(new GetResourcePolicyCommand({ ResourceArn: arn }))).rejects.toMatchObject({
      name: 'ResourcePolicyNotFoundException',
    });

    await client.send(new PutResourcePolicyCommand({ ResourceArn: arn, ResourcePolicy: policy }));
    await client.send(new DeleteChannelCommand({ Channel: arn }));
    await expect(client.send(new GetResourcePolicyCommand({ ResourceArn: arn }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it.each<[string, (arn: string) => string, RegExp]>([
    [
      'an action other than PutAuditEvents',
      (arn) =>
        document({
          Effect: 'Allow',
          Principal: { AWS: PARTNER },
          Action: 'cloudtrail:StartQuery',
          Resource: arn,
        }),
      /cloudtrail-data:PutAuditEvents/,
    ],
    [
      'a service principal',
      (arn) =>
        document({
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 'cloudtrail-data:PutAuditEvents',
          Resource: arn,
        }),
      /account IDs or the ARNs/,
    ],
    [
      'everyone as principal',
      () => document({ Effect: 'Allow', Principal: '*', Action: 'cloudtrail-data:PutAuditEvents' }),
      /account IDs or the ARNs/,
    ],
    [
      'another channel as Resource',
      (arn) =>
        document({
          Effect: 'Allow',
          Principal: { AWS: PARTNER },
          Action: 'cloudtrail-data:PutAuditEvents',
          Resource: `${arn.slice(0, -4)}0000`,
        }),
      /not the channel/,
    ],
    [
      '51 principals in a statement',
      (arn) =>
        document({
          Effect: 'Allow',
          Principal: { AWS: Array.from({ length: 51 }, (_, i) => String(100000000000 + i)) },
          Action: 'cloudtrail-data:PutAuditEvents',
          Resource: arn,
        }),
      /at most 50 principals/,
    ],
    [
      '21 statements',
      (arn) =>
        document(
          ...Array.from({ length: 21 }, () => ({
            Effect: 'Allow',
            Principal: { AWS: PARTNER },
            Action: 'cloudtrail-data:PutAuditEvents',
            Resource: arn,
          })),
        ),
      /at most 20 statements/,
    ],
  ])('refuses %s', async (_label, make, message) => {
    const arn = await newChannel(`refused-${Math.random().toString(36).slice(2, 8)}`);
    await expect(
      client.send(new PutResourcePolicyCommand({ ResourceArn: arn, ResourcePolicy: make(arn) })),
    ).rejects.toMatchObject({
      name: 'ResourcePolicyNotValidException',
      message: expect.stringMatching(message),
    });
    await expect(client.send(new GetResourcePolicyCommand({ ResourceArn: arn }))).rejects.toMatchObject({
      name: 'ResourcePolicyNotFoundException',
    });
  });

  it('refuses the owner PutAuditEvents only when a Deny names it, as its external ID condition says', async () => {
    const arn = await newChannel('denied-channel');
    const deny = document(
      {
        Effect: 'Allow',
        Principal: { AWS: PARTNER },
        Action: 'cloudtrail-data:PutAuditEvents',
        Resource: arn,
      },
      {
        Effect: 'Deny',
        Principal: { AWS: `arn:aws:iam::${account}:root` },
        Action: 'cloudtrail-data:PutAuditEvents',
        Resource: arn,
        Condition: { StringNotEquals: { 'cloudtrail:ExternalId': 'owner-secret' } },
      },
    );
    await client.send(new PutResourcePolicyCommand({ ResourceArn: arn, ResourcePolicy: deny }));
    for (const externalId of [undefined, 'wrong-secret']) {
      const error = (await send(arn, externalId).then(
        () => expect.unreachable('PutAuditEvents should have been denied'),
        (e: CloudTrailDataError) => e,
      )) as CloudTrailDataError;
      expect(error).toMatchObject({ name: 'AccessDeniedException', status: 403 });
      expect(error.message).toContain('explicit deny');
    }
    expect((await send(arn, 'owner-secret')).successful).toHaveLength(1);

    // A Deny of another account does not concern the owner.
    await client.send(
      new PutResourcePolicyCommand({
        ResourceArn: arn,
        ResourcePolicy: document({
          Effect: 'Deny',
          Principal: { AWS: PARTNER },
          Action: 'cloudtrail-data:PutAuditEvents',
          Resource: arn,
        }),
      }),
    );
    expect((await send(arn)).successful).toHaveLength(1);
  });
});
