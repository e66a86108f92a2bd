// Step 1, Choose trail attributes (docs/cloudtrail-facts.md#create-trail-and-trail-details).
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { AdditionalSettings } from '../fields/additional-settings';
import { CloudWatchFields } from '../fields/cloudwatch-fields';
import { StorageFields } from '../fields/storage-fields';
import { TagsFields } from '../fields/tags-fields';
import { TrailNameFields } from '../fields/trail-name-fields';

export interface StepContext {
  region: string;
  accountId: string | undefined;
  organizationAvailable: boolean;
}

export function AttributesStep({ region, accountId, organizationAvailable }: StepContext) {
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2">General details</Header>}>
        <SpaceBetween size="l">
          <TrailNameFields organizationAvailable={organizationAvailable} />
          <StorageFields region={region} accountId={accountId} />
          <AdditionalSettings region={region} />
        </SpaceBetween>
      </Container>
      <Container
        header={
          <Header
            variant="h2"
            description="Configure CloudWatch Logs to monitor your trail logs and notify you when specific activity occurs."
          >
            CloudWatch Logs - <i>optional</i>
          </Header>
        }
      >
        <CloudWatchFields region={region} accountId={accountId} />
      </Container>
      <Container
        header={
          <Header variant="h2">
            Tags - <i>optional</i>
          </Header>
        }
      >
        <TagsFields />
      </Container>
    </SpaceBetween>
  );
}
