// What the session and identity pages show while their data loads, when it cannot load, and on backends
// without a store of their own to read (aws, endpoint).
import Alert from '@cloudscape-design/components/alert';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Spinner from '@cloudscape-design/components/spinner';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { backendQueries } from '@/api/backend';
import { hasInvestigations } from '@/api/investigation-queries';

export function useInvestigationsAvailable(): boolean | undefined {
  const mode = useQuery(backendQueries.info()).data?.mode;
  return mode === undefined ? undefined : hasInvestigations(mode);
}

export function PageStatus({
  title,
  error,
  loading,
}: {
  title: ReactNode;
  error?: string;
  loading?: boolean;
}) {
  return (
    <ContentLayout header={<Header variant="h1">{title}</Header>}>
      {loading ? (
        <Spinner size="large" />
      ) : (
        <Alert
          type={error ? 'error' : 'info'}
          header={error ? 'Not available' : 'Needs the local or demo backend'}
        >
          {error ??
            'Sessions and identities are resolved over Trailview’s own store. Start Trailview with the local backend (npm start) or open the demo.'}
        </Alert>
      )}
    </ContentLayout>
  );
}
