// The stories worth demoing, generated on their days (the facts about them live in src/domain/demo-stories.ts,
// where the console's Tour reads them too).
import type { DayContext } from './day';
import type { DemoStory, DemoStoryId } from '@/domain/demo-stories';
import { DEMO_STORIES } from '@/domain/demo-stories';
import { leakedAccessKey, privilegeEscalation } from './story-intrusions';
import { callRateSpike, errorRateSpike, loggingGap } from './story-operations';

export {
  DEMO_STORIES,
  demoStory,
  storyWindow,
  type DemoStory,
  type DemoStoryId,
} from '@/domain/demo-stories';

const GENERATORS: Record<DemoStoryId, (day: DayContext, story: DemoStory) => void> = {
  'leaked-access-key': leakedAccessKey,
  'privilege-escalation': privilegeEscalation,
  'logging-gap': loggingGap,
  'call-rate-spike': callRateSpike,
  'error-rate-spike': errorRateSpike,
};

export function generateStories(day: DayContext): void {
  for (const story of DEMO_STORIES) {
    if (story.dayIndex === day.dayIndex) GENERATORS[story.id](day, story);
  }
}
