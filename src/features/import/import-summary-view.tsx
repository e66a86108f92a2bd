// The summary of an import: counts, records rejected by reason, and the files skipped or cut short.
import Alert from '@cloudscape-design/components/alert';
import Container from '@cloudscape-design/components/container';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { hrefs } from '@/components/hrefs';
import { mainRegion, rejectedCount } from '@/domain/import-summary';
import { isAwsRegion } from '@/components/regions';
import { useSettings } from '@/components/settings';
import type { FileNote, ImportSummary } from '@/domain/import-summary';

const count = (n: number) => n.toLocaleString('en-US');

function FileNotes({ title, notes }: { title: string; notes: FileNote[] }) {
  if (notes.length === 0) return null;
  return (
    <ExpandableSection headerText={`${title} (${count(notes.length)})`}>
      <Table
        variant="embedded"
        items={notes}
        columnDefinitions={[
          { id: 'file', header: 'File', cell: (note) => note.file },
          { id: 'reason', header: 'Reason', cell: (note) => note.reason },
        ]}
      />
    </ExpandableSection>
  );
}

/** Event history over the events read, every event (reads too), not the default last 90 days. */
function eventsHref(summary: ImportSummary): string {
  if (summary.firstEventTime === undefined || summary.lastEventTime === undefined) return hrefs.events;
  return hrefs.eventsBetween(summary.firstEventTime, summary.lastEventTime);
}

export function ImportSummaryView({ summary, error }: { summary: ImportSummary; error?: string }) {
  const { settings, updateSettings } = useSettings();
  const region = mainRegion(summary);
  const reasons = Object.entries(summary.rejected).sort((a, b) => b[1] - a[1]);
  return (
    <Container header={<Header variant="h2">Import summary</Header>}>
      <SpaceBetween size="l">
        {error && (
          <Alert type="error" header="The import stopped">
            {error} The files before it were imported.
          </Alert>
        )}
        <KeyValuePairs
          columns={4}
          items={[
            { label: 'Files read', value: count(summary.filesRead) },
            {
              label: 'Events imported',
              value: (
                <Link
                  href={eventsHref(summary)}
                  ariaLabel={`${count(summary.eventsImported)} events imported: show them in Event history${region ? ` in ${region}` : ''}`}
                  onFollow={() => {
                    // Event data is untrusted: only a Region the console knows becomes the setting.
                    if (region && isAwsRegion(region) && region !== settings.region)
                      updateSettings({ region });
                  }}
                >
                  {count(summary.eventsImported)}
                </Link>
              ),
            },
            { label: 'Duplicates skipped', value: count(summary.duplicatesSkipped) },
            { label: 'Records rejected', value: count(rejectedCount(summary)) },
          ]}
        />
        {reasons.length > 0 && (
          <Table
            variant="embedded"
            header={<Header variant="h3">Rejection reasons</Header>}
            items={reasons}
            columnDefinitions={[
              { id: 'reason', header: 'Reason', cell: ([reason]) => reason },
              { id: 'count', header: 'Records', cell: ([, n]) => count(n) },
            ]}
          />
        )}
        <FileNotes title="Files that could not be read to the end" notes={summary.filesFailed} />
        <FileNotes title="Files skipped" notes={summary.filesSkipped} />
      </SpaceBetween>
    </Container>
  );
}
