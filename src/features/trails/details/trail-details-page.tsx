// #/trails/<name>: a trail's details (docs/cloudtrail-facts.md#create-trail-and-trail-details), each part with its own Edit.
import Alert from '@cloudscape-design/components/alert';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { toAwsError } from '@/api/aws-error';
import { trailToFormValues } from '../form/trail-to-form-values';
import { TagsSummary } from '../summary/attributes-summary';
import {
  DataEventsSummary,
  InsightsSummary,
  ManagementEventsSummary,
  NetworkEventsSummary,
} from '../summary/events-summary';
import { trailHrefs } from '../trail-hrefs';
import { DetailsSection } from './details-section';
import { CloudWatchDetails, GeneralDetails } from './general-details';
import { LogFilesSection } from './log-files-section';
import { SnsNotificationsSection } from './sns-notifications-section';
import { TrailActions } from './trail-actions';
import { useTrail } from './use-trail';

export function TrailDetailsPage({ trailName }: { trailName: string }) {
  const { trail, status, configuration, loading, error, accountId } = useTrail(trailName);
  if (loading) return <Spinner size="large" />;
  if (!trail) {
    return (
      <Alert type="error" header="Trail not found">
        {error ? toAwsError(error).message : `There is no trail named ${trailName} in this Region.`}
      </Alert>
    );
  }
  const values = configuration && trailToFormValues(configuration, accountId);
  const edit = (section: Parameters<typeof trailHrefs.edit>[1]) => trailHrefs.edit(trailName, section);
  return (
    <SpaceBetween size="l">
      <Header variant="h1" actions={<TrailActions trail={trail} isLogging={status.data?.IsLogging} />}>
        {trailName}
      </Header>
      {error && (
        <Alert type="error" header={toAwsError(error).name}>
          {toAwsError(error).message}
        </Alert>
      )}
      <DetailsSection title="General details" editHref={edit('general')}>
        <GeneralDetails
          trail={trail}
          status={status.data}
          statusLoading={status.isPending}
          accountId={accountId}
        />
      </DetailsSection>
      <DetailsSection title="CloudWatch Logs" editHref={edit('cloudwatch')}>
        <CloudWatchDetails trail={trail} status={status.data} />
      </DetailsSection>
      {accountId && (
        <LogFilesSection trail={trail} accountId={accountId} lastDelivery={status.data?.LatestDeliveryTime} />
      )}
      {trail.SnsTopicARN && (
        <SnsNotificationsSection
          topicArn={trail.SnsTopicARN}
          lastNotification={status.data?.LatestNotificationTime}
        />
      )}
      {values && (
        <SpaceBetween size="l">
          <DetailsSection title="Tags" editHref={edit('tags')}>
            <TagsSummary tags={values.tags} />
          </DetailsSection>
          <DetailsSection title="Management events" editHref={edit('management')}>
            <ManagementEventsSummary values={values} />
          </DetailsSection>
          <DetailsSection title="Data events" editHref={edit('data')}>
            <DataEventsSummary values={values} />
          </DetailsSection>
          <DetailsSection title="Insights events" editHref={edit('insights')}>
            <InsightsSummary values={values} />
          </DetailsSection>
          <DetailsSection title="Network activity events" editHref={edit('network')}>
            <NetworkEventsSummary values={values} />
          </DetailsSection>
        </SpaceBetween>
      )}
    </SpaceBetween>
  );
}
