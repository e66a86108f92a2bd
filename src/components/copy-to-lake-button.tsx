// "Copy events to Lake" for the trail selected in a table (the Trails page and the Dashboard's Trails
// panel): a link to the copy form, disabled until a trail is chosen.
import type { Trail } from '@aws-sdk/client-cloudtrail';
import Button from '@cloudscape-design/components/button';
import { hrefs } from './hrefs';
import { useFollow } from './use-follow';

export function CopyToLakeButton({ trail }: { trail: Trail | undefined }) {
  const follow = useFollow();
  return (
    <Button
      disabled={!trail?.Name}
      href={trail?.Name ? hrefs.copyTrailEvents(trail.Name) : undefined}
      onFollow={follow}
    >
      Copy events to Lake
    </Button>
  );
}
