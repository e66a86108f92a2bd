// The Integrations pages against the demo emulator through the MSW node server: the empty list, adding a
// custom integration with a new integration event data store, its details page and put-audit-events
// command, deleting it after the confirmation, and the channel name rule's message. The tests share one demo
// account and run in order: the first sees no integration yet.
import {
  CreateChannelCommand,
  GetChannelCommand,
  ListChannelsCommand,
  ListEventDataStoresCommand,
  ListTagsCommand,
} from '@aws-sdk/client-cloudtrail';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { channelNameError, CUSTOM_SOURCE, parseChannelArn } from '@/domain/lake-channels';
import { auditEventData, putAuditEvents } from '@/test/cloudtrail-data';
import { createIntegrationStore } from '@/test/lake-channel-fixture';
import { demoServer, renderConsole } from '@/test/render-console';
import { cloudTrailClient, TEST_ENDPOINT } from '@/test/sdk';

demoServer({ now: new Date('2026-11-21T14:00:00Z'), days: 1 });
const client = cloudTrailClient();

// The query editor (CodeMirror) measures text ranges, which jsdom does not lay out.
beforeAll(() => {
  Range.prototype.getClientRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => new DOMRect();
});

const idOf = (arn = '') => arn.split('/').pop()!;

async function channelArnNamed(name: string) {
  const { Channels = [] } = await client.send(new ListChannelsCommand({}));
  return Channels.find((c) => c.Name === name)?.ChannelArn;
}

async function customChannel(name: string) {
  const store = await createIntegrationStore(client, `${name}-store`);
  const created = await client.send(
    new CreateChannelCommand({
      Name: name,
      Source: CUSTOM_SOURCE,
      Destinations: [{ Type: 'EVENT_DATA_STORE', Location: store.arn }],
    }),
  );
  return { arn: created.ChannelArn!, id: idOf(created.ChannelArn), store };
}

