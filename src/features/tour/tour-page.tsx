// The Tour (#/tour): the demo stories a presenter can walk through, step by step, each a real page of the
// console with its filters set. It reads the demo account's stories, so it fits the demo and a local
// server seeded with the demo account.
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useQuery } from '@tanstack/react-query';
import { backendQueries } from '@/api/backend';
import { useStartTour } from './tour-bar';
import { tourSteps } from './tour-steps';

export function TourPage() {
  const start = useStartTour();
  const mode = useQuery(backendQueries.info()).data?.mode;
  const steps = tourSteps(new Date());
  const rows = steps.map((step, index) => ({ ...step, index }));
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description="A guided walk through the demo account's stories: each step opens a real page of the console with its filters set, with a caption to read out."
          actions={
            <Button variant="primary" onClick={() => start(0)}>
              Start tour
            </Button>
          }
        >
          Tour
        </Header>
      }
    >
      <SpaceBetween size="l">
        {mode && mode !== 'demo' && (
          <Alert type="info">
            The tour follows the stories of the generated demo account. On the local backend they are there
            when the store was seeded with the demo account; against a real account the steps show other data.
          </Alert>
        )}
        <Table
          variant="container"
          header={
            <Header variant="h2" counter={`(${steps.length})`}>
              Steps
            </Header>
          }
          ariaLabels={{ tableLabel: 'Tour steps' }}
          items={rows}
          trackBy="index"
          wrapLines
          columnDefinitions={[
            { id: 'n', header: 'Step', cell: (row) => row.index + 1 },
            { id: 'chapter', header: 'Story', cell: (row) => row.chapter },
            { id: 'title', header: 'Step title', isRowHeader: true, cell: (row) => row.title },
            { id: 'caption', header: 'Caption', cell: (row) => <Box variant="small">{row.caption}</Box> },
            {
              id: 'open',
              header: 'Start here',
              cell: (row) => (
                <Button
                  variant="inline-link"
                  ariaLabel={`Start the tour at step ${row.index + 1}`}
                  onClick={() => start(row.index)}
                >
                  Start here
                </Button>
              ),
            },
          ]}
        />
      </SpaceBetween>
    </ContentLayout>
  );
}
