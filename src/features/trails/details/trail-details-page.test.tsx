// The trail details page against the demo emulator: its sections, Stop logging only after the
// confirmation, and an edit that changes only the management events.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { backendHandler, renderConsole, demoServer } from '@/test/render-console';

const NOW = new Date('2026-11-21T14:00:00Z');
const emulator = demoServer({ now: NOW, days: 2 });

const renderTrails = (path: string) => renderConsole(path).router;

const trailNamed = (name: string) => [...emulator.state.trails.values()].find((t) => t.Name === name)!;

describe('Trail details', () => {
  it('shows each part of the trail with its own Edit', async () => {
    renderTrails('/trails/management-events');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'management-events' }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    for (const part of [
      'General details',
      'CloudWatch Logs',
      'Tags',
      'Management events',
      'Data events',
      'Insights events',
      'Network activity events',
    ]) {
      expect(await screen.findByRole('link', { name: `Edit ${part}` })).toBeInTheDocument();
    }
    expect(screen.getByText('Logging')).toBeInTheDocument();
    expect(screen.getByText('API call rate, API error rate')).toBeInTheDocument();
    expect(screen.getByText('security')).toBeInTheDocument(); // tag owner=security
    // The status reports the demo's last delivery: its log files are in the bucket, its notifications
    // on the topic.
    const logFiles = await screen.findByRole('table', { name: /Log files/ });
    expect(await within(logFiles).findAllByRole('button', { name: /^Download / })).not.toHaveLength(0);
    const notifications = await screen.findByRole('table', { name: /SNS notifications/ });
    await waitFor(() => expect(within(notifications).getAllByRole('row').length).toBeGreaterThan(1));
    expect(screen.queryByText(/is not in the bucket now/)).toBeNull();
    expect(screen.queryByText(/was published before they were kept here/)).toBeNull();
  });

  it("shows the SNS notifications the trail's topic received, and hides them where the backend keeps none", async () => {
    const trail = trailNamed('management-events');
    const topic = emulator.state.snsTopics.get(trail.SnsTopicARN!)!;
    const key = `AWSLogs/${emulator.state.accountId}/CloudTrail/us-east-1/2026/11/21/${emulator.state.accountId}_CloudTrail_us-east-1_20261121T1355Z_abcdefghijklmnop.json.gz`;
    emulator.state.snsTopics.set(topic.arn, {
      ...topic,
      notifications: [
        {
          messageId: 'b1c2d3e4-0000-4000-8000-000000000001',
          timestamp: NOW.getTime() - 60_000,
          message: JSON.stringify({ s3Bucket: trail.S3BucketName, s3ObjectKey: [key] }),
        },
      ],
    });
    renderTrails('/trails/management-events');
    const table = await screen.findByRole('table', { name: /SNS notifications/ }, { timeout: 10_000 });
    expect(await within(table).findByText(key.slice(key.lastIndexOf('/') + 1))).toBeInTheDocument();
    expect(within(table).getByText(trail.S3BucketName!)).toBeInTheDocument();
    expect(within(table).getByText('b1c2d3e4-0000-4000-8000-000000000001')).toBeInTheDocument();
    cleanup();

    emulator.server.use(backendHandler(() => ({ mode: 'aws', defaultRegion: 'us-east-1' })));
    renderTrails('/trails/management-events');
    await screen.findByRole('heading', { level: 2, name: /Log files/ }, { timeout: 10_000 });
    expect(screen.queryByRole('heading', { name: /SNS notifications/ })).toBeNull();
  });

  it('shows a trail without Insights as such, without asking GetInsightSelectors', async () => {
    const targets: string[] = [];
    const record = ({ request }: { request: Request }) => {
      targets.push(request.headers.get('x-amz-target') ?? '');
    };
    emulator.server.events.on('request:start', record);
    try {
      renderTrails('/trails/security-audit');
      expect(
        await screen.findByText('No Insights events are logged.', {}, { timeout: 10_000 }),
      ).toBeVisible();
      expect(targets.some((target) => target.endsWith('.DescribeTrails'))).toBe(true);
      expect(targets.filter((target) => target.endsWith('.GetInsightSelectors'))).toEqual([]);
    } finally {
      emulator.server.events.removeListener('request:start', record);
    }
  });

  it('stops logging only after the confirmation', async () => {
    renderTrails('/trails/security-audit');
    const stop = await screen.findByRole('button', { name: 'Stop logging' }, { timeout: 10_000 });
    await waitFor(() => expect(stop).toBeEnabled());
    await userEvent.click(stop);

    const dialog = await screen.findByRole('dialog', { name: 'Stop logging' });
    expect(within(dialog).getByText('security-audit')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(trailNamed('security-audit').isLogging).toBe(true);

    await userEvent.click(screen.getByRole('button', { name: 'Stop logging' }));
    await userEvent.click(
      within(await screen.findByRole('dialog', { name: 'Stop logging' })).getByRole('button', {
        name: 'Stop logging',
      }),
    );
    expect(await screen.findByRole('button', { name: 'Start logging' })).toBeInTheDocument();
    expect(await screen.findByText('Off')).toBeInTheDocument();
    expect(trailNamed('security-audit').isLogging).toBe(false);
  });

  it('edits the management events and keeps the other selectors', async () => {
    const router = renderTrails('/trails/security-audit/edit/management');
    await screen.findByRole('heading', { level: 1, name: 'Edit management events' }, { timeout: 10_000 });
    const dataBefore = trailNamed('security-audit').advancedEventSelectors!.filter(
      (s) => s.FieldSelectors[0]?.Equals?.[0] !== 'Management',
    );
    await userEvent.click(screen.getByRole('checkbox', { name: /^Read/ }));
    await userEvent.click(screen.getByRole('checkbox', { name: /^Exclude AWS KMS events/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/trails/security-audit'), {
      timeout: 10_000,
    });
    const selectors = trailNamed('security-audit').advancedEventSelectors!;
    expect(selectors.filter((s) => s.FieldSelectors[0]?.Equals?.[0] !== 'Management')).toEqual(dataBefore);
    expect(selectors).toContainEqual({
      Name: 'Management events selector',
      FieldSelectors: [
        { Field: 'eventCategory', Equals: ['Management'] },
        { Field: 'eventSource', NotEquals: ['kms.amazonaws.com'] },
      ],
    });
  });
});
