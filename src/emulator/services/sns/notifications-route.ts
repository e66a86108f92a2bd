// `GET …/trailview/sns-notifications?topic=<topic ARN>`: the messages an emulated SNS topic received, newest
// first (the topic keeps the newest 100, delivery.ts). Real SNS has no API that lists them; the local
// server and the demo's service worker answer this route beside /aws, and other backends do not.
import type { SnsNotificationsReport } from '@/domain/sns-notification';
import type { AccountState } from '../../state';

export const SNS_NOTIFICATIONS_ROUTE = /\/trailview\/sns-notifications$/;

// arn:aws:sns:<Region>:<account>:<name>; topic names are up to 256 characters (SNS CreateTopic).
const TOPIC_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });

export function snsNotificationsRoute(state: () => AccountState, request: Request): Response | undefined {
  const url = new URL(request.url);
  if (!SNS_NOTIFICATIONS_ROUTE.test(url.pathname)) return undefined;
  if (request.method !== 'GET') return json(405, { message: `${request.method} is not allowed here.` });
  const arn = url.searchParams.get('topic') ?? '';
  if (!TOPIC_ARN.test(arn)) return json(400, { message: 'Name an SNS topic by its ARN.' });
  const topic = state().snsTopics.get(arn);
  if (!topic) return json(404, { message: `There is no SNS topic ${arn}.` });
  const report: SnsNotificationsReport = {
    topicArn: arn,
    notifications: [...(topic.notifications ?? [])].reverse().map((n) => ({
      messageId: n.messageId,
      timestamp: new Date(n.timestamp).toISOString(),
      message: n.message,
    })),
  };
  return json(200, report);
}
