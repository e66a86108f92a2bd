// The Actions menu and General details → Edit of an event data store's page, against the demo emulator
// through the MSW node server: Delete confirmed by typing the name, refused while termination protection
// is on (the API's message), Restore, and the edit form's rules and UpdateEventDataStore.
import {
  CreateEventDataStoreCommand,
  GetEventDataStoreCommand,
  type CreateEventDataStoreCommandInput,
} from '@aws-sdk/client-cloudtrail';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LAKE_MESSAGES } from '@/domain/lake';
import { demoServer, renderConsole } from '@/test/render-console';
import { cloudTrailClient } from '@/test/sdk';
import { DELETE_CONFIRMATION_LABEL } from './event-data-store-modals';

demoServer({ now: new Date('2026-11-21T14:00:00Z'), days: 1 });
const client = cloudTrailClient();

async function createStore(input: Omit<CreateEventDataStoreCommandInput, 'Name'> & { Name: string }) {
  const { EventDataStoreArn = '' } = await client.send(new CreateEventDataStoreCommand(input));
  return EventDataStoreArn.split('/').pop()!;
}

const status = async (id: string) =>
  (await client.send(new GetEventDataStoreCommand({ EventDataStore: id }))).Status;

/** The value shown beside a label of the General details key-value pairs. */
const detail = (label: string) =>
  screen
    .getAllByText(label)
    .find((el) => el.closest('dt'))!
    .closest('dt')!
    .parentElement!.querySelector('dd')!;

describe('Event data store actions', () => {
  it('deletes a store once its name is typed, and restores it while it is pending deletion', async () => {
    const id = await createStore({ Name: 'short-lived', TerminationProtectionEnabled: false });
    const { user } = renderConsole(`/lake/event-data-stores/${id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'short-lived' })).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Actions' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete event data store' });
    const remove = within(dialog).getByRole('button', { name: 'Delete' });
    expect(remove).toBeDisabled();
    await user.type(within(dialog).getByLabelText(DELETE_CONFIRMATION_LABEL), 'short-live');
    expect(remove).toBeDisabled();
    await user.type(within(dialog).getByLabelText(DELETE_CONFIRMATION_LABEL), 'd');
    expect(remove).toBeEnabled();
    await user.click(remove);

    // Back on the list, which shows the store pending deletion.
    expect(await screen.findByRole('heading', { level: 1, name: /Event data stores/ })).toBeVisible();
    expect(await screen.findByText(/short-lived is pending deletion/)).toBeVisible();
    expect(await status(id)).toBe('PENDING_DELETION');
    const row = (await screen.findByRole('link', { name: 'short-lived' })).closest('tr')!;
    expect(within(row).getByText('Pending deletion')).toBeVisible();

    await user.click(within(row).getByRole('link', { name: 'short-lived' }));
    expect(await screen.findByText(/is pending deletion and cannot be queried or changed/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Actions' }));
    expect(screen.getByRole('menuitem', { name: /^Delete/ })).toHaveAttribute('aria-disabled', 'true');
    await user.click(screen.getByRole('menuitem', { name: 'Restore' }));
    await waitFor(() => expect(detail('Status')).toHaveTextContent('Enabled'));
    expect(await status(id)).toBe('ENABLED');
  });

  it('shows why a protected store is not deleted, and deletes it once protection is off', async () => {
    const id = await createStore({ Name: 'protected-store' });
    const { user } = renderConsole(`/lake/event-data-stores/${id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'protected-store' })).toBeVisible();
    expect(detail('Termination protection')).toHaveTextContent('Enabled');

    await user.click(screen.getByRole('button', { name: 'Actions' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete' }));
    let dialog = await screen.findByRole('dialog', { name: 'Delete event data store' });
    await user.type(within(dialog).getByLabelText(DELETE_CONFIRMATION_LABEL), 'protected-store');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await within(dialog).findByText('EventDataStoreTerminationProtectedException')).toBeVisible();
    expect(within(dialog).getByText(LAKE_MESSAGES.edsTerminationProtected)).toBeVisible();
    expect(await status(id)).toBe('ENABLED');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await user.click(screen.getByRole('button', { name: 'Actions' }));
    await user.click(screen.getByRole('menuitem', { name: 'Change termination protection' }));
    dialog = await screen.findByRole('dialog', { name: 'Change termination protection' });
    await user.click(within(dialog).getByRole('radio', { name: 'Disabled' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(detail('Termination protection')).toHaveTextContent('Disabled'));

    await user.click(screen.getByRole('button', { name: 'Actions' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete' }));
    dialog = await screen.findByRole('dialog', { name: 'Delete event data store' });
    await user.type(within(dialog).getByLabelText(DELETE_CONFIRMATION_LABEL), 'protected-store');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText(/protected-store is pending deletion/)).toBeVisible();
    expect(await status(id)).toBe('PENDING_DELETION');
  });

  it('edits the general details, refusing a fractional retention period', async () => {
    await createStore({ Name: 'taken-name' });
    const id = await createStore({ Name: 'to-edit' });
    const { user } = renderConsole(`/lake/event-data-stores/${id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'to-edit' })).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit general details' });
    const retention = within(dialog).getByLabelText('Retention period');
    await user.clear(retention);
    await user.type(retention, '12.5');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(within(dialog).getByText('The retention period must be a whole number of days.')).toBeVisible();
    // One-year extendable pricing cannot become seven-year pricing.
    expect(within(dialog).getByRole('radio', { name: /Seven-year retention pricing/ })).toBeDisabled();

    await user.clear(retention);
    await user.type(retention, '90');
    const name = within(dialog).getByLabelText('Event data store name');
    await user.clear(name);
    await user.type(name, 'taken-name');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(await within(dialog).findByText(LAKE_MESSAGES.edsAlreadyExists)).toBeVisible();

    await user.clear(name);
    await user.type(name, 'edited-store');
    await user.click(within(dialog).getByRole('checkbox', { name: /Termination protection/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'edited-store' })).toBeVisible();
    expect(detail('Retention period')).toHaveTextContent('90 days');
    expect(detail('Termination protection')).toHaveTextContent('Disabled');
    const stored = await client.send(new GetEventDataStoreCommand({ EventDataStore: id }));
    expect(stored).toMatchObject({
      Name: 'edited-store',
      RetentionPeriod: 90,
      TerminationProtectionEnabled: false,
    });
  });
});
