// Small pieces the Lake pages share: an AWS error as an alert, a modal's Cancel + primary footer, and an
// event data store's status.
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { toAwsError } from '@/api/aws-error';
import { LAKE_AVAILABILITY_NOTE, lakeStatusLabel } from '@/domain/lake';
import { backendQueries } from '@/api/backend';
import { useQuery } from '@tanstack/react-query';

export function LakeErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const { name, message } = toAwsError(error);
  return (
    <Alert type="error" header={name}>
      {message}
    </Alert>
  );
}

export function ModalActions(props: {
  primary: string;
  pending?: boolean;
  disabled?: boolean;
  onCancel: () => void;
  onPrimary: () => void;
}) {
  return (
    <Box float="right">
      <SpaceBetween direction="horizontal" size="xs">
        <Button variant="link" onClick={props.onCancel}>
          Cancel
        </Button>
        <Button variant="primary" loading={props.pending} disabled={props.disabled} onClick={props.onPrimary}>
          {props.primary}
        </Button>
      </SpaceBetween>
    </Box>
  );
}

/**
 * In aws mode, the Lake pages reach the user's real account, where Lake has been closed to new customers
 * since 2026-05-31 (cloudtrail-lake-service-availability-change.html); the local and demo Lake are always open.
 */
export function LakeAvailabilityNotice() {
  const mode = useQuery(backendQueries.info()).data?.mode;
  if (mode !== 'aws') return null;
  return (
    <Alert type="info" header="CloudTrail Lake availability">
      {LAKE_AVAILABILITY_NOTE}
    </Alert>
  );
}

/** An import's (a copy of trail events) status. */
export function ImportStatus({ status }: { status: string | undefined }) {
  const type =
    status === 'COMPLETED'
      ? 'success'
      : status === 'FAILED'
        ? 'error'
        : status === 'STOPPED'
          ? 'stopped'
          : 'in-progress';
  return <StatusIndicator type={type}>{status ? lakeStatusLabel(status) : '-'}</StatusIndicator>;
}

export function EventDataStoreStatus({ status }: { status: string | undefined }) {
  const type =
    status === 'ENABLED'
      ? 'success'
      : status === 'PENDING_DELETION'
        ? 'warning'
        : status === 'STOPPED_INGESTION'
          ? 'stopped'
          : 'info';
  return <StatusIndicator type={type}>{status ? lakeStatusLabel(status) : '-'}</StatusIndicator>;
}
