// "Resources referenced" on an event's page (docs/cloudtrail-facts.md#event-history-console): the resources
// Event history derived for the event. As in the console, a resource's name links to its page in the AWS
// console when its type has one (docs/cloudtrail-facts.md#resource-console-pages; the URL is built in
// src/domain/resource-console-url.ts from fixed hosts, with every part taken from the event encoded);
// other names stay plain text. Trailview has no AWS Config, so the resource timeline column says
// "Link not available", as the console does when it cannot link a resource.
import type { Resource } from '@aws-sdk/client-cloudtrail';
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Table from '@cloudscape-design/components/table';
import { resourceConsoleUrl } from '@/domain/resource-console-url';

function ResourceName({ resource, region }: { resource: Resource; region: string }) {
  const name = resource.ResourceName;
  if (!name) return '-';
  const url = resource.ResourceType ? resourceConsoleUrl(resource.ResourceType, name, region) : undefined;
  if (!url) return name;
  return (
    <Link
      external
      href={url}
      ariaLabel={`${name} in the AWS console`}
      externalIconAriaLabel="Opens in a new tab"
    >
      {name}
    </Link>
  );
}

export function ResourcesReferenced({ resources, region }: { resources: Resource[]; region: string }) {
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
        { id: 'name', header: 'Resource name', cell: (r) => <ResourceName resource={r} region={region} /> },
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
