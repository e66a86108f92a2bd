// Lake > Query: pick an event data store, write (or generate, or pick a sample or saved) query, run it and
// page through the results; download them; save queries and see recent runs. Everything goes through the
// Lake API (StartQuery, DescribeQuery, GetQueryResults), so aws mode runs against the account's real Lake.
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Link from '@cloudscape-design/components/link';
import Modal from '@cloudscape-design/components/modal';
import Pagination from '@cloudscape-design/components/pagination';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import Tabs from '@cloudscape-design/components/tabs';
import Textarea from '@cloudscape-design/components/textarea';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { useMemo, useRef, useState } from 'react';
import { toAwsError } from '@/api/aws-error';
import { backendQueries } from '@/api/backend';
import { takesIntegrationEvents } from '@/api/channel-queries';
import { lakeQueries, runLakeQuery, storeIdOf, type LakeResult } from '@/api/lake-queries';
import { generateLakeQuery, PROMPT_FAMILIES } from '@/domain/lake-nl';
import { parseDeliveryS3Uri, queryResultsCsv } from '@/domain/lake-query-delivery';
import { LAKE_SAMPLE_QUERIES, sampleSql } from '@/domain/lake-samples';
import { EventTime } from '@/components/event-time';
import { useSettings } from '@/components/settings';
import { parseLakeQuerySearch } from './lake-query-search';
import { lakeStorage, type SavedQuery } from './lake-storage';
import { downloadText, resultsJson } from './result-export';
import { LakeAvailabilityNotice, LakeErrorAlert, ModalActions } from './lake-ui';
import { SqlEditor, type SqlEditorHandle } from './sql-editor';

const PAGE_SIZE = 50;

