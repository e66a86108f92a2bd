// @vitest-environment node
// Resource-based policies on event data stores and dashboards in the demo build's emulator, through the
// AWS SDK: attached, read, replaced and deleted; refused when the document or the ARN is not valid; gone
// with their resource; recorded in Event history as the other management calls are.
import {
  CreateDashboardCommand,
  CreateEventDataStoreCommand,
  DeleteDashboardCommand,
  DeleteEventDataStoreCommand,
  DeleteResourcePolicyCommand,
  GetResourcePolicyCommand,
  LookupEventsCommand,
  PutResourcePolicyCommand,
  RestoreEventDataStoreCommand,
} from '@aws-sdk/client-cloudtrail';
import { describe, expect, it } from 'vitest';
import { EVENT_DATA_STORE_POLICY_ACTIONS, RESOURCE_POLICY_MAX } from '@/domain/lake-resource-policy';
import { cloudTrailClient, useEmulatorServer } from '@/test/sdk';
import { createDemoEmulator } from '../../demo';

const NOW = new Date('2026-11-21T12:00:00Z');
const demo = createDemoEmulator({ now: NOW, days: 1, background: false });
useEmulatorServer(() => demo.handle);
const client = cloudTrailClient();
const account = demo.state.accountId;

const policy = (statement: Record<string, unknown>) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', ...statement }] });

const queryPolicy = policy({
  Sid: 'cross-account-queries',
  Principal: { AWS: ['arn:aws:iam::111122223333:root', '444455556666'] },
  Action: ['cloudtrail:StartQuery', 'cloudtrail:GetQueryResults', 'cloudtrail:GetEventDataStore'],
});
const refreshPolicy = (dashboardArn: string) =>
  policy({
    Principal: { Service: 'cloudtrail.amazonaws.com' },
    Action: 'cloudtrail:StartDashboardRefresh',
    Condition: { StringEquals: { 'AWS:SourceArn': dashboardArn, 'AWS:SourceAccount': account } },
  });

async function newStore(name: string): Promise<string> {
  const created = await client.send(
    new CreateEventDataStoreCommand({ Name: name, TerminationProtectionEnabled: false }),
  );
  return created.EventDataStoreArn!;
}

