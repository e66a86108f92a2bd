// Import: CloudTrail log files into the local server's store, by drag and drop (files or folders) or by
// choosing them; a progress bar while they are sent, then a summary. Only the local backend has a store.
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import FileDropzone from '@cloudscape-design/components/file-dropzone';
import FileInput from '@cloudscape-design/components/file-input';
import Header from '@cloudscape-design/components/header';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type DragEvent } from 'react';
import { backendQueries } from '@/api/backend';
import { eventQueries } from '@/api/event-queries';
import { eventStatsQueries } from '@/api/event-stats-queries';
import { droppedFolderEntries, filesOfEntries } from './dropped-files';
import type { LogFile } from '@/api/log-import';
import { addSummary, emptySummary } from '@/domain/import-summary';
import type { ImportSummary } from '@/domain/import-summary';
import { ImportSummaryView } from './import-summary-view';
import { ValidateFolder } from './validate-folder';
import { hasDigestFiles, isDigestFile } from '@/domain/folder-validation';
import { logFile, uploadLogFile } from '@/api/log-import';

type Stage =
  | { name: 'choosing' }
  | { name: 'importing'; sent: number; file: string }
  | { name: 'done'; summary: ImportSummary; error?: string };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function ImportPage() {
  const backend = useQuery(backendQueries.info());
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description="Add CloudTrail log files to this server's event store: S3 log files (.json.gz or .json), JSON arrays, JSON lines, single events or LookupEvents output. Events already stored are skipped."
        >
          Import logs
        </Header>
      }
    >
      {backend.isPending ? (
        <Spinner />
      ) : backend.data?.mode === 'local' ? (
        <ImportForm region={backend.data.defaultRegion ?? 'us-east-1'} />
      ) : (
        <Alert type="info" header="Import needs the local backend">
          Start Trailview with <code>npm start</code> (the local backend) to import log files, or use{' '}
          <code>npm run import -- PATH</code>.
        </Alert>
      )}
    </ContentLayout>
  );
}

function ImportForm({ region }: { region: string }) {
  const queryClient = useQueryClient();
  // The imported events change the lookups and the store's counts and extent.
  const invalidateEvents = () => {
    void queryClient.invalidateQueries({ queryKey: eventQueries.all() });
    void queryClient.invalidateQueries({ queryKey: eventStatsQueries.all() });
  };
  const [files, setFiles] = useState<LogFile[]>([]);
  const [stage, setStage] = useState<Stage>({ name: 'choosing' });
  const folderInput = useRef<HTMLInputElement>(null);
  const folderDrop = useRef(false);
  const totalBytes = files.reduce((sum, f) => sum + f.file.size, 0);

  const add = (more: LogFile[]) => setFiles((current) => [...current, ...more]);

  // A dropped folder reaches the drop event only as an entry: read it here, before FileDropzone's onChange.
  const onDropCapture = (event: DragEvent) => {
    const entries = droppedFolderEntries(event.dataTransfer);
    folderDrop.current = entries !== undefined;
    if (entries) void filesOfEntries(entries).then(add);
  };

  const start = async () => {
    let summary = emptySummary();
    let sentBefore = 0;
    for (const item of files) {
      if (isDigestFile(item.path)) {
        // A copied trail folder holds digest files beside its logs: skipped, as `npm run import` skips
        // digest folders, not sent to be rejected as records without an eventID.
        summary = addSummary(summary, {
          ...emptySummary(),
          filesSkipped: [{ file: item.path, reason: 'digest file' }],
        });
        sentBefore += item.file.size;
        continue;
      }
      setStage({ name: 'importing', sent: sentBefore, file: item.path });
      try {
        const part = await uploadLogFile(item, (sent) =>
          setStage({ name: 'importing', sent: sentBefore + sent, file: item.path }),
        );
        summary = addSummary(summary, part);
      } catch (error) {
        setStage({ name: 'done', summary, error: (error as Error).message });
        invalidateEvents();
        return;
      }
      sentBefore += item.file.size;
    }
    setStage({ name: 'done', summary });
    setFiles([]);
    invalidateEvents();
  };

  if (stage.name === 'importing') {
    return (
      <Container header={<Header variant="h2">Importing</Header>}>
        <ProgressBar
          label="Import progress"
          value={totalBytes > 0 ? Math.min(100, (stage.sent / totalBytes) * 100) : 100}
          description={`${megabytes(stage.sent)} of ${megabytes(totalBytes)} sent`}
          additionalInfo={stage.file}
        />
      </Container>
    );
  }

  return (
    <SpaceBetween size="l">
      {stage.name === 'done' && <ImportSummaryView summary={stage.summary} error={stage.error} />}
      <Container
        header={
          <Header
            variant="h2"
            actions={
              <Button variant="primary" disabled={files.length === 0} onClick={() => void start()}>
                Import
              </Button>
            }
          >
            Log files
          </Header>
        }
      >
        <SpaceBetween size="m">
          <div onDropCapture={onDropCapture}>
            <FileDropzone
              onChange={({ detail }) => {
                if (!folderDrop.current) add(detail.value.map(logFile));
                folderDrop.current = false;
              }}
            >
              <SpaceBetween size="xs" alignItems="center">
                <Box color="inherit">Drop log files or folders here</Box>
                <SpaceBetween direction="horizontal" size="xs">
                  <FileInput multiple value={[]} onChange={({ detail }) => add(detail.value.map(logFile))}>
                    Choose files
                  </FileInput>
                  <Button iconName="folder" onClick={() => folderInput.current?.click()}>
                    Choose folder
                  </Button>
                </SpaceBetween>
              </SpaceBetween>
            </FileDropzone>
          </div>
          <input
            ref={folderInput}
            type="file"
            hidden
            multiple
            aria-label="Choose folder"
            // Not in React's types: the attribute that makes the picker choose a folder.
            {...{ webkitdirectory: '' }}
            onChange={(event) => {
              add(Array.from(event.target.files ?? []).map(logFile));
              event.target.value = '';
            }}
          />
          <Box variant="p" color="text-body-secondary">
            {files.length === 0
              ? 'No files chosen.'
              : `${files.length.toLocaleString('en-US')} ${files.length === 1 ? 'file' : 'files'} chosen (${megabytes(totalBytes)}).`}
          </Box>
          {files.length > 0 && <Button onClick={() => setFiles([])}>Clear</Button>}
        </SpaceBetween>
      </Container>
      {hasDigestFiles(files.map((f) => f.path)) && (
        <ValidateFolder key={files.length} files={files} region={region} />
      )}
    </SpaceBetween>
  );
}
