// "Resources referenced" on an event's page (docs/cloudtrail-facts.md#event-history-console): the resources Event history derived for the
// event, with the AWS Config resource timeline column. Trailview has no AWS Config, so every row says
// "Link not available", as the console does when it cannot link a resource.
import type { Resource } from '@aws-sdk/client-cloudtrail';
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';

export function ResourcesReferenced({ resources }: { resources: Resource[] }) {
  return (
    <Table
      variant="container"
      header={
        <Header variant="h2" counter={`(${resources.length})`}>
          Resources referenced
        </Header>
      }
      items={resources}
      columnDefinitions={[
        { id: 'type', header: 'Resource type', cell: (r) => r.ResourceType ?? '-', isRowHeader: true },
        { id: 'name', header: 'Resource name', cell: (r) => r.ResourceName ?? '-' },
        {
          id: 'config',
          header: 'AWS Config resource timeline',
          cell: () => <Box color="text-status-inactive">Link not available</Box>,
        },
      ]}
      wrapLines
      empty={
        <Box textAlign="center" color="inherit">
          This event references no resources.
        </Box>
      }
    />
  );
}
