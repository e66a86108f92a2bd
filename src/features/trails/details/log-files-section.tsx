// The log files a trail delivered to its bucket, newest first, each downloadable as CloudTrail wrote it
// (gzipped JSON), with Validate log files over them (validate-log-files.tsx).
import type { Trail } from '@aws-sdk/client-cloudtrail';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { toAwsError } from '@/api/aws-error';
import { getObject, logFileQueries, type DeliveredFile } from '@/api/log-file-queries';
import { EventTime } from '@/components/event-time';
import { usePagedItems } from '@/components/use-paged-items';
import { saveFile } from '@/components/save-file';
import { parseLogFileKey } from '@/domain/delivery-files';
import { RefreshableHeader } from './refreshable-header';
import { ValidateLogFiles } from './validate-log-files';

const PAGE_SIZE = 10;

const fileName = (key: string) => key.slice(key.lastIndexOf('/') + 1);

function DownloadButton({ region, bucket, file }: { region: string; bucket: string; file: DeliveredFile }) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const { body } = await getObject(region, bucket, file.key);
      saveFile(new Blob([body as BlobPart], { type: 'application/gzip' }), fileName(file.key));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="inline-link"
      iconName="download"
      loading={busy}
      ariaLabel={`Download ${fileName(file.key)}`}
      onClick={() => void download()}
    >
      Download
    </Button>
  );
}

export function LogFilesSection({
  trail,
  accountId,
  lastDelivery,
}: {
  trail: Trail;
  accountId: string;
  /** The status's LatestDeliveryTime: a delivery recorded while none of its files is in the bucket now. */
  lastDelivery?: Date;
}) {
  const region = trail.HomeRegion ?? 'us-east-1';
  const bucket = trail.S3BucketName ?? '';
  const root = `${trail.S3KeyPrefix ? `${trail.S3KeyPrefix}/` : ''}AWSLogs/${accountId}/`;
  const query = useQuery(logFileQueries.list(region, bucket, `${root}CloudTrail`));
  const files = (query.data ?? [])
    .filter((f) => parseLogFileKey(f.key))
    // The name carries the delivery time (…_YYYYMMDDTHHmmZ_…): newest first, then by key.
    .sort((a, b) => (b.lastModified ?? '').localeCompare(a.lastModified ?? '') || b.key.localeCompare(a.key));
  const { pageItems: shown, pagination } = usePagedItems(files, PAGE_SIZE);
  return (
    <SpaceBetween size="l">
      <Table
        variant="container"
        loading={query.isPending}
        loadingText="Loading log files"
        items={shown}
        trackBy="key"
        wrapLines
        header={
          <RefreshableHeader
            title="Log files"
            count={query.data ? files.length : undefined}
            description={`Delivered to s3://${bucket}/${root}`}
            refreshLabel="Refresh log files"
            query={query}
          />
        }
        pagination={pagination}
        empty={
          <Box textAlign="center" color="inherit">
            {query.error
              ? toAwsError(query.error).message
              : lastDelivery
                ? `No log files in s3://${bucket}/${root}CloudTrail/. The last delivery the trail reports is not in the bucket now (moved or deleted); new log files appear here after the next delivery.`
                : 'No log files yet. A logging trail delivers the events it selects every delivery interval.'}
          </Box>
        }
        columnDefinitions={[
          { id: 'name', header: 'Log file', cell: (f) => fileName(f.key) },
          { id: 'region', header: 'Region', cell: (f) => parseLogFileKey(f.key)?.region ?? '-' },
          {
            id: 'type',
            header: 'Events',
            cell: (f) => (parseLogFileKey(f.key)?.kind === 'CloudTrail-Insight' ? 'Insights' : 'CloudTrail'),
          },
          { id: 'delivered', header: 'Delivered', cell: (f) => <EventTime value={f.lastModified} /> },
          { id: 'size', header: 'Size (bytes)', cell: (f) => f.size.toLocaleString('en-US') },
          {
            id: 'download',
            header: 'Download',
            cell: (f) => <DownloadButton region={region} bucket={bucket} file={f} />,
          },
        ]}
      />
      <ValidateLogFiles trail={trail} accountId={accountId} />
    </SpaceBetween>
  );
}
