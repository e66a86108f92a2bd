// Small pieces the Lake pages share: an AWS error as an alert, a modal's Cancel + primary footer, and an
// event data store's status.
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { toAwsError } from '@/api/aws-error';
import { eventDataStoreStatusLabel } from '@/domain/lake';

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
  onCancel: () => void;
  onPrimary: () => void;
}) {
  return (
    <Box float="right">
      <SpaceBetween direction="horizontal" size="xs">
        <Button variant="link" onClick={props.onCancel}>
          Cancel
        </Button>
        <Button variant="primary" loading={props.pending} onClick={props.onPrimary}>
          {props.primary}
        </Button>
      </SpaceBetween>
    </Box>
  );
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
  return <StatusIndicator type={type}>{status ? eventDataStoreStatusLabel(status) : '-'}</StatusIndicator>;
}
