// Trails > a trail > Copy events to Lake: copies the log files the trail delivered to its bucket into an
// event data store (StartImport), for the events of a time range or all of them. The copy runs in the
// background; the event data store's page follows it (ListImports, GetImport).
import type { EventDataStore, Trail } from '@aws-sdk/client-cloudtrail';
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import DateRangePicker, { type DateRangePickerProps } from '@cloudscape-design/components/date-range-picker';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { lakeImportQueries, startImport } from '@/api/lake-imports';
import { lakeQueries, storeIdOf } from '@/api/lake-queries';
import { trailQueries } from '@/api/trail-queries';
import { DATE_RANGE_STRINGS } from '@/components/date-range-strings';
import { hrefs } from '@/components/hrefs';
import { useNotifications } from '@/components/notifications';
import { useSettings } from '@/components/settings';
import {
  DESTINATION_PROBLEM_LABELS,
  destinationProblem,
  selectorEventCategories,
  trailLogsUri,
} from '@/domain/lake-import';
import { parseTrailArn } from '@/domain/trail-name';
import { toAwsError } from '@/api/aws-error';
import { LakeErrorAlert } from './lake-ui';

export function CopyTrailEventsPage({ trailName }: { trailName: string }) {
  const { settings } = useSettings();
  const trails = useQuery(trailQueries.list(settings.region));
  const trail = trails.data?.find((t) => t.Name === trailName);
  if (trails.isPending) return <StatusIndicator type="loading">Loading trail</StatusIndicator>;
  if (!trail)
    return (
      <SpaceBetween size="l">
        <Header variant="h1">Copy trail events</Header>
        <LakeErrorAlert error={trails.error} />
        {!trails.error && (
          <Alert type="error" header="Trail not found">
            No trail named {trailName} applies to this Region.
          </Alert>
        )}
      </SpaceBetween>
    );
  return <CopyTrailEventsForm trail={trail} />;
}

