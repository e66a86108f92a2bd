// The trail edit flows against the demo emulator: each changes only its own part, and leaving with
// unsaved changes asks first.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { bucketPolicyAllowsCloudTrail } from '@/domain/cloudtrail-policies';
import { renderConsole, demoServer } from '@/test/render-console';

const NOW = new Date('2026-11-21T14:00:00Z');
const emulator = demoServer({ now: NOW, days: 2 });

const renderTrails = (path: string) => renderConsole(path).router;

const trailNamed = (name: string) => [...emulator.state.trails.values()].find((t) => t.Name === name)!;
const heading = (name: string) => screen.findByRole('heading', { level: 1, name }, { timeout: 10_000 });

describe('Edit trail', () => {
  it('general details: turning off log file validation changes nothing else', async () => {
    const before = trailNamed('management-events');
    const router = renderTrails('/trails/management-events/edit/general');
    await heading('Edit general details');
    expect(screen.getByLabelText('Trail name')).toBeDisabled();
    await userEvent.click(screen.getByRole('checkbox', { name: /^Enabled Log file validation/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/trails/management-events'), {
      timeout: 10_000,
    });
    const after = trailNamed('management-events');
    expect(after.LogFileValidationEnabled).toBe(false);
    expect({ ...after, LogFileValidationEnabled: true }).toEqual(before);
  });

  it('general details: a prefix the bucket policy does not allow offers to update the policy, then saves', async () => {
    const bucket = trailNamed('security-audit').S3BucketName!;
    const router = renderTrails('/trails/security-audit/edit/general');
    await heading('Edit general details');
    const prefix = screen.getByLabelText('Prefix - optional');
    await userEvent.clear(prefix);
    await userEvent.type(prefix, 'audit-2026');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(
      await screen.findByText(
        `Incorrect S3 bucket policy is detected for bucket: ${bucket}`,
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Incorrect S3 bucket policy')).toBeInTheDocument();
    expect(trailNamed('security-audit').S3KeyPrefix).toBe('cloudtrail');
    await userEvent.click(screen.getByRole('button', { name: 'Update bucket policy' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/trails/security-audit'), {
      timeout: 10_000,
    });
    expect(trailNamed('security-audit').S3KeyPrefix).toBe('audit-2026');
    const policy = emulator.state.buckets.get(bucket)!.policy!;
    for (const allowed of ['cloudtrail', 'audit-2026'])
      expect(bucketPolicyAllowsCloudTrail(policy, bucket, allowed, emulator.state.accountId)).toBe(true);
  });

  it('management events: the what-if estimates the edited selection, and names what a change would drop', async () => {
    renderTrails('/trails/management-events/edit/management');
    await heading('Edit management events');
    const estimate = () => screen.getByRole('status', { name: 'What-if estimate' });
    await screen.findByRole('status', { name: 'What-if estimate' }, { timeout: 10_000 });
    await waitFor(() => expect(estimate()).toHaveTextContent(/[\d,]+ of [\d,]+ events in us-east-1/), {
      timeout: 10_000,
    });
    expect(screen.queryByRole('table', { name: 'Event names this selection drops' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('checkbox', { name: 'Write API activity' }));
    const table = await screen.findByRole(
      'table',
      { name: 'Event names this selection drops' },
      { timeout: 10_000 },
    );
    await waitFor(() => expect(estimate()).toHaveTextContent(/Drops [\d,]+ events/), { timeout: 10_000 });
    expect(within(table).getAllByRole('row').length).toBeGreaterThan(1);
  });

  it('tags: adds a tag and removes one', async () => {
    renderTrails('/trails/management-events/edit/tags');
    await heading('Edit tags');
    await userEvent.click(screen.getByRole('button', { name: 'Remove cost-center' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add new tag' }));
    const keys = screen.getAllByPlaceholderText('Enter key');
    await userEvent.type(keys[keys.length - 1]!, 'team');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() =>
      expect(trailNamed('management-events').tags).toEqual([
        { Key: 'owner', Value: 'security' },
        { Key: 'team', Value: '' },
      ]),
    );
  });

  it('tags: new rows stay quiet until the form is saved', async () => {
    renderTrails('/trails/security-audit/edit/tags');
    await heading('Edit tags');
    const rows = () => screen.getAllByPlaceholderText('Enter key').length;
    const before = rows();
    await userEvent.click(screen.getByRole('button', { name: 'Add new tag' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add new tag' }));
    expect(rows()).toBe(before + 2);
    expect(screen.queryByText(/You must specify a tag key/)).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText(`Tag ${before + 1}: Enter a tag key.`)).toBeInTheDocument();
  });

  it('asks before leaving with unsaved changes', async () => {
    const router = renderTrails('/trails/security-audit/edit/management');
    await heading('Edit management events');
    await userEvent.click(screen.getByRole('checkbox', { name: /^Exclude AWS KMS events/ }));
    // The navigation waits on the prompt, so it is not awaited here.
    act(() => void router.navigate({ to: '/trails' }));

    const dialog = await screen.findByRole('dialog', { name: 'Leave page?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(router.state.location.pathname).toBe('/trails/security-audit/edit/management');

    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await userEvent.click(
      within(await screen.findByRole('dialog', { name: 'Leave page?' })).getByRole('button', {
        name: 'Leave',
      }),
    );
    await waitFor(() => expect(router.state.location.pathname).toBe('/trails/security-audit'));
  });
});
