// "Download events" → "Download as CSV" / "Download as JSON" (docs/cloudtrail-facts.md#event-history-console), with a progress bar and
// Cancel, which asks once more before it stops ("Cancel download").
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import Modal from '@cloudscape-design/components/modal';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useRef, useState } from 'react';
import { toAwsError } from '@/api/aws-error';
import type { EventFilter } from '@/api/event-queries';
import { isThrottleSimulationOn } from '@/api/throttle-simulation';
import { LOOKUP_RATE_LIMIT } from '@/domain/lookup-attributes';
import { useNotifications } from '@/components/notifications';
import { EXPORT_MAX_EVENTS, type ExportFormat } from '@/domain/event-export';
import { compileRefine, type RefineQuery } from '@/domain/refine';
import { downloadEvents, saveBlob, type DownloadProgress } from './download-events';
import { THROTTLE_EXPLANATION } from './throttle-notice';

export interface DownloadButtonProps {
  filter: EventFilter;
  refine: RefineQuery;
}

interface Running {
  format: ExportFormat;
  progress: DownloadProgress;
  confirmingCancel: boolean;
}

const LOOKUP_EVENTS_INTERVAL_MS = LOOKUP_RATE_LIMIT.windowMs / LOOKUP_RATE_LIMIT.requests;

const count = (n: number) => n.toLocaleString('en-US');

export function DownloadButton({ filter, refine }: DownloadButtonProps) {
  const { notify } = useNotifications();
  const [running, setRunning] = useState<Running | null>(null);
  const controller = useRef<AbortController | null>(null);

  async function start(format: ExportFormat) {
    const abort = new AbortController();
    controller.current = abort;
    const initial = { events: 0, scanned: 0, fraction: 0, throttled: false };
    setRunning({ format, progress: initial, confirmingCancel: false });
    try {
      const result = await downloadEvents({
        format,
        filter,
        predicate: compileRefine(refine),
        signal: abort.signal,
        minInterval: isThrottleSimulationOn() ? LOOKUP_EVENTS_INTERVAL_MS : 0,
        onProgress: (progress) => setRunning((current) => current && { ...current, progress }),
      });
      saveBlob(result.blob, result.fileName);
      notify({
        action: 'download',
        type: 'success',
        content: result.truncated
          ? `Downloaded the newest ${count(result.events)} events to ${result.fileName}, the most a file holds. Narrow the time range to download older events.`
          : `Downloaded ${count(result.events)} events to ${result.fileName}.`,
      });
    } catch (error) {
      if (abort.signal.aborted)
        notify({ action: 'download', type: 'info', content: 'The download was canceled.' });
      else
        notify({
          action: 'download',
          type: 'error',
          header: 'The download failed',
          content: toAwsError(error).message,
        });
    } finally {
      controller.current = null;
      setRunning(null);
    }
  }

  return (
    <>
      <ButtonDropdown
        disabled={running !== null}
        items={[
          { id: 'csv', text: 'Download as CSV' },
          { id: 'json', text: 'Download as JSON' },
        ]}
        onItemClick={({ detail }) => void start(detail.id as ExportFormat)}
      >
        Download events
      </ButtonDropdown>
      {running && (
        <Modal
          visible
          header="Download events"
          onDismiss={() => setRunning((current) => current && { ...current, confirmingCancel: true })}
          footer={
            <Box float="right">
              {running.confirmingCancel ? (
                <SpaceBetween direction="horizontal" size="xs">
                  <Button
                    onClick={() =>
                      setRunning((current) => current && { ...current, confirmingCancel: false })
                    }
                  >
                    Continue download
                  </Button>
                  <Button variant="primary" onClick={() => controller.current?.abort()}>
                    Cancel download
                  </Button>
                </SpaceBetween>
              ) : (
                <Button
                  onClick={() => setRunning((current) => current && { ...current, confirmingCancel: true })}
                >
                  Cancel
                </Button>
              )}
            </Box>
          }
        >
          <SpaceBetween size="m">
            <ProgressBar
              label={`Downloading events as ${running.format === 'json' ? 'JSON' : 'CSV'}`}
              description={`Up to ${count(EXPORT_MAX_EVENTS)} events in one file, newest first.`}
              value={Math.round(running.progress.fraction * 100)}
              additionalInfo={
                `${count(running.progress.events)} events written` +
                (running.progress.scanned !== running.progress.events
                  ? `, ${count(running.progress.scanned)} scanned`
                  : '') +
                (running.progress.throttled ? `. ${THROTTLE_EXPLANATION}` : '')
              }
            />
            {running.confirmingCancel && (
              <Box variant="p">Cancel the download? The events downloaded so far are not saved.</Box>
            )}
          </SpaceBetween>
        </Modal>
      )}
    </>
  );
}
