// The SNS notifications the trail's topic received: CloudTrail's message per delivered log file (time, the
// bucket, the object keys). Trailview's own view: real SNS lists no received messages, so the section is
// shown only where the local server or the demo keeps them (src/api/sns-notification-queries.ts).
import Box from '@cloudscape-design/components/box';
import Table from '@cloudscape-design/components/table';
import { useQuery } from '@tanstack/react-query';
import { backendQueries } from '@/api/backend';
import { hasInvestigations } from '@/api/investigation-queries';
import { snsNotificationQueries } from '@/api/sns-notification-queries';
import { EventTime } from '@/components/event-time';
import { usePagedItems } from '@/components/use-paged-items';
import { RefreshableHeader } from './refreshable-header';
import { cloudTrailMessage, type SnsNotification } from '@/domain/sns-notification';

const PAGE_SIZE = 10;

const fileName = (key: string) => key.slice(key.lastIndexOf('/') + 1);

function Keys({ notification }: { notification: SnsNotification }) {
  const message = cloudTrailMessage(notification.message);
  if (!message) return <>{notification.message}</>;
  return <>{message.s3ObjectKey.map(fileName).join(', ')}</>;
}

/** Shown for the backends that keep what a topic received (local, demo); nothing in aws and endpoint modes. */
export function SnsNotificationsSection({
  topicArn,
  lastNotification,
}: {
  topicArn: string;
  /** The status's LatestNotificationTime, so that the empty table does not contradict it. */
  lastNotification?: Date;
}) {
  const backend = useQuery(backendQueries.info());
  return hasInvestigations(backend.data?.mode) ? (
    <NotificationsTable topicArn={topicArn} lastNotification={lastNotification} />
  ) : null;
}

function NotificationsTable({ topicArn, lastNotification }: { topicArn: string; lastNotification?: Date }) {
  const query = useQuery(snsNotificationQueries.topic(topicArn));
  const items = query.data?.notifications ?? [];
  const { pageItems, pagination } = usePagedItems(items, PAGE_SIZE);
  return (
    <Table
      variant="container"
      loading={query.isPending}
      loadingText="Loading SNS notifications"
      items={pageItems}
      trackBy="messageId"
      wrapLines
      header={
        <RefreshableHeader
          title="SNS notifications"
          count={query.data ? items.length : undefined}
          description={`Messages CloudTrail published to ${topicArn}, newest first (the newest 100).`}
          refreshLabel="Refresh SNS notifications"
          query={query}
        />
      }
      pagination={pagination}
      empty={
        <Box textAlign="center" color="inherit">
          {query.error
            ? query.error.message
            : lastNotification
              ? 'No notifications kept for this topic. The last notification the trail reports was published before they were kept here; new ones appear after the next delivery.'
              : 'No notifications yet. The topic gets one message per log file the trail delivers.'}
        </Box>
      }
      columnDefinitions={[
        { id: 'time', header: 'Time', cell: (n) => <EventTime value={n.timestamp} /> },
        {
          id: 'bucket',
          header: 'S3 bucket',
          cell: (n) => cloudTrailMessage(n.message)?.s3Bucket ?? '-',
        },
        { id: 'keys', header: 'S3 object keys', cell: (n) => <Keys notification={n} /> },
        { id: 'id', header: 'Message ID', cell: (n) => n.messageId },
      ]}
    />
  );
}
