// The Query page's "Save results to S3" against the demo emulator: a bad S3 URI is refused before Run, a
// good one saves the results of the run (the delivery status beside the statistics, the files in the bucket).
import { CreateBucketCommand, ListObjectsV2Command, PutBucketPolicyCommand } from '@aws-sdk/client-s3';
import { screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { lakeQueryResultsBucketPolicy } from '@/domain/cloudtrail-policies';
import { demoServer, renderConsole } from '@/test/render-console';
import { s3Client } from '@/test/sdk';

const demo = demoServer({ now: new Date('2026-11-21T14:00:00Z'), days: 1 });
const s3 = s3Client();

// The SQL editor (CodeMirror) measures text ranges, which jsdom does not lay out.
beforeAll(() => {
  Range.prototype.getClientRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => new DOMRect();
});

describe('Lake query editor: Save results to S3', () => {
  it('checks the S3 URI and saves the results of the run to the bucket', async () => {
    const bucket = 'query-results-ui';
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const policy = lakeQueryResultsBucketPolicy({
      bucket,
      accountId: demo.state.accountId,
      region: 'us-east-1',
    });
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(policy) }));
    const { user } = renderConsole('/lake/query');
    const run = await screen.findByRole('button', { name: 'Run' });
    await screen.findByRole('button', { name: /trailview-all-events/ });

    await user.click(screen.getByRole('checkbox', { name: 'Save results to S3' }));
    const uri = screen.getByRole('textbox', { name: /S3 bucket/ });
    await user.type(uri, 's3://Query_Results');
    expect(
      screen.getByText(
        'Bucket names can contain only lowercase letters, numbers, periods (.), and hyphens (-).',
      ),
    ).toBeVisible();
    expect(run).toBeDisabled();

    await user.clear(uri);
    await user.type(uri, `s3://${bucket}/ui`);
    expect(run).toBeEnabled();
    await user.click(run);
    expect(
      await screen.findByText(new RegExp(`Delivery status: SUCCESS \\(s3://${bucket}/ui\\)`)),
    ).toBeVisible();
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
    expect((listed.Contents ?? []).map((o) => o.Key!.split('/').at(-1))).toEqual([
      'result_1.csv.gz',
      'result_sign.json',
    ]);
  }, 30_000);
});
