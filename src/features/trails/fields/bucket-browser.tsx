// Browse: the buckets of the account (S3 ListBuckets), to pick the trail's existing log bucket.
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { toAwsError } from '@/api/aws-error';
import { s3Queries, type BucketSummary } from '@/api/s3-queries';

export function BucketBrowser({
  region,
  onChoose,
  onDismiss,
}: {
  region: string;
  onChoose: (bucket: string) => void;
  onDismiss: () => void;
}) {
  const buckets = useQuery(s3Queries.buckets(region));
  const [selected, setSelected] = useState<BucketSummary[]>([]);
  return (
    <Modal
      visible
      header="Choose S3 bucket"
      onDismiss={onDismiss}
      size="medium"
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onDismiss}>
              Cancel
            </Button>
            <Button
              variant="primary"
              disabled={!selected[0]}
              onClick={() => selected[0] && onChoose(selected[0].name)}
            >
              Choose
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <Table
        variant="embedded"
        selectionType="single"
        selectedItems={selected}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        ariaLabels={{
          selectionGroupLabel: 'Buckets',
          itemSelectionLabel: (_selection, bucket) => bucket.name,
          allItemsSelectionLabel: () => 'All buckets',
        }}
        trackBy="name"
        items={buckets.data ?? []}
        loading={buckets.isPending}
        loadingText="Loading buckets"
        columnDefinitions={[
          { id: 'name', header: 'Name', cell: (bucket) => bucket.name, isRowHeader: true },
          { id: 'region', header: 'AWS Region', cell: (bucket) => bucket.region ?? '-' },
          { id: 'created', header: 'Creation date', cell: (bucket) => bucket.creationDate ?? '-' },
        ]}
        empty={
          <Box textAlign="center" color="inherit">
            {buckets.error ? toAwsError(buckets.error).message : 'No buckets'}
          </Box>
        }
      />
    </Modal>
  );
}