export function LakeQueryPage() {
  const { settings } = useSettings();
  const demo = useQuery(backendQueries.info()).data?.mode === 'demo';
  const stores = useQuery(lakeQueries.stores(settings.region));
  const active = (stores.data ?? []).filter((s) => s.Status !== 'PENDING_DELETION');
  const [chosen, setChosen] = useState<string>();
  // `?store=<ID>` picks the store until one is chosen here (an integration's Query events).
  const requested = parseLakeQuerySearch(useSearch({ strict: false })).store;
  const store =
    active.find((s) => s.EventDataStoreArn === chosen) ??
    active.find((s) => !chosen && requested && storeIdOf(s) === requested) ??
    active[0];
  const storeId = store ? storeIdOf(store) : '';
  // An integration store has the integrations schema: the event's name is eventData.eventName.
  const integrationStore = !!store && takesIntegrationEvents(store);
  const [statement, setStatement] = useState('');
  const [tab, setTab] = useState('editor');
  const [prompt, setPrompt] = useState('');
  const [promptError, setPromptError] = useState<string>();
  const [saving, setSaving] = useState(false);
  // "Save results to S3" (query-run-query.html): the bucket as an S3 URI; no default bucket or Browse S3.
  const [saveToS3, setSaveToS3] = useState(false);
  const [deliveryUri, setDeliveryUri] = useState('');
  const parsedUri = parseDeliveryS3Uri(deliveryUri);
  const deliveryError = saveToS3 && deliveryUri && 'code' in parsedUri ? parsedUri.message : undefined;
  const [, setStorageVersion] = useState(0);
  const editor = useRef<SqlEditorHandle>(null);
  const abort = useRef<AbortController | null>(null);

  const sql =
    statement ||
    (storeId
      ? integrationStore
        ? `SELECT eventTime, eventData.eventSource, eventData.eventName, eventData.userIdentity.principalId\nFROM ${storeId}\nORDER BY eventTime DESC\nLIMIT 10`
        : `SELECT eventName, COUNT(*) AS eventCount\nFROM ${storeId}\nGROUP BY eventName\nORDER BY eventCount DESC\nLIMIT 10`
      : '');

  const run = useMutation({
    mutationFn: (text: string) => {
      abort.current = new AbortController();
      return runLakeQuery(settings.region, text, abort.current.signal, saveToS3 ? deliveryUri : undefined);
    },
    onSuccess: (result, text) => {
      lakeStorage.record({
        queryId: result.queryId,
        sql: text,
        status: result.status,
        ranAt: Date.now(),
        rows: result.rows.length,
      });
      setStorageVersion((v) => v + 1);
    },
    onError: (error) => {
      const position = /^line (\d+):(\d+):/.exec(toAwsError(error).message);
      if (position) editor.current?.reveal(Number(position[1]), Number(position[2]));
    },
  });

  const open = (text: string) => {
    setStatement(text);
    setTab('editor');
    run.reset();
  };

  const generate = () => {
    const generated = generateLakeQuery(prompt, storeId || undefined);
    if (!generated) {
      setPromptError(`The generator knows prompts like: ${PROMPT_FAMILIES.slice(0, 4).join('; ')}.`);
      return;
    }
    setPromptError(undefined);
    open(generated.sql);
  };

  return (
    <SpaceBetween size="m">
      <Header
        variant="h1"
        description="Run SQL queries on the events in your event data stores. Saved queries are kept in this browser."
      >
        Query
      </Header>
      <LakeAvailabilityNotice />
      {demo && (
        <Alert type="info" header="Queries run in your browser">
          The demo build runs each query over the demo account in this page: one SELECT over one event data
          store. Joins, WITH, UNION, subqueries and window functions need the local backend (npm start).
        </Alert>
      )}
      <Tabs
        activeTabId={tab}
        onChange={({ detail }) => setTab(detail.activeTabId)}
        ariaLabel="Query"
        tabs={[
          {
            id: 'editor',
            label: 'Editor',
            content: (
              <SpaceBetween size="m">
                <Container header={<Header variant="h2">Query generator</Header>}>
                  <FormField
                    label="Prompt"
                    description="Describe the events you want in English; a template turns it into SQL."
                    errorText={promptError}
                    secondaryControl={<Button onClick={generate}>Generate query</Button>}
                  >
                    <Input
                      value={prompt}
                      placeholder={PROMPT_FAMILIES[0]}
                      onChange={({ detail }) => setPrompt(detail.value)}
                      onKeyDown={({ detail }) => detail.key === 'Enter' && generate()}
                    />
                  </FormField>
                </Container>
                <Container
                  header={
                    <Header
                      variant="h2"
                      actions={
                        <SpaceBetween direction="horizontal" size="xs">
                          <Button onClick={() => setSaving(true)} disabled={!sql}>
                            Save
                          </Button>
                          {run.isPending && <Button onClick={() => abort.current?.abort()}>Cancel</Button>}
                          <Button
                            variant="primary"
                            loading={run.isPending}
                            disabled={!sql || (saveToS3 && (!deliveryUri || deliveryError !== undefined))}
                            onClick={() => run.mutate(sql)}
                          >
                            Run
                          </Button>
                        </SpaceBetween>
                      }
                    >
                      Editor
                    </Header>
                  }
                >
                  <SpaceBetween size="s">
                    <FormField label="Event data store">
                      <Select
                        selectedOption={store ? { value: store.EventDataStoreArn, label: store.Name } : null}
                        options={active.map((s) => ({
                          value: s.EventDataStoreArn,
                          label: s.Name,
                          description: storeIdOf(s),
                        }))}
                        onChange={({ detail }) => setChosen(detail.selectedOption.value)}
                        statusType={stores.isPending ? 'loading' : 'finished'}
                        placeholder="Choose an event data store"
                      />
                    </FormField>
                    <SqlEditor
                      ref={editor}
                      value={sql}
                      onChange={setStatement}
                      storeId={storeId}
                      ariaLabel="Query editor"
                    />
                    <Checkbox checked={saveToS3} onChange={({ detail }) => setSaveToS3(detail.checked)}>
                      Save results to S3
                    </Checkbox>
                    {saveToS3 && (
                      <FormField
                        label="S3 bucket"
                        description="The bucket and an optional prefix, as an S3 URI. The bucket policy must grant CloudTrail permission to deliver query results to the bucket."
                        errorText={deliveryError}
                      >
                        <Input
                          value={deliveryUri}
                          placeholder="s3://amzn-s3-demo-bucket/prefix"
                          onChange={({ detail }) => setDeliveryUri(detail.value)}
                        />
                      </FormField>
                    )}
                  </SpaceBetween>
                </Container>
                <LakeErrorAlert error={run.error} />
                {run.data && <QueryResults result={run.data} />}
              </SpaceBetween>
            ),
          },
          {
            id: 'samples',
            label: 'Sample queries',
            content: (
              <Table
                header={<Header counter={`(${LAKE_SAMPLE_QUERIES.length})`}>Sample queries</Header>}
                items={[...LAKE_SAMPLE_QUERIES]}
                trackBy="name"
                columnDefinitions={[
                  {
                    id: 'name',
                    header: 'Query name',
                    isRowHeader: true,
                    cell: (s) => (
                      <Link
                        onFollow={(e) => {
                          e.preventDefault();
                          open(sampleSql(s, storeId || '$EDS_ID$'));
                        }}
                        href="#"
                      >
                        {s.name}
                      </Link>
                    ),
                  },
                  { id: 'description', header: 'Description', cell: (s) => s.description },
                ]}
              />
            ),
          },
          {
            id: 'saved',
            label: 'Saved queries',
            content: (
              <Table
                header={<Header counter={`(${lakeStorage.saved().length})`}>Saved queries</Header>}
                items={lakeStorage.saved()}
                trackBy="name"
                empty={<Box textAlign="center">No saved queries</Box>}
                columnDefinitions={[
                  {
                    id: 'name',
                    header: 'Query name',
                    isRowHeader: true,
                    cell: (q) => (
                      <Link
                        onFollow={(e) => {
                          e.preventDefault();
                          open(q.sql);
                        }}
                        href="#"
                      >
                        {q.name}
                      </Link>
                    ),
                  },
                  { id: 'description', header: 'Description', cell: (q) => q.description || '-' },
                  {
                    id: 'saved',
                    header: 'Saved',
                    cell: (q) => <EventTime value={q.savedAt} />,
                  },
                  {
                    id: 'actions',
                    header: 'Actions',
                    cell: (q) => (
                      <Button
                        variant="inline-link"
                        ariaLabel={`Delete ${q.name}`}
                        onClick={() => {
                          lakeStorage.remove(q.name);
                          setStorageVersion((v) => v + 1);
                        }}
                      >
                        Delete
                      </Button>
                    ),
                  },
                ]}
              />
            ),
          },
          {
            id: 'history',
            label: 'Results history',
            content: (
              <Table
                header={<Header>Results history</Header>}
                items={lakeStorage.history()}
                trackBy="queryId"
                empty={<Box textAlign="center">No queries run yet</Box>}
                columnDefinitions={[
                  {
                    id: 'ran',
                    header: 'Run at',
                    cell: (h) => <EventTime value={h.ranAt} />,
                  },
                  { id: 'status', header: 'Status', cell: (h) => h.status },
                  { id: 'rows', header: 'Results', cell: (h) => h.rows },
                  {
                    id: 'sql',
                    header: 'Query',
                    isRowHeader: true,
                    cell: (h) => (
                      <Link
                        onFollow={(e) => {
                          e.preventDefault();
                          open(h.sql);
                        }}
                        href="#"
                      >
                        {h.sql.replace(/\s+/g, ' ').slice(0, 80)}
                      </Link>
                    ),
                  },
                ]}
              />
            ),
          },
        ]}
      />
      {saving && (
        <SaveQueryModal
          sql={sql}
          onDismiss={() => setSaving(false)}
          onSave={(query) => {
            lakeStorage.save(query);
            setSaving(false);
            setStorageVersion((v) => v + 1);
          }}
        />
      )}
    </SpaceBetween>
  );
}

