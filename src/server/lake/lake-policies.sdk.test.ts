// @vitest-environment node
// Resource-based policies and event configuration in the local backend are kept in the data file: a
// store's and a dashboard's policy, a store's event configuration and a trail's aggregation set through
// the SDK are there again after the server restarts; a policy deleted, or gone with its store, stays gone.
// The AWS CLI, where installed, reads them back through the same endpoint.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  CreateDashboardCommand,
  CreateEventDataStoreCommand,
  DeleteEventDataStoreCommand,
  DeleteResourcePolicyCommand,
  GetEventConfigurationCommand,
  GetResourcePolicyCommand,
  PutEventConfigurationCommand,
  PutResourcePolicyCommand,
  SearchSampleQueriesCommand,
} from '@aws-sdk/client-cloudtrail';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCAL_ACCOUNT, localClients, startLocalServer, startValidatedTrail } from '@/test/local-server';
import type { RunningServer } from '../main';

const root = mkdtempSync(join(tmpdir(), 'trailview-policies-'));
let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

const storePolicy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'queries-from-audit',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:root' },
      Action: ['cloudtrail:StartQuery', 'cloudtrail:GetQueryResults'],
    },
  ],
});
const dashboardPolicy = (arn: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 'cloudtrail:StartDashboardRefresh',
        Condition: { StringEquals: { 'AWS:SourceArn': arn, 'AWS:SourceAccount': LOCAL_ACCOUNT } },
      },
    ],
  });
const selectors = [{ Type: 'TagContext' as const, Equals: ['team'] }];
const aggregation = [{ EventCategory: 'Data' as const, Templates: ['RESOURCE_ACCESS' as const] }];

/** The AWS CLI's answer as JSON, or undefined where the CLI is not installed. */
async function awsCli(url: string, args: string[]): Promise<unknown> {
  try {
    const { stdout } = await promisify(execFile)(
      'aws',
      ['--endpoint-url', `${url}/aws`, '--region', 'us-east-1', '--output', 'json', 'cloudtrail', ...args],
      {
        env: {
          ...process.env,
          AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
          AWS_SECRET_ACCESS_KEY: 'not-checked',
          AWS_CONFIG_FILE: '/dev/null',
          AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        },
      },
    );
    return JSON.parse(stdout) as unknown;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

describe('Resource policies and event configuration in the local backend', () => {
  it('are there again after a restart', async () => {
    server = await startLocalServer(root);
    let clients = localClients(server);
    const { ct } = clients;
    const kept = await ct.send(new CreateEventDataStoreCommand({ Name: 'kept-store' }));
    const gone = await ct.send(
      new CreateEventDataStoreCommand({ Name: 'gone-store', TerminationProtectionEnabled: false }),
    );
    const dashboard = await ct.send(new CreateDashboardCommand({ Name: 'kept-dashboard' }));
    const keptArn = kept.EventDataStoreArn!;
    const dashboardArn = dashboard.DashboardArn!;
    await ct.send(new PutResourcePolicyCommand({ ResourceArn: keptArn, ResourcePolicy: storePolicy }));
    await ct.send(
      new PutResourcePolicyCommand({
        ResourceArn: dashboardArn,
        ResourcePolicy: dashboardPolicy(dashboardArn),
      }),
    );
    await ct.send(
      new PutResourcePolicyCommand({ ResourceArn: gone.EventDataStoreArn, ResourcePolicy: storePolicy }),
    );
    await ct.send(new DeleteEventDataStoreCommand({ EventDataStore: gone.EventDataStoreArn }));
    await ct.send(
      new PutEventConfigurationCommand({
        EventDataStore: keptArn,
        MaxEventSize: 'Large',
        ContextKeySelectors: selectors,
      }),
    );
    await startValidatedTrail(clients, 'policies-trail-logs', 'kept-trail');
    await ct.send(
      new PutEventConfigurationCommand({ TrailName: 'kept-trail', AggregationConfigurations: aggregation }),
    );
    await server.stop();

    server = await startLocalServer(root);
    clients = localClients(server);
    const after = clients.ct;
    expect(await after.send(new GetResourcePolicyCommand({ ResourceArn: keptArn }))).toMatchObject({
      ResourceArn: keptArn,
      ResourcePolicy: storePolicy,
    });
    expect(
      (await after.send(new GetResourcePolicyCommand({ ResourceArn: dashboardArn }))).ResourcePolicy,
    ).toBe(dashboardPolicy(dashboardArn));
    await expect(
      after.send(new GetResourcePolicyCommand({ ResourceArn: gone.EventDataStoreArn })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    expect(await after.send(new GetEventConfigurationCommand({ EventDataStore: keptArn }))).toMatchObject({
      EventDataStoreArn: keptArn,
      MaxEventSize: 'Large',
      ContextKeySelectors: selectors,
    });
    expect(await after.send(new GetEventConfigurationCommand({ TrailName: 'kept-trail' }))).toMatchObject({
      TrailARN: `arn:aws:cloudtrail:us-east-1:${LOCAL_ACCOUNT}:trail/kept-trail`,
      AggregationConfigurations: aggregation,
    });
    const found = await after.send(new SearchSampleQueriesCommand({ SearchPhrase: 'console changes' }));
    expect(found.SearchResults?.[0]?.Name).toBe('Investigate who made console changes');

    // The AWS CLI (botocore's long X-Amz-Target form) reads the same answers.
    const cli = await awsCli(server.url, ['get-resource-policy', '--resource-arn', keptArn]);
    if (cli !== undefined) expect(cli).toMatchObject({ ResourceArn: keptArn, ResourcePolicy: storePolicy });
    const cliConfig = await awsCli(server.url, ['get-event-configuration', '--event-data-store', keptArn]);
    if (cliConfig !== undefined) expect(cliConfig).toMatchObject({ MaxEventSize: 'Large' });

    // A policy deleted before a restart stays deleted after it.
    await after.send(new DeleteResourcePolicyCommand({ ResourceArn: dashboardArn }));
    await server.stop();
    server = await startLocalServer(root);
    await expect(
      localClients(server).ct.send(new GetResourcePolicyCommand({ ResourceArn: dashboardArn })),
    ).rejects.toMatchObject({ name: 'ResourcePolicyNotFoundException' });
  }, 90_000);
});