describe('Integrations', () => {
  it('says there are none and offers to add one', async () => {
    const { user, router } = renderConsole('/lake/integrations');
    const table = await screen.findByRole('table', { name: /Integrations/ });
    expect(await within(table).findByText('No integrations')).toBeVisible();
    await user.click(within(table).getByRole('link', { name: 'Add integration' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Add integration' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/lake/integrations/create');
  });

  it('adds a custom integration with a new integration event data store, then lists it', async () => {
    const { user } = renderConsole('/lake/integrations/create');
    await user.type(await screen.findByRole('textbox', { name: 'Integration name' }), 'my-app-audit');
    await user.type(screen.getByRole('textbox', { name: 'Event data store name' }), 'my-app-events');
    await user.click(screen.getByRole('button', { name: 'Add new tag' }));
    await user.type(screen.getByRole('textbox', { name: 'Key' }), 'team');
    await user.type(screen.getByRole('textbox', { name: 'Value - optional' }), 'payments');
    await user.click(screen.getByRole('button', { name: 'Add integration' }));

    // The details page of the new channel, delivering to the new store.
    expect(
      await screen.findByRole('heading', { level: 1, name: 'my-app-audit' }, { timeout: 10_000 }),
    ).toBeVisible();
    const channel = await client.send(
      new GetChannelCommand({ Channel: await channelArnNamed('my-app-audit') }),
    );
    expect(channel.Source).toBe('Custom');
    expect(channel.Destinations).toHaveLength(1);
    const { ResourceTagList = [] } = await client.send(
      new ListTagsCommand({ ResourceIdList: [channel.ChannelArn!] }),
    );
    expect(ResourceTagList[0]?.TagsList).toEqual([{ Key: 'team', Value: 'payments' }]);
    expect(await screen.findByRole('link', { name: 'my-app-events' })).toBeVisible();

    await user.click(
      within(screen.getByRole('navigation', { name: 'Breadcrumbs' })).getByRole('link', {
        name: 'Integrations',
      }),
    );
    const table = await screen.findByRole('table', { name: /Integrations/ });
    const row = (await within(table).findByRole('link', { name: 'my-app-audit' })).closest('tr')!;
    expect(within(row).getByText('Custom')).toBeVisible();
    expect(within(row).getByText('Event data store')).toBeVisible();
    expect(within(row).getByRole('link', { name: 'my-app-events' })).toBeVisible();
    expect(within(row).getByText('No events received')).toBeVisible();
  });

  it('lists stores that do not collect integration events as disabled, with the reason', async () => {
    const store = await createIntegrationStore(client, 'audit-store');
    const { user } = renderConsole('/lake/integrations/create');
    await user.click(await screen.findByRole('radio', { name: 'Use existing event data stores' }));
    const table = await screen.findByRole('table', { name: 'Event data stores' });
    const builtIn = (await within(table).findByText('trailview-all-events')).closest('tr')!;
    expect(within(builtIn).getByRole('checkbox')).toBeDisabled();
    expect(within(builtIn).getByText('Not collected')).toBeVisible();
    const audit = within(table).getByText('audit-store').closest('tr')!;
    expect(within(audit).getByText('Collected')).toBeVisible();
    expect(within(audit).getByRole('checkbox')).toBeEnabled();
    expect(within(audit).getByText(store.id)).toBeVisible();
  });

  it('refuses a bad name with the API rule message, before any call', async () => {
    const { user } = renderConsole('/lake/integrations/create');
    await user.type(await screen.findByRole('textbox', { name: 'Integration name' }), 'my app');
    await user.type(screen.getByRole('textbox', { name: 'Event data store name' }), 'never-made');
    await user.click(screen.getByRole('button', { name: 'Add integration' }));
    expect(await screen.findByText(channelNameError('my app')!)).toBeVisible();
    // Neither the store nor the channel was created.
    const { EventDataStores = [] } = await client.send(new ListEventDataStoresCommand({}));
    expect(EventDataStores.map((s) => s.Name)).not.toContain('never-made');
    expect(await channelArnNamed('my app')).toBeUndefined();
  });

  it("shows an integration's details, its latest ingestion and the put-audit-events command", async () => {
    const { arn, id, store } = await customChannel('billing-audit');
    const put = await putAuditEvents(TEST_ENDPOINT, {
      channelArn: arn,
      auditEvents: [{ id: 'one', eventData: auditEventData(parseChannelArn(arn)!.accountId) }],
    });
    const eventId = put.successful[0]!.eventID;
    const { user } = renderConsole(`/lake/integrations/${id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'billing-audit' })).toBeVisible();
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumbs' });
    expect(crumbs).toHaveTextContent(`CloudTrail${'Integrations'}billing-audit`);
    await waitFor(() => expect(document.title).toBe('billing-audit | Integrations | Trailview'));
    expect(screen.getByText(arn)).toBeVisible();
    expect(screen.getByText(/^Ingested/)).toBeVisible();
    expect(screen.getAllByText(eventId)).toHaveLength(2);

    const command = screen.getByLabelText('put-audit-events command');
    expect(command).toHaveTextContent('aws cloudtrail-data put-audit-events');
    expect(command).toHaveTextContent(`--channel-arn ${arn}`);
    expect(command).toHaveTextContent(/--endpoint-url http:\/\/[^ ]+\/aws /);
    expect(command).toHaveTextContent('--audit-events');

    // Query events opens the editor on the destination store, with a query of the integrations schema.
    const query = screen.getByRole('link', { name: 'Query events' });
    expect(query).toHaveAttribute('href', `#/lake/query?store=${store.id}`);
    await user.click(query);
    expect(await screen.findByRole('heading', { level: 1, name: 'Query' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Run' }));
    const results = await screen.findByRole('table', { name: /Query results/ }, { timeout: 10_000 });
    expect(await within(results).findByText('ApproveInvoice')).toBeVisible();
  });

  it('deletes an integration after the confirmation', async () => {
    const { id } = await customChannel('to-delete');
    const { user, router } = renderConsole(`/lake/integrations/${id}`);
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete integration' });
    expect(within(dialog).getByText('to-delete')).toBeVisible();
    // Cancel keeps it.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(await channelArnNamed('to-delete')).toBeDefined();

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Delete integration' })).getByRole('button', {
        name: 'Delete',
      }),
    );
    await waitFor(() => expect(router.state.location.pathname).toBe('/lake/integrations'));
    expect(await channelArnNamed('to-delete')).toBeUndefined();
    const table = await screen.findByRole('table', { name: /Integrations/ });
    await within(table).findByRole('link', { name: 'my-app-audit' });
    expect(within(table).queryByRole('link', { name: 'to-delete' })).not.toBeInTheDocument();
  });
});
