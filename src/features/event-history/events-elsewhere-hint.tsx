// The empty Event history's pointer to the events the local store holds elsewhere (events-elsewhere.ts):
// one line per Region, each with a link that opens Event history over that Region's events.
import Box from '@cloudscape-design/components/box';
import Link from '@cloudscape-design/components/link';
import { useQuery } from '@tanstack/react-query';
import { backendQueries } from '@/api/backend';
import { eventStatsQueries } from '@/api/event-stats-queries';
import { hrefs } from '@/components/hrefs';
import { isAwsRegion } from '@/components/regions';
import { useSettings } from '@/components/settings';
import { describeExtent, eventsElsewhere } from './events-elsewhere';

export function EventsElsewhereHint({ region }: { region: string }) {
  const { settings, updateSettings } = useSettings();
  // Only the local server knows its store's extent (GET trailview/event-extent).
  const local = useQuery(backendQueries.info()).data?.mode === 'local';
  const extent = useQuery({ ...eventStatsQueries.extent(), enabled: local });
  // Event data is untrusted: only a Region the console knows is offered as the Region setting.
  const hints = eventsElsewhere(
    (extent.data?.regions ?? []).filter((candidate) => isAwsRegion(candidate.region)),
    region,
  );
  if (hints.length === 0) return null;
  return (
    <Box variant="div" color="inherit" padding={{ top: 's' }}>
      <Box variant="p" color="inherit">
        Events stored elsewhere:
      </Box>
      {hints.map((hint) => {
        const text = describeExtent(hint, settings.timeDisplay);
        return (
          <Box key={hint.region} variant="p" color="inherit">
            {text} —{' '}
            <Link
              href={hrefs.eventsBetween(hint.first, hint.last)}
              ariaLabel={`Show the ${text}`}
              onFollow={() => {
                if (hint.region !== settings.region) updateSettings({ region: hint.region });
              }}
            >
              show them
            </Link>
          </Box>
        );
      })}
    </Box>
  );
}
