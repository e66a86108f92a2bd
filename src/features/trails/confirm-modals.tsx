// The confirmations before Stop logging and Delete (docs/cloudtrail-facts.md#create-trail-and-trail-details; the exact wording is UNCONFIRMED,
// §11.2, so it says what the docs say happens).
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import type { AwsError } from '@/api/aws-error';

interface ConfirmProps {
  trailName: string;
  pending: boolean;
  error?: AwsError;
  onConfirm: () => void;
  onDismiss: () => void;
}

function ConfirmModal({
  header,
  action,
  children,
  pending,
  error,
  onConfirm,
  onDismiss,
}: Omit<ConfirmProps, 'trailName'> & { header: string; action: string; children: ReactNode }) {
  return (
    <Modal
      visible
      header={header}
      onDismiss={onDismiss}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onDismiss}>
              Cancel
            </Button>
            <Button variant="primary" loading={pending} onClick={onConfirm}>
              {action}
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <SpaceBetween size="m">
        {children}
        {error && (
          <Alert type="error" header={error.name}>
            {error.message}
          </Alert>
        )}
      </SpaceBetween>
    </Modal>
  );
}

export function StopLoggingModal({ trailName, ...props }: ConfirmProps) {
  return (
    <ConfirmModal header="Stop logging" action="Stop logging" {...props}>
      <Box variant="p">
        Stop logging for <b>{trailName}</b>? CloudTrail stops recording events for this trail in every Region
        it applies to. Log files already delivered to the S3 bucket are not deleted.
      </Box>
    </ConfirmModal>
  );
}

export function DeleteTrailModal({ trailName, ...props }: ConfirmProps) {
  return (
    <ConfirmModal header="Delete trail" action="Delete" {...props}>
      <Box variant="p">
        Delete <b>{trailName}</b> permanently? CloudTrail stops logging for it in every Region. The S3 bucket,
        the log files already delivered to it, and the CloudWatch Logs log group are not deleted.
      </Box>
    </ConfirmModal>
  );
}
