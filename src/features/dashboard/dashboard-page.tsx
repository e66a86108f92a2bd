// The Dashboard (docs/cloudtrail-facts.md#dashboard): recent events, trails and the five latest Insights
// events; Trailview adds the newest high and critical detection hits.
import ContentLayout from '@cloudscape-design/components/content-layout';
import Grid from '@cloudscape-design/components/grid';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useSettings } from '@/components/settings';
import { RecentDetections } from './recent-detections';
import { RecentEvents } from './recent-events';
import { RecentInsights } from './recent-insights';
import { TrailsOverview } from './trails-overview';

export function DashboardPage() {
  const { settings } = useSettings();
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description="Recent activity, detections, trails and Insights events in this Region."
        >
          Dashboard
        </Header>
      }
    >
      <SpaceBetween size="l">
        <RecentEvents region={settings.region} />
        <RecentDetections />
        <Grid gridDefinition={[{ colspan: { default: 12, m: 6 } }, { colspan: { default: 12, m: 6 } }]}>
          <TrailsOverview region={settings.region} />
          <RecentInsights region={settings.region} />
        </Grid>
      </SpaceBetween>
    </ContentLayout>
  );
}
