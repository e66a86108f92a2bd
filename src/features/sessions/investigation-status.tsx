// What the session and identity pages show while their data loads, and when it cannot load.
import Alert from '@cloudscape-design/components/alert';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Spinner from '@cloudscape-design/components/spinner';
import type { ReactNode } from 'react';

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
        <Alert type="error" header="Not available">
          {error}
        </Alert>
      )}
    </ContentLayout>
  );
}
