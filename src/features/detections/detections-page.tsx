// Detections (#/detections): the Sigma rules that hit events in the store, by level and rule, most severe
// first. The local server evaluates the rule pack and its --rules folders over its store; the demo
// evaluates the pack in the page over the in-browser store. Rule problems (file, line, reason) are listed.
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Header from '@cloudscape-design/components/header';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { backendQueries } from '@/api/backend';
import { readSkippedRuleFolders } from '@/api/rule-folder-setting';
import {
  investigationQueries,
  investigationSource,
  loadMoreEventsMutation,
} from '@/api/investigation-queries';
import { EventTime } from '@/components/event-time';
import { hrefs } from '@/components/hrefs';
import { LEVEL_LABELS, LevelBadge } from '@/components/level-badge';
import { ReadProgressBar } from '@/components/read-progress';
import { RouteLink } from '@/components/route-link';
import { LoadedEventsNotice } from '@/components/loaded-events-notice';
import { useSettings } from '@/components/settings';
import type { DetectionsReport } from '@/domain/detections/report';
import { LEVELS, type Level } from '@/domain/detections/sigma-rule';
import { levelCounts, ruleHitEvents, ruleRows, type RuleRow } from './detection-views';
import { RuleFoldersPanel } from './rule-folders-panel';
import { ViewHitsButton } from './view-hits-button';

const DESCRIPTION =
  'Sigma rules evaluated over the events in the store: the rule pack written for Trailview and your own rule folders.';

export function DetectionsPage() {
  const { known, loadedRegion } = investigationSource(
    useQuery(backendQueries.info()).data?.mode,
    useSettings().settings.region,
  );
  const [skipped, setSkipped] = useState(readSkippedRuleFolders);
  const query = useQuery({ ...investigationQueries.detections(loadedRegion, skipped), enabled: known });
  const header = (
    <Header
      variant="h1"
      description={DESCRIPTION}
      actions={
        known && (
          <Button
            iconName="refresh"
            ariaLabel="Evaluate the rules again"
            loading={query.isFetching}
            onClick={() => void query.refetch()}
          />
        )
      }
    >
      Detections
    </Header>
  );
  return (
    <ContentLayout header={header}>
      {query.isError ? (
        <Alert type="error" header="The rules could not be evaluated">
          {query.error.message}
        </Alert>
      ) : !query.data ? (
        <Box textAlign="center">
          <Spinner size="large" />{' '}
          <Box variant="span">
            {loadedRegion ? 'Loading events and evaluating the rules' : 'Evaluating the rules over the store'}
          </Box>
        </Box>
      ) : (
        <SpaceBetween size="l">
          <DetectionsReportView report={query.data} />
          {query.data.ruleFolders && (
            <RuleFoldersPanel
              folders={query.data.ruleFolders}
              onChange={() => setSkipped(readSkippedRuleFolders())}
            />
          )}
        </SpaceBetween>
      )}
    </ContentLayout>
  );
}

type LevelFilter = Level | 'all';