function SaveQueryModal({
  sql,
  onSave,
  onDismiss,
}: {
  sql: string;
  onSave: (q: SavedQuery) => void;
  onDismiss: () => void;
}) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [tried, setTried] = useState(false);
  const nameError = tried && !name.trim() ? 'Enter a name for the query.' : undefined;
  const save = () => {
    setTried(true);
    if (name.trim()) onSave({ name: name.trim(), description, sql, savedAt: Date.now() });
  };
  return (
    <Modal
      visible
      header="Save query"
      onDismiss={onDismiss}
      footer={<ModalActions primary="Save query" onCancel={onDismiss} onPrimary={save} />}
    >
      <SpaceBetween size="m">
        <FormField label="Query name" errorText={nameError}>
          <Input value={name} onChange={({ detail }) => setName(detail.value)} />
        </FormField>
        <FormField label="Description - optional">
          <Textarea value={description} onChange={({ detail }) => setDescription(detail.value)} />
        </FormField>
      </SpaceBetween>
    </Modal>
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

function QueryResults({ result }: { result: LakeResult }) {
  const [page, setPage] = useState(1);
  const stats = result.statistics;
  const items = useMemo(
    () =>
      result.rows
        .slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
        .map((row, i) => ({ row, key: (page - 1) * PAGE_SIZE + i })),
    [result, page],
  );
  const statistics = [
    `Status: ${result.status}`,
    `Run time: ${((stats?.ExecutionTimeInMillis ?? 0) / 1000).toFixed(2)} s`,
    `Results: ${result.rows.length.toLocaleString('en-US')}`,
    `Events scanned: ${(stats?.EventsScanned ?? 0).toLocaleString('en-US')}`,
    `Data scanned: ${formatBytes(stats?.BytesScanned ?? 0)}`,
    ...(result.deliveryStatus ? [`Delivery status: ${result.deliveryStatus} (${result.deliveryS3Uri})`] : []),
  ].join(' · ');
  return (
    <SpaceBetween size="s">
      {result.errorMessage && (
        <Alert
          type={result.status === 'CANCELLED' ? 'info' : 'error'}
          header={`Query ${result.status.toLowerCase()}`}
        >
          {result.errorMessage}
        </Alert>
      )}
      <Table
        header={
          <Header
            counter={`(${result.rows.length})`}
            description={statistics}
            actions={
              <ButtonDropdown
                disabled={result.rows.length === 0}
                items={[
                  { id: 'csv', text: 'Download results as CSV' },
                  { id: 'json', text: 'Download results as JSON' },
                ]}
                onItemClick={({ detail }) =>
                  detail.id === 'csv'
                    ? downloadText(
                        queryResultsCsv(result.columns, result.rows),
                        `${result.queryId}.csv`,
                        'text/csv',
                      )
                    : downloadText(
                        resultsJson(result.columns, result.rows),
                        `${result.queryId}.json`,
                        'application/json',
                      )
                }
              >
                Download
              </ButtonDropdown>
            }
          >
            Query results
          </Header>
        }
        items={items}
        trackBy="key"
        wrapLines
        empty={<Box textAlign="center">The query returned no results.</Box>}
        pagination={
          <Pagination
            currentPageIndex={page}
            pagesCount={Math.max(1, Math.ceil(result.rows.length / PAGE_SIZE))}
            onChange={({ detail }) => setPage(detail.currentPageIndex)}
            ariaLabels={{
              nextPageLabel: 'Next page',
              previousPageLabel: 'Previous page',
              pageLabel: (n) => `Page ${n}`,
            }}
          />
        }
        columnDefinitions={result.columns.map((column, i) => ({
          id: `${i}-${column}`,
          header: column,
          cell: (item: { row: string[] }) => item.row[i] ?? '',
          isRowHeader: i === 0,
        }))}
      />
    </SpaceBetween>
  );
}
