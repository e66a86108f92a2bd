// Trails: every trail that applies to this Region (DescribeTrails with shadow trails), with its status;
// Create trail, and Delete and Copy events to Lake for the selected trail (docs/cloudtrail-facts.md#trails-console).
import type { Trail } from '@aws-sdk/client-cloudtrail';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { toAwsError } from '@/api/aws-error';
import { trailMutations } from '@/api/trail-mutations';
import { trailQueries } from '@/api/trail-queries';
import { columnWidthsById, withColumnWidths } from '@/components/column-widths';
import { useNotifications } from '@/components/notifications';
import { useSettings } from '@/components/settings';
import { CopyToLakeButton } from '@/components/copy-to-lake-button';
import { useFollow } from '@/components/use-follow';
import { TRAIL_COLUMNS } from './columns';
import { TrailsPreferencesButton, useTrailsPreferences } from './trails-preferences';
import { DeleteTrailModal } from './confirm-modals';
import { hrefs } from '@/components/hrefs';

export function TrailsPage() {
  const { settings } = useSettings();
  const follow = useFollow();
  const { notify } = useNotifications();
  const query = useQuery(trailQueries.list(settings.region));
  const [selected, setSelected] = useState<Trail[]>([]);
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(trailMutations.delete());
  const error = query.error ? toAwsError(query.error) : undefined;
  const trail = selected[0];
  const [preferences, setPreferences] = useTrailsPreferences();
  // Cloudscape reports widths in the order of the columns shown.
  const shownColumns = preferences.columnDisplay.filter((column) => column.visible);

  const closeDelete = () => {
    remove.reset();
    setConfirming(false);
  };
  const confirmDelete = () => {
    if (!trail?.TrailARN) return;
    remove.mutate(
      { region: trail.HomeRegion ?? settings.region, trailArn: trail.TrailARN },
      {
        onSuccess: () => {
          notify({
            action: 'delete-trail',
            type: 'success',
            content: `Trail ${trail.Name ?? ''} successfully deleted.`,
          });
          setSelected([]);
          setConfirming(false);
        },
      },
    );
  };

  return (
    <SpaceBetween size="m">
      {error && (
        <Alert type="error" header={error.name}>
          {error.message}
        </Alert>
      )}
      <Table
        variant="full-page"
        stickyHeader
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={query.data ? `(${query.data.length})` : undefined}
            description="A trail delivers CloudTrail events to an Amazon S3 bucket and, optionally, to CloudWatch Logs."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  iconName="refresh"
                  ariaLabel="Refresh trails"
                  loading={query.isRefetching}
                  onClick={() => void query.refetch()}
                />
                <Button disabled={!trail} onClick={() => setConfirming(true)}>
                  Delete
                </Button>
                <CopyToLakeButton trail={trail} />
                <Button variant="primary" href={hrefs.createTrail} onFollow={follow}>
                  Create trail
                </Button>
              </SpaceBetween>
            }
          >
            Trails
          </Header>
        }
        items={query.data ?? []}
        selectionType="single"
        selectedItems={selected}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        ariaLabels={{
          selectionGroupLabel: 'Trails',
          itemSelectionLabel: (_selection, item) => item.Name ?? '',
          allItemsSelectionLabel: () => 'All trails',
        }}
        trackBy={(item) => item.TrailARN ?? item.Name ?? ''}
        columnDefinitions={withColumnWidths(TRAIL_COLUMNS, preferences.columnWidths)}
        columnDisplay={preferences.columnDisplay}
        resizableColumns
        // The default columns fit a 1280 px window with the navigation open; long names and buckets wrap.
        wrapLines
        onColumnWidthsChange={({ detail }) =>
          setPreferences({
            ...preferences,
            columnWidths: columnWidthsById(shownColumns, detail.widths, preferences.columnWidths),
          })
        }
        preferences={<TrailsPreferencesButton preferences={preferences} onChange={setPreferences} />}
        loading={query.isPending}
        loadingText="Loading trails"
        empty={
          <Box textAlign="center" color="inherit" padding="l">
            <b>No trails</b>
            <Box variant="p" color="inherit">
              No trails apply to this Region.
            </Box>
            <Button href={hrefs.createTrail} onFollow={follow}>
              Create trail
            </Button>
          </Box>
        }
      />
      {confirming && trail && (
        <DeleteTrailModal
          trailName={trail.Name ?? ''}
          pending={remove.isPending}
          {...(remove.error && { error: toAwsError(remove.error) })}
          onConfirm={confirmDelete}
          onDismiss={closeDelete}
        />
      )}
    </SpaceBetween>
  );
}
