// @vitest-environment node
// The session, identity and detection routes over a store, as the demo's service worker and the local
// server answer them.
import { describe, expect, it } from 'vitest';
import type { DetectionsReport } from '@/domain/detections/report';
import type { IdentityReport, SessionReport } from '@/domain/investigation';
import type { UserIdentity } from '@/domain/record';
import { MemoryEventStore } from '../store/memory-event-store';
import { makeRecord, T0, TEST_ACCOUNT } from '@/test/records';
import { createInvestigationRoutes } from './investigation-routes';
import { memoryRecordSource } from './memory-record-source';

const ROLE_ARN = `arn:aws:iam::${TEST_ACCOUNT}:role/Admin`;
const SESSION_ARN = `arn:aws:sts::${TEST_ACCOUNT}:assumed-role/Admin/alice-session`;

const assumeRole = makeRecord({
  time: T0,
  eventSource: 'sts.amazonaws.com',
  eventName: 'AssumeRole',
  requestParameters: { roleArn: ROLE_ARN, roleSessionName: 'alice-session' },
  responseElements: {
    credentials: { accessKeyId: 'ASIATEMPKEY000000001', expiration: 'x', sessionToken: 'x' },
    assumedRoleUser: { arn: SESSION_ARN, assumedRoleId: 'AROAEXAMPLE:alice-session' },
  },
});
const roleIdentity: UserIdentity = {
  type: 'AssumedRole',
  principalId: 'AROAEXAMPLE:alice-session',
  arn: SESSION_ARN,
  accountId: TEST_ACCOUNT,
  accessKeyId: 'ASIATEMPKEY000000001',
  sessionContext: {
    sessionIssuer: {
      type: 'Role',
      principalId: 'AROAEXAMPLE',
      arn: ROLE_ARN,
      accountId: TEST_ACCOUNT,
      userName: 'Admin',
    },
    attributes: { creationDate: new Date(T0).toISOString(), mfaAuthenticated: 'false' },
  },
};
const stop = makeRecord({
  time: T0 + 60_000,
  userIdentity: roleIdentity,
  eventSource: 'cloudtrail.amazonaws.com',
  eventName: 'StopLogging',
  requestParameters: { name: 'management-events' },
});
const denied = makeRecord({
  time: T0 + 120_000,
  userIdentity: roleIdentity,
  eventName: 'DescribeInstances',
  errorCode: 'AccessDenied',
  sourceIPAddress: '198.51.100.7',
});

async function routes() {
  const store = new MemoryEventStore();
  await store.append([assumeRole, stop, denied]);
  return createInvestigationRoutes(memoryRecordSource(store), { detections: true });
}

const get = async (path: string) => {
  const answer = await (await routes()).handle(new Request(`http://localhost/trailview/${path}`));
  return { status: answer?.status, body: (await answer?.json()) as unknown };
};

describe('investigation routes', () => {
  it('gives a role session its origin, chain, timeline and the values it used', async () => {
    const { status, body } = await get('sessions/ASIATEMPKEY000000001');
    expect(status).toBe(200);
    const session = body as SessionReport;
    expect(session.origin).toMatchObject({ kind: 'IAMUser', name: 'alice' });
    expect(session.resolution.chain.map((step) => step.principal.name)).toEqual(['alice', 'Admin']);
    expect(session.timeline.map((e) => e.eventName)).toEqual(['DescribeInstances', 'StopLogging']);
    expect(session).toMatchObject({ events: 2, errors: 1, outsideLogs: false });
    expect(session.sourceIPs.map((v) => v.value)).toEqual(['198.51.100.7', '203.0.113.10']);
  });

  it('lists every session of a principal, by name or ARN', async () => {
    const byName = (await get('identities/alice')).body as IdentityReport;
    expect(byName.sessions.map((s) => s.sessionId).sort()).toEqual([
      'AKIAIOSFODNN7EXAMPLE',
      'ASIATEMPKEY000000001',
    ]);
    const byRole = (await get(`identities/${encodeURIComponent(ROLE_ARN)}`)).body as IdentityReport;
    expect(byRole.sessions.map((s) => s.sessionId)).toEqual(['ASIATEMPKEY000000001']);
  });

  it('answers 404 for a session not in the store', async () => {
    expect((await get('sessions/ASIANOTHERE')).status).toBe(404);
  });

  it('evaluates the rule pack over the store, with the events it hit', async () => {
    const report = (await get('detections')).body as DetectionsReport;
    const hit = report.hits.find((h) => h.eventIds.includes(stop.eventID));
    expect(hit?.level).toBe('high');
    expect(report.events?.find((e) => e.eventId === stop.eventID)?.sessionId).toBe('ASIATEMPKEY000000001');
    expect(report.catalog?.length).toBe(report.rules);
  });
});