function DetectionsReportView({ report }: { report: DetectionsReport }) {
  const [level, setLevel] = useState<LevelFilter>('all');
  const [text, setText] = useState('');
  const counts = levelCounts(report);
  const rows = ruleRows(report).filter(
    (row) =>
      (level === 'all' || row.level === level) &&
      (!text ||
        `${row.title} ${row.tags.join(' ')} ${row.description ?? ''}`
          .toLowerCase()
          .includes(text.toLowerCase())),
  );
  // Widths that fit a 1280 px window with the navigation open (the last column takes the rest); longer
  // titles wrap.
  const columns: TableProps.ColumnDefinition<RuleRow>[] = [
    { id: 'level', header: 'Level', width: 90, cell: (row) => <LevelBadge level={row.level} /> },
    {
      id: 'title',
      header: 'Rule',
      width: 290,
      isRowHeader: true,
      cell: (row) => <RouteLink href={hrefs.detectionRule(row.ruleId)}>{row.title}</RouteLink>,
    },
    { id: 'hits', header: 'Hits', width: 70, cell: (row) => row.eventIds.length },
    { id: 'latest', header: 'Latest hit', width: 215, cell: (row) => <EventTime value={row.latest} /> },
    {
      id: 'tags',
      header: 'ATT&CK',
      width: 115,
      cell: (row) =>
        row.tags
          .filter((t) => /^attack\.t\d/i.test(t))
          .map((t) => t.slice('attack.'.length).toUpperCase())
          .join(', ') || '-',
    },
    {
      id: 'actions',
      header: 'Event history',
      cell: (row) => (
        <ViewHitsButton events={ruleHitEvents(report, row.ruleId)} inline={{ rule: row.title }} />
      ),
    },
  ];
  return (
    <SpaceBetween size="l">
      <LoadedEventsNotice loaded={report.loaded} loadMore={loadMoreEventsMutation} />
      <ReadProgressBar
        progress={report.progress}
        what="The hits found so far are listed; the rest are added as the events are read."
      />
      {report.problems.length > 0 && (
        <Alert type="warning" header={`${report.problems.length} rules could not be read and were skipped`}>
          <ul>
            {report.problems.map((p) => (
              <li key={`${p.file}:${p.line}`}>
                {p.file}:{p.line}: {p.reason}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <Container
        header={
          <Header
            variant="h2"
            description={`${report.rules} rules over ${report.scanned.toLocaleString('en-US')} events in ${(report.ms / 1000).toFixed(1)} s.`}
          >
            Hits by level
          </Header>
        }
      >
        <ColumnLayout columns={5} variant="text-grid">
          {[...LEVELS].reverse().map((l) => (
            <div key={l}>
              <Box variant="awsui-key-label">{LEVEL_LABELS[l]}</Box>
              <Box variant="awsui-value-large">{counts[l]}</Box>
            </div>
          ))}
        </ColumnLayout>
      </Container>
      <Table
        variant="container"
        header={
          <Header variant="h2" counter={`(${rows.length})`}>
            Rules with hits
          </Header>
        }
        filter={
          <SpaceBetween size="s" direction="horizontal">
            <TextFilter
              filteringText={text}
              filteringPlaceholder="Find rules"
              filteringAriaLabel="Find rules by title, tag or description"
              onChange={({ detail }) => setText(detail.filteringText)}
            />
            <SegmentedControl
              label="Level"
              selectedId={level}
              onChange={({ detail }) => setLevel(detail.selectedId as LevelFilter)}
              options={[
                { id: 'all', text: 'All' },
                ...[...LEVELS].reverse().map((l) => ({ id: l, text: LEVEL_LABELS[l] })),
              ]}
            />
          </SpaceBetween>
        }
        ariaLabels={{ tableLabel: 'Rules with hits' }}
        wrapLines
        resizableColumns
        items={rows}
        trackBy="ruleId"
        columnDefinitions={columns}
        empty={
          <Box textAlign="center" color="inherit">
            <b>No hits</b>
            <Box variant="p" color="inherit">
              No rule{level === 'all' ? '' : ` of level ${LEVEL_LABELS[level]}`} hit an event in the store.
            </Box>
          </Box>
        }
      />
      <ExpandableSection
        headerText={`Rules evaluated (${report.catalog?.length ?? report.rules})`}
        variant="container"
      >
        <Table
          variant="embedded"
          ariaLabels={{ tableLabel: 'Rules evaluated' }}
          items={report.catalog ?? []}
          trackBy="id"
          wrapLines
          columnDefinitions={[
            { id: 'level', header: 'Level', cell: (r) => <LevelBadge level={r.level} /> },
            { id: 'title', header: 'Rule', isRowHeader: true, cell: (r) => r.title },
            { id: 'description', header: 'Description', cell: (r) => r.description || '-' },
            { id: 'file', header: 'File', cell: (r) => r.file },
          ]}
        />
      </ExpandableSection>
    </SpaceBetween>
  );
}
