// The Create trail wizard against the demo emulator (MSW node server): inline validation from the domain
// rules blocks Next, the review step, and a create that makes the bucket, key, trail and Insights.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, onTestFinished } from 'vitest';
import { isInsightRecord } from '@/domain/record';
import { backendHandler, renderConsole, demoServer } from '@/test/render-console';

const NOW = new Date('2026-11-21T14:00:00Z');
const emulator = demoServer({ now: NOW, days: 2 });

const renderTrails = (path: string) => renderConsole(path).router;

const trailNamed = (name: string) => [...emulator.state.trails.values()].find((t) => t.Name === name);
const heading = (name: string) => screen.findByRole('heading', { level: 1, name }, { timeout: 10_000 });

async function openWizard() {
  const router = renderTrails('/trails/create');
  await heading('Choose trail attributes');
  return router;
}

describe('Create trail', () => {
  it('shows the naming rule inline and stays on the step when Next is chosen with an invalid name', async () => {
    await openWizard();
    await userEvent.type(screen.getByLabelText('Trail name'), 'my--trail');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));

    expect(
      await screen.findByText(
        'Trail names cannot have adjacent periods, underscores or dashes, such as my-_namespace or my--namespace.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Choose trail attributes' })).toBeInTheDocument();
    expect(screen.getByLabelText('Trail name')).toHaveAttribute('aria-invalid', 'true');
  });

  it('starts from the console defaults', async () => {
    await openWizard();
    expect((screen.getByLabelText('Trail log bucket and folder') as HTMLInputElement).value).toMatch(
      new RegExp(`^aws-cloudtrail-logs-${emulator.state.accountId}-[0-9a-f]{8}$`),
    );
    expect(screen.getByRole('radio', { name: 'Create new S3 bucket' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: /^Enabled Log file SSE-KMS encryption/ })).toBeChecked();
  });

  it('reviews every choice with Edit per step, then creates the bucket, key, trail and Insights and starts logging', async () => {
    const router = await openWizard();
    await userEvent.type(screen.getByLabelText('Trail name'), 'wizard-trail');
    await userEvent.type(screen.getByLabelText('AWS KMS alias'), 'wizard-key');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));

    await heading('Choose log events');
    await userEvent.click(screen.getByRole('checkbox', { name: /^Insights events/ }));
    await userEvent.click(screen.getByRole('checkbox', { name: /^API call rate/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));

    await heading('Review and create');
    expect(screen.getByText('wizard-trail')).toBeInTheDocument();
    expect(screen.getByText('alias/wizard-key (new)')).toBeInTheDocument();
    expect(screen.getByText('API call rate')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Edit' })).toHaveLength(2);
    const bucket = [...emulator.state.buckets.keys()];

    await userEvent.click(screen.getByRole('button', { name: 'Create trail' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/trails'), { timeout: 10_000 });
    expect(
      within(screen.getByRole('list', { name: 'Notifications' })).getByText(
        'Trail wizard-trail successfully created.',
      ),
    ).toBeInTheDocument();

    const trail = trailNamed('wizard-trail');
    expect(trail).toMatchObject({
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      LogFileValidationEnabled: true,
      isLogging: true,
      insightSelectors: [{ InsightType: 'ApiCallRateInsight', EventCategories: ['Management'] }],
      advancedEventSelectors: [
        {
          Name: 'Management events selector',
          FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }],
        },
      ],
    });
    expect(trail?.KmsKeyId).toMatch(/^arn:aws:kms:us-east-1:\d{12}:key\//);
    const created = [...emulator.state.buckets.keys()].filter((name) => !bucket.includes(name));
    expect(created).toEqual([trail?.S3BucketName]);
  });

  it('puts a server error on the field it concerns', async () => {
    await openWizard();
    // A trail of the demo account already has this name: TrailAlreadyExistsException comes back from CreateTrail.
    await userEvent.type(screen.getByLabelText('Trail name'), 'management-events');
    await userEvent.click(screen.getByRole('checkbox', { name: /^Enabled Log file SSE-KMS encryption/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await heading('Choose log events');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await heading('Review and create');
    await userEvent.click(screen.getByRole('button', { name: 'Create trail' }));

    await heading('Choose trail attributes');
    expect(await screen.findByText(/already exists/)).toBeInTheDocument();
    expect(screen.getByLabelText('Trail name')).toHaveAttribute('aria-invalid', 'true');

    // Trying again with another name does not create the bucket a second time (S3 would refuse).
    const buckets = emulator.state.buckets.size;
    await userEvent.clear(screen.getByLabelText('Trail name'));
    await userEvent.type(screen.getByLabelText('Trail name'), 'second-try');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await heading('Choose log events');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await heading('Review and create');
    await userEvent.click(screen.getByRole('button', { name: 'Create trail' }));
    await waitFor(() => expect(trailNamed('second-try')?.isLogging).toBe(true), { timeout: 10_000 });
    expect(emulator.state.buckets.size).toBe(buckets);
  });

  it('estimates what the selection would have delivered of the last 7 days, and what it drops', async () => {
    // The console's own calls are recorded too, so the store grows while the test runs.
    const recentCount = () => {
      const since = NOW.getTime() - 7 * 86_400_000;
      return [...emulator.store.records()].filter(
        (r) => r.awsRegion === 'us-east-1' && Date.parse(r.eventTime) >= since,
      ).length;
    };
    const readNames = () =>
      new Set(
        [...emulator.store.records()].flatMap((r) =>
          !isInsightRecord(r) && r.readOnly ? [r.eventName] : [],
        ),
      );
    const counts = (text: string | null) => {
      const match = /([\d,]+) of ([\d,]+) events/.exec(text ?? '');
      return match
        ? { selected: Number(match[1]?.replace(/,/g, '')), total: Number(match[2]?.replace(/,/g, '')) }
        : undefined;
    };
    const before = recentCount();

    await openWizard();
    await userEvent.type(screen.getByLabelText('Trail name'), 'what-if-trail');
    await userEvent.type(screen.getByLabelText('AWS KMS alias'), 'what-if-key');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await heading('Choose log events');

    const estimate = () => screen.getByRole('status', { name: 'What-if estimate' });
    await screen.findByRole('status', { name: 'What-if estimate' }, { timeout: 10_000 });
    expect(
      screen.getByRole('button', { name: /Events this selection would have delivered \(last 7 days\)/ }),
    ).toHaveAttribute('aria-expanded', 'true');
    // All management events, the wizard's default: every stored event of the Region is delivered.
    await waitFor(() => expect(estimate()).toHaveTextContent('Delivers every event'), { timeout: 10_000 });
    const all = counts(estimate().textContent);
    expect(all?.selected).toBe(all?.total);
    expect(all?.total).toBeGreaterThanOrEqual(before);

    // Writes only: the read events are dropped, listed by event name.
    await userEvent.click(screen.getByRole('checkbox', { name: 'Read API activity' }));
    const table = await screen.findByRole(
      'table',
      { name: 'Event names this selection drops' },
      { timeout: 10_000 },
    );
    await waitFor(() => expect(estimate()).toHaveTextContent(/Drops [\d,]+ events of \d+ event names?/), {
      timeout: 10_000,
    });
    const writes = counts(estimate().textContent);
    expect(writes?.selected).toBeGreaterThan(0);
    expect(writes?.selected).toBeLessThan(writes?.total ?? 0);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(10);
    const names = readNames();
    for (const row of rows) {
      const [name] = within(row).getAllByRole('cell');
      expect(names.has(name?.textContent ?? '')).toBe(true);
    }
  });

  it('says that the estimate needs the local or demo backend in aws mode, without asking', async () => {
    const asked: string[] = [];
    emulator.server.use(backendHandler(() => ({ mode: 'aws', defaultRegion: 'us-east-1' })));
    const listen = ({ request }: { request: Request }) => {
      if (request.url.includes('trailview/what-if')) asked.push(request.url);
    };
    emulator.server.events.on('request:start', listen);
    onTestFinished(() => emulator.server.events.removeListener('request:start', listen));
    await openWizard();
    await userEvent.type(screen.getByLabelText('Trail name'), 'aws-mode-trail');
    await userEvent.type(screen.getByLabelText('AWS KMS alias'), 'aws-mode-key');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await heading('Choose log events');
    expect(
      await screen.findByText(
        /The estimate reads Trailview's own store of events: it needs the local or demo backend/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('status', { name: 'What-if estimate' })).not.toBeInTheDocument();
    expect(asked).toEqual([]);
  });
});
