// Validate log files: the trail's digest chains of the last days, each digest's signature with the public
// key ListPublicKeys gives (the backend's own; AWS's in aws mode) and each log file's hash, in the browser,
// with a progress bar and a verdict per file (src/domain/log-file-validation.ts, the AWS CLI's wording).
import type { Trail } from '@aws-sdk/client-cloudtrail';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { toAwsError } from '@/api/aws-error';
import { getObject, listObjects, publicKeys } from '@/api/log-file-queries';
import { validateLogFiles, type Verdict } from '@/domain/log-file-validation';

/** How far back Validate log files looks. */
const RANGE_DAYS = 7;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

interface Run {
  done: number;
  total: number;
  verdicts: Verdict[];
  finished: boolean;
  error?: string;
}

const fileName = (key: string) => key.slice(key.lastIndexOf('/') + 1);

async function runValidation(trail: Trail, accountId: string, onUpdate: (run: Run) => void) {
  const home = trail.HomeRegion ?? 'us-east-1';
  const bucket = trail.S3BucketName ?? '';
  const end = Date.now();
  const start = end - RANGE_DAYS * DAY_MS;
  const digestRoot = `${trail.S3KeyPrefix ? `${trail.S3KeyPrefix}/` : ''}AWSLogs/${accountId}/CloudTrail-Digest/`;
  const digestKeys = await listObjects(home, bucket, digestRoot);
  const regions = [...new Set(digestKeys.map((f) => f.key.slice(digestRoot.length).split('/')[0]!))];
  const keys = new Map<string, Uint8Array>();
  // The AWS CLI asks for the keys up to two hours past the range's end.
  for (const region of regions)
    for (const [fingerprint, der] of await publicKeys(region, new Date(start), new Date(end + 2 * HOUR_MS)))
      keys.set(fingerprint, der);
  const verdicts: Verdict[] = [];
  const keysByFolder = new Map<string, string[]>();
  await validateLogFiles({
    target: {
      bucket,
      prefix: trail.S3KeyPrefix,
      accountId,
      trailName: trail.Name ?? '',
      homeRegion: home,
      regions,
    },
    start,
    end,
    publicKeys: keys,
    reader: {
      listKeys: async (_bucket, prefix) => {
        let listed = keysByFolder.get(prefix);
        if (!listed) {
          listed = digestKeys.filter((f) => f.key.startsWith(prefix)).map((f) => f.key);
          keysByFolder.set(prefix, listed);
        }
        return listed;
      },
      get: async (fileBucket, key) => {
        try {
          return await getObject(home, fileBucket, key);
        } catch (error) {
          if (toAwsError(error).name === 'NoSuchKey') return undefined;
          throw error;
        }
      },
    },
    onProgress: (done, total, verdict) => {
      verdicts.push(verdict);
      onUpdate({ done, total, verdicts: [...verdicts], finished: false });
    },
  });
  return verdicts;
}

export function ValidateLogFiles({ trail, accountId }: { trail: Trail; accountId: string }) {
  const [run, setRun] = useState<Run | undefined>();
  const running = run !== undefined && !run.finished;
  const start = () => {
    setRun({ done: 0, total: 0, verdicts: [], finished: false });
    runValidation(trail, accountId, setRun).then(
      (verdicts) => setRun({ done: verdicts.length, total: verdicts.length, verdicts, finished: true }),
      (error: unknown) =>
        setRun((last) => ({
          ...(last ?? { done: 0, total: 0, verdicts: [] }),
          finished: true,
          error: toAwsError(error).message,
        })),
    );
  };
  const invalid = run?.verdicts.filter((v) => !v.valid).length ?? 0;
  return (
    <Container
      header={
        <Header
          variant="h2"
          description={`Checks the digest files of the last ${RANGE_DAYS} days and every log file they name.`}
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
      {!run ? (
        <Box color="text-body-secondary">
          {trail.LogFileValidationEnabled
            ? 'Digest files arrive every 12 deliveries; validate them to prove the log files were not changed.'
            : 'Log file validation is off for this trail: it delivers no digest files to validate.'}
        </Box>
      ) : (
        <SpaceBetween size="m">
          <ProgressBar
            label="Validating log files"
            value={run.total ? Math.round((run.done / run.total) * 100) : run.finished ? 100 : 0}
            additionalInfo={`${run.done} of ${run.total} files checked`}
            status={run.error ? 'error' : run.finished ? 'success' : 'in-progress'}
            resultText={
              run.error ??
              (run.verdicts.length === 0
                ? 'No digest files in the range.'
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
              items={run.verdicts}
              trackBy={(v) => `${v.file}/${v.key}`}
              columnDefinitions={[
                { id: 'file', header: 'File', cell: (v) => v.file },
                { id: 'name', header: 'Name', cell: (v) => fileName(v.key) },
                {
                  id: 'result',
                  header: 'Result',
                  cell: (v) => (
                    <StatusIndicator type={v.valid ? 'success' : 'error'}>{v.result}</StatusIndicator>
                  ),
                },
              ]}
            />
          )}
        </SpaceBetween>
      )}
    </Container>
  );
}
