// "View hits in Event history": Event history over the span of a rule's hits, Refine set to their event
// IDs, in the Region most of them are in (switching the console's Region, as the Region selector does).
import Button from '@cloudscape-design/components/button';
import { useRouter } from '@tanstack/react-router';
import { hrefs } from '@/components/hrefs';
import { useSettings } from '@/components/settings';
import type { HitEvent } from '@/domain/detections/rule-set';
import { hitsInEventHistory } from './detection-views';

export interface ViewHitsButtonProps {
  events: readonly HitEvent[];
  /** In a table row: an inline link "View hits" named after its rule. */
  inline?: { rule: string };
}

export function ViewHitsButton({ events, inline }: ViewHitsButtonProps) {
  const router = useRouter();
  const { settings, updateSettings } = useSettings();
  const target = hitsInEventHistory(events);
  if (!target) return null;
  const href = hrefs.refinedEvents(target.refine, target.range);
  return (
    <Button
      href={href}
      variant={inline ? 'inline-link' : 'normal'}
      ariaLabel={inline ? `View hits of ${inline.rule} in Event history` : undefined}
      onClick={(event) => {
        event.preventDefault();
        if (target.region !== settings.region) updateSettings({ region: target.region });
        void router.navigate({ href: href.slice(1) });
      }}
    >
      {inline ? 'View hits' : 'View hits in Event history'}
    </Button>
  );
}
