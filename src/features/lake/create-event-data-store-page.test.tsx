// The Create event data store wizard against the demo emulator through the MSW node server: the
// retention rule on step 1, data events chosen with a resource type and a log selector template on
// step 2, and the store CreateEventDataStore made from the review.
import { GetEventDataStoreCommand, ListEventDataStoresCommand } from '@aws-sdk/client-cloudtrail';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { demoServer, renderConsole } from '@/test/render-console';
import { cloudTrailClient } from '@/test/sdk';

demoServer({ now: new Date('2026-11-21T14:00:00Z'), days: 1 });
const client = cloudTrailClient();

const storeNamed = async (name: string) => {
  const { EventDataStores = [] } = await client.send(new ListEventDataStoresCommand({}));
  const arn = EventDataStores.find((s) => s.Name === name)?.EventDataStoreArn;
  return arn ? client.send(new GetEventDataStoreCommand({ EventDataStore: arn })) : undefined;
};

describe('Create event data store', () => {
  it('creates a store for S3 write data events and management events from the wizard', async () => {
    const { user } = renderConsole('/lake/event-data-stores');
    await user.click(await screen.findByRole('link', { name: 'Create event data store' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Configure event data store' }),
    ).toBeVisible();

    await user.type(screen.getByLabelText('Event data store name'), 's3-writes');
    const retention = screen.getByLabelText('Retention period');
    expect(retention).toHaveValue(366);
    await user.clear(retention);
    await user.type(retention, '12.5');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('The retention period must be a whole number of days.')).toBeVisible();
    expect(screen.getByRole('heading', { level: 1, name: 'Configure event data store' })).toBeVisible();
    await user.clear(retention);
    await user.type(retention, '30');
    await user.click(screen.getByRole('checkbox', { name: /Termination protection/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Choose events' })).toBeVisible();
    await user.click(screen.getByRole('checkbox', { name: /Data events/ }));
    await user.click(await screen.findByRole('button', { name: /Log selector template/ }));
    await user.click(await screen.findByRole('option', { name: 'Log only write events' }));
    await user.click(screen.getByRole('checkbox', { name: /Include only the current region/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Review and create' })).toBeVisible();
    const selectors = screen.getByRole('table', { name: /Advanced event selectors/ });
    expect(within(selectors).getAllByText('resources.type')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Create event data store' }));

    expect(await screen.findByText('Event data store s3-writes successfully created.')).toBeVisible();
    expect(await screen.findByRole('link', { name: 's3-writes' })).toBeVisible();
    const store = await storeNamed('s3-writes');
    expect(store).toMatchObject({
      Status: 'ENABLED',
      RetentionPeriod: 30,
      TerminationProtectionEnabled: false,
      MultiRegionEnabled: false,
      BillingMode: 'EXTENDABLE_RETENTION_PRICING',
      AdvancedEventSelectors: [
        {
          Name: 'Management events selector',
          FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }],
        },
        {
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Data'] },
            { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
            { Field: 'readOnly', Equals: ['false'] },
          ],
        },
      ],
    });
  }, 60_000);

  it('says when the name is taken, on the name field of step 1', async () => {
    const { user } = renderConsole('/lake/event-data-stores/create');
    await user.type(await screen.findByLabelText('Event data store name'), 'trailview-all-events');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Create event data store' }));
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1, name: 'Configure event data store' })).toBeVisible(),
    );
    expect(screen.getByText('An event data store with that name already exists.')).toBeVisible();
  });
});
