import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import type { ReactNode } from 'react';
import { useFollow } from '@/components/use-follow';

/** One part of the trail details page, with the Edit that changes only that part. */
export function DetailsSection({
  title,
  editHref,
  children,
}: {
  title: string;
  editHref?: string;
  children: ReactNode;
}) {
  const follow = useFollow();
  return (
    <Container
      header={
        <Header
          variant="h2"
          actions={
            editHref && (
              <Button href={editHref} onFollow={follow} ariaLabel={`Edit ${title}`}>
                Edit
              </Button>
            )
          }
        >
          {title}
        </Header>
      }
    >
      {children}
    </Container>
  );
}
