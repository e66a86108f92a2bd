import Alert from '@cloudscape-design/components/alert';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import { useLocation } from '@tanstack/react-router';
import { hrefs } from '@/components/hrefs';
import { useFollow } from '@/components/use-follow';

export function NotFoundPage() {
  const follow = useFollow();
  const pathname = useLocation({ select: (location) => location.pathname });
  return (
    <ContentLayout header={<Header variant="h1">Page not found</Header>}>
      <Alert type="error" header="This page doesn't exist">
        The console has no page at <code>#{pathname}</code>. Check the address, or go to the{' '}
        <Link href={hrefs.dashboard} onFollow={follow}>
          Dashboard
        </Link>
        .
      </Alert>
    </ContentLayout>
  );
}
