// "To edit a trail in the list, choose the trail name." (docs/cloudtrail-facts.md#trails-console): the Name
// cell of every trails table links to the trail's details page.
import Link from '@cloudscape-design/components/link';
import { hrefs } from './hrefs';
import { useFollow } from './use-follow';

export function TrailNameLink({ name }: { name: string | undefined }) {
  const follow = useFollow();
  if (!name) return <>-</>;
  return (
    <Link href={hrefs.trail(name)} onFollow={follow}>
      {name}
    </Link>
  );
}
