// The Log file validation panel: a Validate log files button, then the progress and per-file verdicts of
// a validation (src/domain/log-file-validation.ts). The trail details page validates the trail's bucket;
// the Import page a chosen folder.
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useState, type ReactNode } from 'react';
import type { Verdict } from '@/domain/log-file-validation';

interface ValidationRun {
  done: number;
  total: number;
  verdicts: Verdict[];
  finished: boolean;
  error?: string;
}

export type OnVerdict = (done: number, total: number, verdict: Verdict) => void;

const fileName = (key: string) => key.slice(key.lastIndexOf('/') + 1);

export function ValidationPanel(props: {
  description: string;
  /** Shown before the first run. */
  idle: ReactNode;
  /** The result text when the run found no digest files. */
  noDigests: string;
  validate: (onVerdict: OnVerdict) => Promise<Verdict[]>;
  /** The message of a failed run (e.g. the AWS error's). */
  describeError: (error: unknown) => string;
}) {
  const [run, setRun] = useState<ValidationRun | undefined>();
  const running = run !== undefined && !run.finished;
  const start = () => {
    setRun({ done: 0, total: 0, verdicts: [], finished: false });
    const verdicts: Verdict[] = [];
    props
      .validate((done, total, verdict) => {
        verdicts.push(verdict);
        setRun({ done, total, verdicts: [...verdicts], finished: false });
      })
      .then(
        (all) => setRun({ done: all.length, total: all.length, verdicts: all, finished: true }),
        (error: unknown) =>
          setRun((last) => ({
            ...(last ?? { done: 0, total: 0, verdicts: [] }),
            finished: true,
            error: props.describeError(error),
          })),
      );
  };
  return (
    <Container
      header={
        <Header
          variant="h2"
          description={props.description}
          actions={
            <Button onClick={start} loading={running} disabled={running}>
              Validate log files
            </Button>
          }
        >
          Log file validation
        </Header>
      }
    >
      {run ? (
        <ValidationResults run={run} noDigests={props.noDigests} />
      ) : (
        <Box color="text-body-secondary">{props.idle}</Box>
      )}
    </Container>
  );
}

function ValidationResults({ run, noDigests }: { run: ValidationRun; noDigests: string }) {
  const invalid = run.verdicts.filter((v) => !v.valid).length;
  return (
    <SpaceBetween size="m">
      <ProgressBar
        label="Validating log files"
        value={run.total ? Math.round((run.done / run.total) * 100) : run.finished ? 100 : 0}
        additionalInfo={`${run.done} of ${run.total} files checked`}
        status={run.error ? 'error' : run.finished ? 'success' : 'in-progress'}
        resultText={
          run.error ??
          (run.verdicts.length === 0
            ? noDigests
            : invalid
              ? `${invalid} of ${run.verdicts.length} files INVALID`
              : `All ${run.verdicts.length} files valid`)
        }
      />
      {run.error && <Alert type="error">{run.error}</Alert>}
      {run.verdicts.length > 0 && (
        <Table
          variant="embedded"
          wrapLines
          // Widths that fit a 1280 px window with the navigation open: the long file name wraps, not the result.
          resizableColumns
          ariaLabels={{ tableLabel: 'Validation results' }}
          items={run.verdicts}
          trackBy={(v) => `${v.file}/${v.key}`}
          columnDefinitions={[
            { id: 'file', header: 'File', width: 120, cell: (v) => v.file },
            { id: 'name', header: 'Name', width: 640, cell: (v) => fileName(v.key) },
            {
              id: 'result',
              header: 'Result',
              cell: (v) => <StatusIndicator type={v.valid ? 'success' : 'error'}>{v.result}</StatusIndicator>,
            },
          ]}
        />
      )}
    </SpaceBetween>
  );
}