describe('Resource-based policies on event data stores', () => {
  it('attaches, reads, replaces and deletes a policy', async () => {
    const arn = await newStore('policy-store');
    await expect(client.send(new GetResourcePolicyCommand({ ResourceArn: arn }))).rejects.toMatchObject({
      name: 'ResourcePolicyNotFoundException',
    });
    const put = await client.send(
      new PutResourcePolicyCommand({ ResourceArn: arn, ResourcePolicy: queryPolicy }),
    );
    expect(put).toMatchObject({ ResourceArn: arn, ResourcePolicy: queryPolicy });
    const got = await client.send(new GetResourcePolicyCommand({ ResourceArn: arn }));
    expect(got.ResourceArn).toBe(arn);
    expect(got.ResourcePolicy).toBe(queryPolicy);
    expect(got.DelegatedAdminResourcePolicy).toBeUndefined();

    // Every action the documentation lists for an event data store, in any case.
    const everyAction = policy({
      Principal: '*',
      Action: EVENT_DATA_STORE_POLICY_ACTIONS.map((a) => a.toLowerCase()),
      Resource: arn,
    });
    await client.send(new PutResourcePolicyCommand({ ResourceArn: arn, ResourcePolicy: everyAction }));
    expect((await client.send(new GetResourcePolicyCommand({ ResourceArn: arn }))).ResourcePolicy).toBe(
      everyAction,
    );

    await client.send(new DeleteResourcePolicyCommand({ ResourceArn: arn }));
    await expect(client.send(new GetResourcePolicyCommand({ ResourceArn: arn }))).rejects.toMatchObject({
      name: 'ResourcePolicyNotFoundException',
    });
    await expect(client.send(new DeleteResourcePolicyCommand({ ResourceArn: arn }))).rejects.toMatchObject({
      name: 'ResourcePolicyNotFoundException',
    });
  });

  it('refuses documents that are not valid for an event data store', async () => {
    const arn = await newStore('policy-checks');
    const cases: Array<[string, string | RegExp]> = [
      ['{"Statement": [', 'not a valid JSON document'],
      ['[]', 'must be a JSON object'],
      ['{"Version": "2012-10-17"}', 'at least one Statement'],
      [
        policy({ Effect: 'Permit', Principal: '*', Action: 'cloudtrail:StartQuery' }),
        'Effect must be Allow or Deny',
      ],
      [policy({ Action: 'cloudtrail:StartQuery' }), 'must name a Principal'],
      [
        policy({ Principal: { AWS: 'alice' }, Action: 'cloudtrail:StartQuery' }),
        'principal alice is not valid',
      ],
      [
        policy({ Principal: '*', Action: 'cloudtrail:DeleteEventDataStore' }),
        /DeleteEventDataStore is not supported/,
      ],
      [policy({ Principal: '*', Action: 'cloudtrail:*' }), /cloudtrail:\* is not supported/],
      [
        policy({ Principal: '*', Action: 'cloudtrail:StartDashboardRefresh' }),
        /Supported actions: cloudtrail:StartQuery/,
      ],
      [policy({ Principal: '*', NotAction: 'cloudtrail:StartQuery' }), 'NotAction'],
      [
        policy({ Principal: '*', Action: 'cloudtrail:StartQuery', Sid: 'x'.repeat(RESOURCE_POLICY_MAX) }),
        `maximum is ${RESOURCE_POLICY_MAX}`,
      ],
    ];
    for (const [document, message] of cases) {
      const error = await client
        .send(new PutResourcePolicyCommand({ ResourceArn: arn, ResourcePolicy: document }))
        .then(
          () => undefined,
          (e: Error) => e,
        );
      expect(error?.name, document.slice(0, 80)).toBe('ResourcePolicyNotValidException');
      expect(error?.message).toMatch(message);
    }
    // Nothing refused was attached.
    await expect(client.send(new GetResourcePolicyCommand({ ResourceArn: arn }))).rejects.toMatchObject({
      name: 'ResourcePolicyNotFoundException',
    });
  });

  it('answers ARNs that name no event data store, dashboard or channel of the account', async () => {
    const arn = await newStore('policy-arns');
    const id = arn.split('/').at(-1)!;
    const cases: Array<[string, string]> = [
      ['x', 'ResourceARNNotValidException'],
      ['not an ARN', 'ResourceARNNotValidException'],
      ['arn:aws:s3:::my-bucket', 'ResourceARNNotValidException'],
      [`arn:aws:cloudtrail:us-east-1:999999999999:eventdatastore/${id}`, 'ResourceARNNotValidException'],
      [`arn:aws:cloudtrail:us-east-1:${account}:trail/main`, 'ResourceTypeNotSupportedException'],
      [`arn:aws:cloudtrail:us-east-1:${account}:channel/01234567890`, 'ResourceNotFoundException'],
      [
        `arn:aws:cloudtrail:us-east-1:${account}:eventdatastore/00000000-0000-0000-0000-000000000000`,
        'ResourceNotFoundException',
      ],
      [`arn:aws:cloudtrail:us-west-2:${account}:eventdatastore/${id}`, 'ResourceNotFoundException'],
      [`arn:aws:cloudtrail:us-east-1:${account}:dashboard/no-such-dashboard`, 'ResourceNotFoundException'],
    ];
    for (const [resourceArn, name] of cases) {
      for (const command of [
        new PutResourcePolicyCommand({ ResourceArn: resourceArn, ResourcePolicy: queryPolicy }),
        new GetResourcePolicyCommand({ ResourceArn: resourceArn }),
        new DeleteResourcePolicyCommand({ ResourceArn: resourceArn }),
      ]) {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- three command types, one client
        const error = await client.send(command as any).then(
          () => undefined,
          (e: Error) => e,
        );
        expect(error?.name, `${command.constructor.name} ${resourceArn}`).toBe(name);
      }
    }
  });

  it('goes when its store is deleted and does not come back with a restore', async () => {
    const arn = await newStore('policy-deleted');
    await client.send(new PutResourcePolicyCommand({ ResourceArn: arn, ResourcePolicy: queryPolicy }));
    await client.send(new DeleteEventDataStoreCommand({ EventDataStore: arn }));
    await expect(client.send(new GetResourcePolicyCommand({ ResourceArn: arn }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    await expect(
      client.send(new PutResourcePolicyCommand({ ResourceArn: arn, ResourcePolicy: queryPolicy })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await client.send(new RestoreEventDataStoreCommand({ EventDataStore: arn }));
    await expect(client.send(new GetResourcePolicyCommand({ ResourceArn: arn }))).rejects.toMatchObject({
      name: 'ResourcePolicyNotFoundException',
    });
  });
});

describe('Resource-based policies on dashboards', () => {
  it('lets only CloudTrail refresh a dashboard, and goes with the dashboard', async () => {
    const { DashboardArn: arn } = await client.send(new CreateDashboardCommand({ Name: 'policy-dashboard' }));
    await expect(
      client.send(new PutResourcePolicyCommand({ ResourceArn: arn, ResourcePolicy: queryPolicy })),
    ).rejects.toMatchObject({
      name: 'ResourcePolicyNotValidException',
      message: /cloudtrail\.amazonaws\.com/,
    });
    await expect(
      client.send(
        new PutResourcePolicyCommand({
          ResourceArn: arn,
          ResourcePolicy: policy({
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: 'cloudtrail:StartQuery',
          }),
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ResourcePolicyNotValidException',
      message: /Supported actions: cloudtrail:StartDashboardRefresh\./,
    });
    await client.send(
      new PutResourcePolicyCommand({ ResourceArn: arn, ResourcePolicy: refreshPolicy(arn!) }),
    );
    expect((await client.send(new GetResourcePolicyCommand({ ResourceArn: arn }))).ResourcePolicy).toBe(
      refreshPolicy(arn!),
    );

    await client.send(new DeleteDashboardCommand({ DashboardId: arn }));
    await expect(client.send(new GetResourcePolicyCommand({ ResourceArn: arn }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    await client.send(new CreateDashboardCommand({ Name: 'policy-dashboard' }));
    await expect(client.send(new GetResourcePolicyCommand({ ResourceArn: arn }))).rejects.toMatchObject({
      name: 'ResourcePolicyNotFoundException',
    });
  });
});

describe('Resource policy calls in Event history', () => {
  it('records each call, a refused one with its error', async () => {
    const arn = await newStore('policy-audited');
    await client.send(new PutResourcePolicyCommand({ ResourceArn: arn, ResourcePolicy: queryPolicy }));
    await client.send(new GetResourcePolicyCommand({ ResourceArn: arn }));
    await client
      .send(new PutResourcePolicyCommand({ ResourceArn: arn, ResourcePolicy: '{' }))
      .catch(() => {});
    await client.send(new DeleteResourcePolicyCommand({ ResourceArn: arn }));

    const events = async (name: string) => {
      const { Events = [] } = await client.send(
        new LookupEventsCommand({
          LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: name }],
          StartTime: new Date(NOW.getTime() - 60_000),
          EndTime: new Date(NOW.getTime() + 60_000),
        }),
      );
      return Events.map((e) => JSON.parse(e.CloudTrailEvent!) as Record<string, unknown>).filter(
        (r) => (r.requestParameters as { resourceArn?: string } | null)?.resourceArn === arn,
      );
    };
    const puts = await events('PutResourcePolicy');
    expect(puts).toHaveLength(2);
    // Both calls have the demo's fixed time: tell them apart by the error, not by their order.
    const refused = puts.find((r) => 'errorCode' in r);
    const accepted = puts.find((r) => !('errorCode' in r));
    expect(refused).toMatchObject({
      eventSource: 'cloudtrail.amazonaws.com',
      readOnly: false,
      errorCode: 'ResourcePolicyNotValidException',
    });
    expect(accepted).toMatchObject({
      readOnly: false,
      managementEvent: true,
      requestParameters: { resourceArn: arn, resourcePolicy: queryPolicy },
      responseElements: { resourceArn: arn, resourcePolicy: queryPolicy },
    });
    expect(await events('GetResourcePolicy')).toMatchObject([{ readOnly: true }]);
    expect(await events('DeleteResourcePolicy')).toMatchObject([{ readOnly: false }]);
  });
});
