// `trailview/sns-notifications`: what an emulated topic received, newest first, and the refusals.
import { describe, expect, it } from 'vitest';
import { createAccountState } from '../../state';
import { snsNotificationsRoute } from './notifications-route';

const ARN = 'arn:aws:sns:us-east-1:111122223333:trail-news';
const state = createAccountState('111122223333');
state.snsTopics.set(ARN, {
  arn: ARN,
  name: 'trail-news',
  region: 'us-east-1',
  attributes: {},
  tags: [],
  notifications: [
    { messageId: 'm-1', timestamp: Date.UTC(2026, 0, 1), message: '{"s3Bucket":"b","s3ObjectKey":["k1"]}' },
    { messageId: 'm-2', timestamp: Date.UTC(2026, 0, 2), message: '{"s3Bucket":"b","s3ObjectKey":["k2"]}' },
  ],
});

const ask = (query: string, method = 'GET') =>
  snsNotificationsRoute(
    () => state,
    new Request(`http://localhost/trailview/sns-notifications${query}`, { method }),
  );

describe('trailview/sns-notifications', () => {
  it('answers what the topic received, newest first', async () => {
    const answer = ask(`?topic=${encodeURIComponent(ARN)}`)!;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({
      topicArn: ARN,
      notifications: [
        {
          messageId: 'm-2',
          timestamp: '2026-01-02T00:00:00.000Z',
          message: '{"s3Bucket":"b","s3ObjectKey":["k2"]}',
        },
        {
          messageId: 'm-1',
          timestamp: '2026-01-01T00:00:00.000Z',
          message: '{"s3Bucket":"b","s3ObjectKey":["k1"]}',
        },
      ],
    });
  });

  it.each([
    ['', 'GET', 400],
    ['?topic=__proto__', 'GET', 400],
    ['?topic=arn:aws:sns:us-east-1:111122223333:other', 'GET', 404],
    [`?topic=${ARN}`, 'POST', 405],
  ])('refuses %s by %s with %i', async (query, method, status) => {
    const answer = ask(query, method)!;
    expect(answer.status).toBe(status);
    expect(((await answer.json()) as { message: string }).message).toMatch(/\.$/);
  });

  it('leaves other paths to the next route', () => {
    expect(
      snsNotificationsRoute(() => state, new Request('http://localhost/trailview/what-if')),
    ).toBeUndefined();
  });
});
