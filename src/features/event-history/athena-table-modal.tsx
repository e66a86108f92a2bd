// Event history > Create Athena table: the CREATE EXTERNAL TABLE statement for a trail's log files, with
// partition projection over the trail's accounts, Regions and days (domain/athena-table.ts), shown to copy
// into the Athena query editor. Trailview creates nothing in Athena itself.
import type { Trail } from '@aws-sdk/client-cloudtrail';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import FormField from '@cloudscape-design/components/form-field';
import Modal from '@cloudscape-design/components/modal';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Textarea from '@cloudscape-design/components/textarea';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { trailQueries } from '@/api/trail-queries';
import { AWS_REGION_GROUPS } from '@/components/regions';
import { parseArn } from '@/domain/aws-arn';
import { athenaDay, athenaTableDdl } from '@/domain/athena-table';

const YEAR_MS = 365 * 86_400_000;

/** The statement for one trail: its account, and every Region when it is multi-Region. */
export function trailAthenaDdl(trail: Trail, now: number): string {
  const accountId = parseArn(trail.TrailARN ?? '')?.accountId ?? '';
  return athenaTableDdl({
    bucket: trail.S3BucketName ?? '',
    prefix: trail.S3KeyPrefix,
    accountIds: [accountId],
    regions: trail.IsMultiRegionTrail
      ? AWS_REGION_GROUPS.flatMap((g) => g.regions.map((r) => r.code))
      : [trail.HomeRegion ?? ''],
    firstDay: athenaDay(now - YEAR_MS),
  });
}

export function AthenaTableModal({ region, onDismiss }: { region: string; onDismiss: () => void }) {
  const trails = useQuery(trailQueries.list(region));
  // One entry per trail (shadow copies of multi-Region trails name the same bucket).
  const unique = [...new Map((trails.data ?? []).map((t) => [t.TrailARN, t])).values()];
  const [chosen, setChosen] = useState<string>();
  // The day the modal opened anchors the projected range.
  const [openedAt] = useState(() => Date.now());
  const trail = unique.find((t) => t.TrailARN === chosen) ?? unique[0];
  const ddl = trail ? trailAthenaDdl(trail, openedAt) : '';
  return (
    <Modal
      visible
      size="large"
      header="Create a table in Amazon Athena"
      onDismiss={onDismiss}
      footer={
        <Box float="right">
          <Button variant="primary" onClick={onDismiss}>
            Close
          </Button>
        </Box>
      }
    >
      <SpaceBetween size="m">
        <Box variant="p">
          Athena reads a trail&apos;s log files where CloudTrail delivers them. Run this statement in the
          Athena query editor: the table projects its partitions from the bucket layout (account, Region,
          day), so it needs no partition maintenance. The days start a year back; change{' '}
          <Box variant="code">projection.date.range</Box> to reach older logs.
        </Box>
        {trails.isPending && <StatusIndicator type="loading">Loading trails</StatusIndicator>}
        {!trails.isPending && unique.length === 0 && (
          <StatusIndicator type="info">
            No trail delivers log files to Amazon S3 in this Region.
          </StatusIndicator>
        )}
        {trail && (
          <>
            <FormField label="Storage location" description="The S3 bucket of the trail whose logs to query.">
              <Select
                selectedOption={{ value: trail.TrailARN, label: trail.S3BucketName, description: trail.Name }}
                options={unique.map((t) => ({
                  value: t.TrailARN,
                  label: t.S3BucketName,
                  description: t.Name,
                }))}
                onChange={({ detail }) => setChosen(detail.selectedOption.value)}
              />
            </FormField>
            <FormField
              label="Table statement"
              secondaryControl={
                <CopyToClipboard
                  variant="button"
                  textToCopy={ddl}
                  copyButtonText="Copy"
                  copySuccessText="Statement copied"
                  copyErrorText="Statement failed to copy"
                />
              }
            >
              <Textarea value={ddl} readOnly rows={18} spellcheck={false} ariaLabel="Table statement" />
            </FormField>
          </>
        )}
      </SpaceBetween>
    </Modal>
  );
}
