// The event data store details page against the demo emulator through the MSW node server: the built-in
// store's general details and ingestion controls, a created store's advanced event selectors, and the
// error of a store that does not exist.
import { CreateEventDataStoreCommand, ListEventDataStoresCommand } from '@aws-sdk/client-cloudtrail';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_STORE_NAME, LAKE_MESSAGES } from '@/domain/lake';
import { demoServer, renderConsole } from '@/test/render-console';
import { cloudTrailClient } from '@/test/sdk';

demoServer({ now: new Date('2026-11-21T14:00:00Z'), days: 2 });
const client = cloudTrailClient();

const idOf = (arn = '') => arn.split('/').pop()!;

async function builtInStoreId() {
  const { EventDataStores = [] } = await client.send(new ListEventDataStoresCommand({}));
  return idOf(EventDataStores.find((s) => s.Name === BUILT_IN_STORE_NAME)?.EventDataStoreArn);
}

/** The value shown beside a label of the General details key-value pairs (a dt and its dd). */
const detail = (label: string) => {
  const term = screen
    .getAllByText(label)
    .find((el) => el.closest('dt'))!
    .closest('dt')!;
  return term.parentElement!.querySelector('dd')!;
};

describe('Event data store details', () => {
  it("shows the built-in store's general details and stops and starts its ingestion", async () => {
    const id = await builtInStoreId();
    const { user } = renderConsole(`/lake/event-data-stores/${id}`);
    expect(await screen.findByRole('heading', { level: 1, name: BUILT_IN_STORE_NAME })).toBeVisible();
    expect(screen.getByText("Trailview's built-in event data store")).toBeVisible();
    expect(detail('Event data store ID')).toHaveTextContent(id);
    expect(detail('Status')).toHaveTextContent('Enabled');
    expect(detail('Termination protection')).toHaveTextContent('Enabled');
    expect(detail('Pricing option')).toHaveTextContent('One-year extendable retention pricing');
    // The header's Query button (the side navigation has a Query link too).
    const queryLinks = screen.getAllByRole('link', { name: 'Query' });
    expect(queryLinks.map((link) => link.getAttribute('href'))).toEqual(['#/lake/query', '#/lake/query']);
    const selectors = screen.getByRole('table', { name: /Advanced event selectors/ });
    expect(within(selectors).getByText('No selectors: the store holds every event.')).toBeVisible();

    // The breadcrumbs name the store once it has loaded.
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumbs' });
    expect(crumbs).toHaveTextContent(`CloudTrail${'Event data stores'}${BUILT_IN_STORE_NAME}`);

    // The built-in store cannot be deleted; Restore is only for a store pending deletion.
    await user.click(screen.getByRole('button', { name: 'Actions' }));
    expect(screen.getByRole('menuitem', { name: /^Delete/ })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('menuitem', { name: /^Restore/ })).toHaveAttribute('aria-disabled', 'true');
    await user.click(screen.getByRole('menuitem', { name: 'Stop ingestion' }));
    await waitFor(() => expect(detail('Status')).toHaveTextContent('Stopped ingestion'));
    await user.click(screen.getByRole('button', { name: 'Actions' }));
    await user.click(screen.getByRole('menuitem', { name: 'Start ingestion' }));
    await waitFor(() => expect(detail('Status')).toHaveTextContent('Enabled'));
  });

  it("lists a created store's advanced event selectors, one row per field", async () => {
    const created = await client.send(
      new CreateEventDataStoreCommand({
        Name: 'management-writes',
        TerminationProtectionEnabled: false,
        AdvancedEventSelectors: [
          {
            Name: 'Management writes',
            FieldSelectors: [
              { Field: 'eventCategory', Equals: ['Management'] },
              { Field: 'readOnly', Equals: ['false'] },
            ],
          },
        ],
      }),
    );
    renderConsole(`/lake/event-data-stores/${idOf(created.EventDataStoreArn)}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'management-writes' })).toBeVisible();
    expect(screen.queryByText("Trailview's built-in event data store")).not.toBeInTheDocument();
    expect(detail('Termination protection')).toHaveTextContent('Disabled');
    const selectors = screen.getByRole('table', { name: /Advanced event selectors/ });
    const rows = within(selectors).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['Management writes', 'eventCategory', 'Equals Management'],
      ['Management writes', 'readOnly', 'Equals false'],
    ]);
  });

  it('says when the store does not exist', async () => {
    renderConsole('/lake/event-data-stores/00000000-0000-4000-8000-000000000000');
    expect(await screen.findByText('EventDataStoreNotFoundException', {}, { timeout: 10_000 })).toBeVisible();
    expect(screen.getByText(LAKE_MESSAGES.edsNotFound)).toBeVisible();
  });
});
