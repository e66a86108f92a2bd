// The demo account's stories (emulator/seed generates them; the console's Tour walks a presenter through
// them): what happened, on which day before today (UTC) and at what time, and where Event history finds it.
const DAY_MS = 86_400_000;

/** "HH:MM:SS" → seconds after midnight. */
const clockSeconds = (text: string) => {
  const [h = 0, m = 0, s = 0] = text.split(':').map(Number);
  return h * 3600 + m * 60 + s;
};

export type DemoStoryId =
  'leaked-access-key' | 'privilege-escalation' | 'logging-gap' | 'call-rate-spike' | 'error-rate-spike';

export interface DemoStory {
  id: DemoStoryId;
  title: string;
  summary: string;
  /** Days before today (0 = today, UTC). */
  dayIndex: number;
  /** UTC time of day the story starts and ends, "HH:MM:SS". */
  startUtc: string;
  endUtc: string;
  /** What to filter Event history on to find it. */
  lookup: { attribute: 'Username' | 'EventName' | 'AccessKeyId'; value: string };
}

export const DEMO_STORIES: readonly DemoStory[] = [
  {
    id: 'leaked-access-key',
    title: 'A leaked access key',
    summary:
      'The long-lived key of IAM user jenkins-legacy is used from 203.0.113.250 with a Kali Linux user agent: reconnaissance, then a backdoor user svc-backup-sync with AdministratorAccess that launches instances in far-away Regions, then a burst of RunInstances calls at home.',
    dayIndex: 10,
    startUtc: '03:12:07',
    endUtc: '04:20:00',
    lookup: { attribute: 'AccessKeyId', value: 'AKIA2XK7M3QZR5JH3E7W' },
  },
  {
    id: 'privilege-escalation',
    title: 'Privilege escalation through a policy version',
    summary:
      'Developer jordan.lee creates a new default version of his own policy granting "*", attaches AdministratorAccess to ops-break-glass and assumes it; an administrator rolls it back 30 minutes later.',
    dayIndex: 17,
    startUtc: '19:41:12',
    endUtc: '20:26:00',
    lookup: { attribute: 'Username', value: 'jordan.lee' },
  },
  {
    id: 'logging-gap',
    title: 'CloudTrail logging stopped and restarted',
    summary:
      'tom.becker@example.com stops logging on the management-events trail; priya.nair@example.com starts it again 47 minutes later.',
    dayIndex: 3,
    startUtc: '14:05:33',
    endUtc: '14:52:10',
    lookup: { attribute: 'EventName', value: 'StopLogging' },
  },
  {
    id: 'call-rate-spike',
    title: 'A runaway Run Command loop (call-rate Insight)',
    summary:
      'OpsAutomationRole calls ssm SendCommand about 14 times a minute for 30 minutes, against a baseline of a few calls a day.',
    dayIndex: 6,
    startUtc: '15:20:00',
    endUtc: '15:50:00',
    lookup: { attribute: 'EventName', value: 'SendCommand' },
  },
  {
    id: 'error-rate-spike',
    title: 'AccessDenied on GetBucketPolicy (error-rate Insight)',
    summary:
      'A third-party security scanner role lost s3:GetBucketPolicy and fails with AccessDenied about 10 times a minute for 30 minutes.',
    dayIndex: 13,
    startUtc: '20:10:00',
    endUtc: '20:40:00',
    lookup: { attribute: 'EventName', value: 'GetBucketPolicy' },
  },
];

export function demoStory(id: DemoStoryId): DemoStory {
  const story = DEMO_STORIES.find((s) => s.id === id);
  if (!story) throw new Error(`No demo story ${id}.`);
  return story;
}

/** A story's start and end as instants, for a given `now`. */
export function storyWindow(story: DemoStory, now: Date): { start: Date; end: Date } {
  const dayStart = Math.floor(now.getTime() / DAY_MS) * DAY_MS - story.dayIndex * DAY_MS;
  return {
    start: new Date(dayStart + clockSeconds(story.startUtc) * 1000),
    end: new Date(dayStart + clockSeconds(story.endUtc) * 1000),
  };
}
