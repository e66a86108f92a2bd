// Lake > Integrations: the channels of this Region (ListChannels, then GetChannel for each), with Add
// integration opening the form (#/lake/integrations/create). The columns are the ones GetChannel answers:
// the documentation names the page but not its columns.
import type { GetChannelCommandOutput } from '@aws-sdk/client-cloudtrail';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { useQuery } from '@tanstack/react-query';
import { channelIdOf, channelQueries } from '@/api/channel-queries';
import { lakeQueries } from '@/api/lake-queries';
import { hrefs } from '@/components/hrefs';
import { useSettings } from '@/components/settings';
import { useFollow } from '@/components/use-follow';
import { DESTINATION_TYPE_LABELS, DestinationStores, IngestionSummary } from './integration-ui';
import { LakeAvailabilityNotice, LakeErrorAlert } from './lake-ui';

export function IntegrationsPage() {
  const { settings } = useSettings();
  const follow = useFollow();
  const channels = useQuery(channelQueries.list(settings.region));
  const stores = useQuery(lakeQueries.stores(settings.region)).data ?? [];
  const add = (
    <Button variant="primary" href={hrefs.createIntegration} onFollow={follow}>
      Add integration
    </Button>
  );
  const columns: TableProps.ColumnDefinition<GetChannelCommandOutput>[] = [
    {
      id: 'name',
      header: 'Integration name',
      isRowHeader: true,
      cell: (c) => (
        <Link href={hrefs.integration(channelIdOf(c.ChannelArn))} onFollow={follow}>
          {c.Name}
        </Link>
      ),
    },
    { id: 'source', header: 'Source', cell: (c) => c.Source ?? '-' },
    {
      id: 'type',
      header: 'Destination type',
      cell: (c) => {
        const types = [...new Set((c.Destinations ?? []).map((d) => d.Type ?? ''))];
        return types.map((t) => DESTINATION_TYPE_LABELS[t] ?? t).join(', ') || '-';
      },
    },
    {
      id: 'destinations',
      header: 'Event data stores',
      cell: (c) => <DestinationStores destinations={c.Destinations} stores={stores} />,
    },
    {
      id: 'ingestion',
      header: 'Latest ingestion',
      minWidth: 220,
      cell: (c) => <IngestionSummary status={c.IngestionStatus} />,
    },
  ];
  return (
    <SpaceBetween size="m">
      <LakeAvailabilityNotice />
      <LakeErrorAlert error={channels.error} />
      <Table<GetChannelCommandOutput>
        variant="full-page"
        wrapLines
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={channels.data ? `(${channels.data.length})` : undefined}
            description="An integration is a channel that brings events from outside AWS into event data stores, where you query them with SQL."
            actions={add}
          >
            Integrations
          </Header>
        }
        items={channels.data ?? []}
        loading={channels.isPending}
        loadingText="Loading integrations"
        trackBy={(c) => c.ChannelArn ?? ''}
        empty={
          <Box textAlign="center" color="inherit">
            <SpaceBetween size="xs">
              <Box variant="strong" color="inherit">
                No integrations
              </Box>
              <Box variant="p" color="inherit">
                Add an integration to send events from your own applications to CloudTrail Lake.
              </Box>
              <Button href={hrefs.createIntegration} onFollow={follow}>
                Add integration
              </Button>
            </SpaceBetween>
          </Box>
        }
        columnDefinitions={columns}
      />
    </SpaceBetween>
  );
}