function CopyTrailEventsForm({ trail }: { trail: Trail }) {
  const { settings } = useSettings();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { notify } = useNotifications();
  const stores = useQuery(lakeQueries.stores(settings.region));
  const [uri, setUri] = useState(() => trailLogsUri(trail.S3BucketName ?? '', trail.S3KeyPrefix));
  const [storeArn, setStoreArn] = useState<string | undefined>();
  const [range, setRange] = useState<DateRangePickerProps.Value | null>(null);
  const [roleArn, setRoleArn] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const copy = useMutation({
    mutationFn: () => {
      const absolute = range?.type === 'absolute' ? range : undefined;
      return startImport(settings.region, {
        Destinations: [storeArn!],
        ImportSource: {
          S3: {
            S3LocationUri: uri.trim(),
            S3BucketRegion: trail.HomeRegion ?? settings.region,
            S3BucketAccessRoleArn: roleArn.trim(),
          },
        },
        ...(absolute && {
          StartEventTime: new Date(absolute.startDate),
          EndEventTime: new Date(absolute.endDate),
        }),
      });
    },
    onSuccess: async (result) => {
      const store = stores.data?.find((s) => s.EventDataStoreArn === storeArn);
      await client.invalidateQueries({ queryKey: lakeImportQueries.all() });
      notify({
        action: 'copy-trail-events',
        type: 'success',
        content: `Copying the events of ${trail.Name ?? ''} to ${store?.Name ?? 'the event data store'} (import ${result.ImportId ?? ''}).`,
      });
      if (store)
        await navigate({ to: '/lake/event-data-stores/$storeId', params: { storeId: storeIdOf(store) } });
    },
  });

  const options = (stores.data ?? []).map((store: EventDataStore) => {
    const problem = destinationProblem(
      store.Status,
      selectorEventCategories(store.AdvancedEventSelectors ?? []),
    );
    return {
      value: store.EventDataStoreArn ?? '',
      label: store.Name ?? store.EventDataStoreArn ?? '',
      description: problem ? DESTINATION_PROBLEM_LABELS[problem] : storeIdOf(store),
      disabled: problem !== undefined,
    };
  });
  const copyError = copy.error ? toAwsError(copy.error) : undefined;
  const selected = options.find((o) => o.value === storeArn) ?? null;
  const errors = {
    uri: uri.trim() ? undefined : "Enter the S3 location of the trail's log files.",
    store: storeArn ? undefined : 'Choose an event data store.',
    role: roleArn.trim() ? undefined : 'Enter the ARN of a role CloudTrail can read the bucket with.',
  };
  const valid = !errors.uri && !errors.store && !errors.role;
  const shown = (message: string | undefined) => (submitted ? message : undefined);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setSubmitted(true);
        if (valid) copy.mutate();
      }}
    >
      <Form
        header={
          <Header
            variant="h1"
            description="Copy the events this trail delivered to its S3 bucket into a CloudTrail Lake event data store, to query them with SQL. The trail itself does not change."
          >
            Copy trail events
          </Header>
        }
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button formAction="none" variant="link" href={hrefs.trails}>
              Cancel
            </Button>
            <Button variant="primary" loading={copy.isPending}>
              Copy events
            </Button>
          </SpaceBetween>
        }
        errorText={copyError && `${copyError.name}: ${copyError.message}`}
      >
        <SpaceBetween size="l">
          <Container header={<Header variant="h2">Trail details</Header>}>
            <KeyValuePairs
              columns={3}
              items={[
                { label: 'Trail name', value: trail.Name },
                { label: 'Home region', value: trail.HomeRegion },
                { label: 'S3 bucket', value: trail.S3BucketName },
              ]}
            />
          </Container>
          <Container header={<Header variant="h2">Events to copy</Header>}>
            <SpaceBetween size="l">
              <FormField
                label="S3 location"
                description="CloudTrail copies the log files under the CloudTrail prefix of this location, in every Region and day folder below it."
                errorText={shown(errors.uri)}
              >
                <Input value={uri} onChange={({ detail }) => setUri(detail.value)} />
              </FormField>
              <FormField
                label="Time range"
                description="Only events of this range are copied; leave it empty for every event the log files hold. Events older than the event data store's retention period are never copied."
              >
                <DateRangePicker
                  value={range}
                  onChange={({ detail }) => setRange(detail.value)}
                  relativeOptions={[]}
                  rangeSelectorMode="absolute-only"
                  i18nStrings={DATE_RANGE_STRINGS}
                  isValidRange={(value) =>
                    !value || value.type !== 'absolute' || value.startDate < value.endDate
                      ? { valid: true }
                      : { valid: false, errorMessage: 'The start must be before the end.' }
                  }
                  timeOffset={settings.timeDisplay === 'utc' ? 0 : undefined}
                  placeholder="All events"
                  ariaLabel="Time range"
                  showClearButton
                />
              </FormField>
            </SpaceBetween>
          </Container>
          <Container header={<Header variant="h2">Delivery location</Header>}>
            <FormField
              label="Event data store"
              description="An event data store for CloudTrail events that is ingesting. The copied events count toward its retention period."
              errorText={shown(errors.store)}
            >
              <Select
                selectedOption={selected}
                onChange={({ detail }) => setStoreArn(detail.selectedOption.value)}
                options={options}
                statusType={stores.isPending ? 'loading' : stores.error ? 'error' : 'finished'}
                loadingText="Loading event data stores"
                errorText="The event data stores could not be listed."
                empty="No event data stores in this Region"
                placeholder="Choose an event data store"
              />
            </FormField>
          </Container>
          <Container header={<Header variant="h2">Permissions</Header>}>
            <FormField
              label="IAM role ARN"
              description="A role that lets CloudTrail read the bucket's log files (s3:GetObject, s3:ListBucket) and, for encrypted logs, decrypt them."
              errorText={shown(errors.role)}
            >
              <Input
                value={roleArn}
                placeholder={`arn:aws:iam::${parseTrailArn(trail.TrailARN ?? '')?.accountId ?? '111122223333'}:role/CloudTrailCopyRole`}
                onChange={({ detail }) => setRoleArn(detail.value)}
              />
            </FormField>
          </Container>
        </SpaceBetween>
      </Form>
    </form>
  );
}
