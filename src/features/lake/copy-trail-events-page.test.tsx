// Copy events to Lake against the demo emulator through the MSW node server: a trail's log file put in its
// bucket, copied from the Trails page into a new event data store, then listed with its statistics on the
// store's page; a store for Insights events cannot be chosen; the Lake availability notice in aws mode.
import { gzipSync } from 'node:zlib';
import { CreateEventDataStoreCommand, CreateTrailCommand } from '@aws-sdk/client-cloudtrail';
import { CreateBucketCommand, PutBucketPolicyCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cloudTrailBucketPolicy } from '@/domain/cloudtrail-policies';
import { LAKE_AVAILABILITY_NOTE } from '@/domain/lake';
import { backendHandler, demoServer, renderConsole, TEST_BACKEND } from '@/test/render-console';
import { makeRecord } from '@/test/records';
import { cloudTrailClient, s3Client } from '@/test/sdk';

const NOW = new Date('2026-11-21T14:00:00Z');
const { server, state } = demoServer({ now: NOW, days: 2 });
const BUCKET = 'copy-source-logs';

async function trailWithOneLogFile() {
  const account = state.accountId;
  await s3Client().send(new CreateBucketCommand({ Bucket: BUCKET }));
  await s3Client().send(
    new PutBucketPolicyCommand({
      Bucket: BUCKET,
      Policy: JSON.stringify(cloudTrailBucketPolicy({ bucket: BUCKET, accountId: account })),
    }),
  );
  await cloudTrailClient().send(new CreateTrailCommand({ Name: 'copy-source', S3BucketName: BUCKET }));
  // Three events months before the demo account's days (within the store's 366), so only a copy brings them.
  const records = [0, 1, 2].map((i) =>
    makeRecord({ time: Date.parse('2026-06-10T12:00:00Z') + i * 60_000, eventName: `OldCall${i}` }),
  );
  await s3Client().send(
    new PutObjectCommand({
      Bucket: BUCKET,
      Key: `AWSLogs/${account}/CloudTrail/us-east-1/2026/06/10/${account}_CloudTrail_us-east-1_20260610T1205Z_copytestabcdefgh.json.gz`,
      Body: gzipSync(JSON.stringify({ Records: records })),
    }),
  );
}

describe('Copy events to Lake', () => {
  it("copies a trail's log files into an event data store and shows the copy on the store's page", async () => {
    await trailWithOneLogFile();
    await cloudTrailClient().send(
      new CreateEventDataStoreCommand({ Name: 'copied-events', TerminationProtectionEnabled: false }),
    );
    await cloudTrailClient().send(
      new CreateEventDataStoreCommand({
        Name: 'insights-only',
        TerminationProtectionEnabled: false,
        AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Insight'] }] }],
      }),
    );
    const { user } = renderConsole('/trails');
    const copy = await screen.findByRole('button', { name: 'Copy events to Lake' });
    expect(copy).toBeDisabled();
    await user.click(await screen.findByRole('radio', { name: 'copy-source' }));
    await user.click(screen.getByRole('link', { name: 'Copy events to Lake' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Copy trail events' })).toBeVisible();
    expect(screen.getByLabelText('S3 location')).toHaveValue(`s3://${BUCKET}/`);
    await user.click(screen.getByRole('button', { name: 'Copy events' }));
    expect(screen.getByText('Choose an event data store.')).toBeVisible();

    await user.click(screen.getByRole('button', { name: /Event data store/ }));
    const insightsOnly = await screen.findByRole('option', { name: /insights-only/ });
    expect(insightsOnly).toHaveAttribute('aria-disabled', 'true');
    await user.click(screen.getByRole('option', { name: /copied-events/ }));
    await user.type(
      screen.getByLabelText('IAM role ARN'),
      `arn:aws:iam::${state.accountId}:role/CloudTrailCopyRole`,
    );
    await user.click(screen.getByRole('button', { name: 'Copy events' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'copied-events' }, { timeout: 10_000 }),
    ).toBeVisible();
    const copies = await screen.findByRole('table', { name: /Copied trail events/ });
    const row = await within(copies).findByRole('row', { name: /Completed/ }, { timeout: 10_000 });
    expect(within(row).getByText(`s3://${BUCKET}/`)).toBeVisible();
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toContain('3');
  });

  it('tells in aws mode that Lake no longer takes new customers', async () => {
    server.use(backendHandler(() => ({ ...TEST_BACKEND, mode: 'aws' })));
    renderConsole('/lake/event-data-stores');
    expect(await screen.findByText(LAKE_AVAILABILITY_NOTE)).toBeVisible();
  });
});
