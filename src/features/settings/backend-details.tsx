import Alert from '@cloudscape-design/components/alert';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Spinner from '@cloudscape-design/components/spinner';
import { useQuery } from '@tanstack/react-query';
import { accountQueries } from '@/api/account-queries';
import { backendQueries, type BackendMode } from '@/api/backend';
import { toAwsError } from '@/api/aws-error';
import { useSettings } from '@/components/settings';

/** What answers the console's CloudTrail requests (docs/architecture.md, "The shape"). */
const BACKEND_DESCRIPTIONS: Record<BackendMode, { name: string; description: string }> = {
  demo: {
    name: 'Demo',
    description: 'A generated demo account, emulated in this browser. No AWS account is used.',
  },
  local: { name: 'Local', description: 'The Trailview server’s emulator, with events stored on disk.' },
  aws: {
    name: 'AWS',
    description: 'Your AWS account, through the Trailview server, which signs each request.',
  },
  endpoint: {
    name: 'Endpoint',
    description: 'An AWS-compatible endpoint (such as LocalStack), through the Trailview server.',
  },
};

export function BackendDetails() {
  return (
    <Container header={<Header variant="h2">Backend</Header>}>
      <BackendInfo />
    </Container>
  );
}

function BackendInfo() {
  const { settings } = useSettings();
  const backend = useQuery(backendQueries.info());
  const caller = useQuery(accountQueries.callerIdentity(settings.region));
  if (backend.isPending) return <Spinner />;
  if (backend.isError) {
    const error = toAwsError(backend.error);
    return (
      <Alert type="error" header={error.name}>
        {error.message}
      </Alert>
    );
  }
  const { name, description } = BACKEND_DESCRIPTIONS[backend.data.mode];
  return (
    <KeyValuePairs
      columns={3}
      items={[
        { label: 'Backend', value: name },
        { label: 'Description', value: description },
        { label: 'Access', value: backend.data.readOnly ? 'Read-only' : 'Read and write' },
        { label: 'Account', value: caller.data?.Account ?? callerState(caller) },
        { label: 'Caller identity', value: caller.data?.Arn ?? callerState(caller) },
      ]}
    />
  );
}

/** What to show for the caller while STS GetCallerIdentity is pending or failed. */
function callerState(caller: { isPending: boolean; error: unknown }): string {
  if (caller.isPending) return 'Loading…';
  return caller.error ? `Not available: ${toAwsError(caller.error).message}` : '-';
}
