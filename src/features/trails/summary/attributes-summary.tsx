// Choose trail attributes, as the Review and create step shows them (from the form values).
import Box from '@cloudscape-design/components/box';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Table from '@cloudscape-design/components/table';
import { toAliasName } from '@/domain/trail-rules';
import { bucketNameOf } from '../form/trail-plan';
import type { TrailFormValues } from '../form/trail-form-values';

const enabled = (value: boolean) => (value ? 'Enabled' : 'Disabled');

/** `<bucket>/[prefix/]AWSLogs/<account>`, where the log files go (docs/cloudtrail-facts.md#create-trail-and-trail-details). */
export function trailLogLocation(
  bucket: string,
  prefix: string | undefined,
  accountId: string | undefined,
): string {
  return `${bucket}/${prefix ? `${prefix}/` : ''}AWSLogs/${accountId ?? '<account>'}`;
}

export function GeneralSummary({
  values,
  accountId,
}: {
  values: TrailFormValues;
  accountId: string | undefined;
}) {
  const kms = values.kmsEnabled
    ? values.kmsKey === 'new'
      ? `${toAliasName(values.newKmsAlias)} (new)`
      : values.existingKmsKey
    : 'Disabled';
  const sns = values.snsEnabled
    ? values.snsTopic === 'new'
      ? `${values.newSnsTopic} (new)`
      : values.existingSnsTopic
    : 'Disabled';
  return (
    <KeyValuePairs
      columns={3}
      items={[
        { label: 'Trail name', value: values.name },
        { label: 'Multi-region trail', value: 'Yes' },
        { label: 'Apply trail to my organization', value: values.organization ? 'Enabled' : 'Not enabled' },
        {
          label: 'Trail log location',
          value: `${trailLogLocation(bucketNameOf(values), values.prefix, accountId)}${values.storage === 'new' ? ' (new bucket)' : ''}`,
        },
        { label: 'Log file SSE-KMS encryption', value: kms },
        { label: 'Log file validation', value: enabled(values.logFileValidation) },
        { label: 'SNS notification delivery', value: sns },
      ]}
    />
  );
}

export function CloudWatchSummary({ values }: { values: TrailFormValues }) {
  if (!values.cloudWatchEnabled)
    return <Box color="text-status-inactive">CloudWatch Logs is not enabled.</Box>;
  return (
    <KeyValuePairs
      columns={2}
      items={[
        {
          label: 'Log group',
          value: values.logGroup === 'new' ? `${values.newLogGroup} (new)` : values.existingLogGroup,
        },
        {
          label: 'IAM Role',
          value: values.role === 'new' ? `${values.newRoleName} (new)` : values.existingRoleArn,
        },
      ]}
    />
  );
}

export function TagsSummary({ tags }: { tags: ReadonlyArray<{ key: string; value: string }> }) {
  return (
    <Table
      variant="embedded"
      ariaLabels={{ tableLabel: 'Tags' }}
      items={[...tags]}
      columnDefinitions={[
        { id: 'key', header: 'Key', cell: (tag) => tag.key, isRowHeader: true },
        { id: 'value', header: 'Value', cell: (tag) => tag.value || '-' },
      ]}
      empty={<Box color="inherit">No tags</Box>}
    />
  );
}
