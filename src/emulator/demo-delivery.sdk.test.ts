// @vitest-environment node
// The demo's trails report deliveries that happened: GetTrailStatus's latest log file, SNS notification
// and CloudWatch Logs delivery are in the bucket, the topic and the log group, through the AWS SDK.
import { DescribeTrailsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { cloudTrailClient, logsClient, s3Client, useEmulatorServer } from '@/test/sdk';
import { createDemoEmulator } from './demo';

const NOW = new Date('2026-11-21T12:00:00Z');
const demo = createDemoEmulator({ now: NOW, days: 2, background: false });
useEmulatorServer(() => demo.handle);

/** The trail's log files in its bucket, newest first. */
async function logFiles(bucket: string, prefix: string) {
  const { Contents = [] } = await s3Client().send(
    new ListObjectsV2Command({
      Bucket: bucket,
      Prefix: `${prefix}AWSLogs/${demo.state.accountId}/CloudTrail/`,
    }),
  );
  return Contents.sort((a, b) => b.LastModified!.getTime() - a.LastModified!.getTime());
}

describe("the demo trails' delivery status", () => {
  it('names deliveries whose files, notifications and log events exist', async () => {
    await demo.ready;
    const { trailList = [] } = await cloudTrailClient().send(new DescribeTrailsCommand({}));
    const logging = [];
    for (const trail of trailList) {
      const status = await cloudTrailClient().send(new GetTrailStatusCommand({ Name: trail.TrailARN }));
      if (!status.IsLogging) continue;
      logging.push(trail.Name);
      const prefix = trail.S3KeyPrefix ? `${trail.S3KeyPrefix}/` : '';
      const [newest] = await logFiles(trail.S3BucketName!, prefix);
      expect(status.LatestDeliveryTime, trail.Name).toBeDefined();
      expect(newest?.LastModified, trail.Name).toEqual(status.LatestDeliveryTime);
      const object = await s3Client().send(
        new GetObjectCommand({ Bucket: trail.S3BucketName, Key: newest!.Key }),
      );
      expect(object.ContentLength).toBeGreaterThan(0);

      if (trail.SnsTopicARN) {
        const notifications = demo.state.snsTopics.get(trail.SnsTopicARN)?.notifications ?? [];
        const last = notifications.at(-1);
        expect(last && new Date(last.timestamp)).toEqual(status.LatestNotificationTime);
        const message = JSON.parse(last!.message) as { s3Bucket: string; s3ObjectKey: string[] };
        const keys = (await logFiles(trail.S3BucketName!, prefix)).map((o) => o.Key);
        expect(keys).toEqual(expect.arrayContaining(message.s3ObjectKey));
      }
      if (trail.CloudWatchLogsLogGroupArn) {
        const group = trail.CloudWatchLogsLogGroupArn.split(':log-group:')[1]!.replace(/:\*$/, '');
        const { events = [] } = await logsClient().send(new FilterLogEventsCommand({ logGroupName: group }));
        expect(events.map((e) => e.ingestionTime)).toContain(
          status.LatestCloudWatchLogsDeliveryTime?.getTime(),
        );
      }
    }
    expect(logging).toEqual(['management-events', 'security-audit']);
  });
});
