// The Tour's steps: the demo account's stories in the order a presenter tells them (leaked key → privilege
// escalation → exfiltration → logging stopped → the Insights spike), each a real console page with its
// filters set and a caption. Times come from the stories' days and clocks, relative to `now`, the same way
// the demo account generates them (src/domain/demo-stories.ts).
import { demoStory, storyWindow, type DemoStoryId } from '@/domain/demo-stories';
import { isoSeconds } from '@/domain/iso-time';
import type { RefineQuery } from '@/domain/refine';

export interface TourStep {
  /** The story the step belongs to, as the presenter names it. */
  chapter: string;
  title: string;
  caption: string;
  href: string;
}

const MARGIN_MS = 5 * 60_000;

function storyRange(id: DemoStoryId, now: Date): string {
  const { start, end } = storyWindow(demoStory(id), now);
  return `${isoSeconds(start.getTime() - MARGIN_MS)}/${isoSeconds(end.getTime() + MARGIN_MS)}`;
}

function events(search: Record<string, string>, refine?: RefineQuery): string {
  const params = new URLSearchParams(search);
  if (refine) params.set('refine', JSON.stringify(refine));
  return `#/events?${params.toString()}`;
}

export function tourSteps(now: Date): TourStep[] {
  const leaked = demoStory('leaked-access-key');
  const key = leaked.lookup.value;
  const leakedRange = storyRange('leaked-access-key', now);
  const insightStart = storyWindow(demoStory('call-rate-spike'), now).start.getTime();
  return [
    {
      chapter: 'A leaked access key',
      title: 'Every call made with one access key',
      caption: `Event history filtered on the access key ${key} around ${leakedRange.slice(0, 10)}: calls from 203.0.113.250 with a Kali Linux user agent, reconnaissance first (GetCallerIdentity, ListUsers, ListBuckets).`,
      href: events({ attr: 'AccessKeyId', value: key, range: leakedRange }),
    },
    {
      chapter: 'A leaked access key',
      title: 'Who is behind the key',
      caption:
        'The key’s session: its origin is the IAM user jenkins-legacy and its long-term key. The timeline shows the burst, the errors in red, and the services, Regions and IP addresses it used.',
      href: `#/sessions/${encodeURIComponent(key)}`,
    },
    {
      chapter: 'Privilege escalation',
      title: 'A developer grants himself “*”',
      caption:
        'jordan.lee creates a new default version of his own policy granting every action, attaches AdministratorAccess to ops-break-glass and assumes it. An administrator rolls it back 30 minutes later.',
      href: events({ attr: 'Username', value: 'jordan.lee', range: storyRange('privilege-escalation', now) }),
    },
    {
      chapter: 'Privilege escalation',
      title: 'The person behind the role',
      caption:
        'jordan.lee’s sessions, including the ops-break-glass role session he assumed: identity resolution follows AssumeRole back to him, so the role’s calls are his.',
      href: '#/identities/jordan.lee',
    },
    {
      chapter: 'Exfiltration',
      title: 'What the stolen key read',
      caption:
        'The same key, refined to S3 and Secrets Manager: it lists the buckets, reads their ACLs and policies, and pulls secret values — some allowed, some denied.',
      href: events(
        { attr: 'AccessKeyId', value: key, range: leakedRange },
        {
          operation: 'or',
          tokens: [
            { propertyKey: 'eventSource', operator: '=', value: 's3.amazonaws.com' },
            { propertyKey: 'eventSource', operator: '=', value: 'secretsmanager.amazonaws.com' },
          ],
        },
      ),
    },
    {
      chapter: 'Logging stopped',
      title: 'Someone turns CloudTrail off',
      caption:
        'tom.becker@example.com stops logging on the management-events trail; priya.nair@example.com starts it again 47 minutes later. Nothing the account did in between reached the trail’s bucket.',
      href: events({ attr: 'EventName', value: 'StopLogging', range: storyRange('logging-gap', now) }),
    },
    {
      chapter: 'Detections',
      title: 'The same stories as rule hits',
      caption:
        'Trailview’s Sigma rule pack over the whole account: the leaked key’s attack-tool user agent, the backdoor user, the policy version granting “*” and StopLogging are hits, by level. Open a rule to see its events and sessions.',
      href: '#/detections',
    },
    {
      chapter: 'The Insights spike',
      title: 'A runaway Run Command loop',
      caption:
        'OpsAutomationRole calls ssm SendCommand about 14 times a minute for 30 minutes against a baseline of a few a day: CloudTrail Insights flags the call rate. Open the Insights event for its graph and attributions.',
      href: `#/insights?attribute=EventName&value=SendCommand&from=${encodeURIComponent(isoSeconds(insightStart - 86_400_000))}&to=${encodeURIComponent(isoSeconds(insightStart + 86_400_000))}`,
    },
  ];
}
