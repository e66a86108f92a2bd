// @vitest-environment node
// The demo stories, resolved to the people behind them (src/domain/identity-resolution.ts).
import { describe, expect, it } from 'vitest';
import { resolveAll } from '@/domain/identity-resolution';
import { generateDemoEvents } from './demo-account';
import { USERS } from './identities';

const events = generateDemoEvents({ now: new Date('2026-11-21T15:30:27.500Z'), days: 18 });
const resolved = resolveAll(events);

describe('identity resolution on the demo account', () => {
  it('resolves the leaked-key calls to jenkins-legacy and its long-term key', () => {
    const leaked = events.filter((e) => e.userIdentity.accessKeyId === USERS.jenkins.accessKeyId);
    expect(leaked.length).toBeGreaterThan(10);
    for (const e of leaked) {
      const r = resolved.get(e.eventID)!;
      expect(r.origin).toMatchObject({ kind: 'IAMUser', name: 'jenkins-legacy' });
      expect(r.sessionId).toBe(USERS.jenkins.accessKeyId);
      expect(r.outsideLogs).toBe(false);
    }
  });

  it('resolves the escalated ops-break-glass session to jordan.lee', () => {
    const escalated = events.filter(
      (e) =>
        e.userIdentity.arn?.endsWith('assumed-role/ops-break-glass/jordan.lee') &&
        e.eventName === 'GetSecretValue',
    );
    expect(escalated.length).toBeGreaterThan(0);
    for (const e of escalated) {
      const r = resolved.get(e.eventID)!;
      expect(r.origin).toMatchObject({ kind: 'IAMUser', name: 'jordan.lee' });
      expect(r.chain.map((s) => s.principal.name)).toEqual(['jordan.lee', 'ops-break-glass']);
      expect(r.chain[1]!.via).toBe('AssumeRole');
    }
  });

  it('resolves GitHub Actions deploys to the workflow identity, and SSO roles to the person', () => {
    const deploys = events.filter((e) => e.userIdentity.arn?.includes('assumed-role/github-actions-deploy/'));
    const sso = events.filter((e) =>
      e.userIdentity.sessionContext?.sessionIssuer?.arn.includes('sso.amazonaws.com'),
    );
    expect(deploys.length).toBeGreaterThan(0);
    expect(sso.length).toBeGreaterThan(0);
    const deployOrigins = new Set(deploys.map((e) => resolved.get(e.eventID)!.origin.kind));
    expect(deployOrigins.has('WebIdentityUser')).toBe(true);
    for (const e of sso) expect(resolved.get(e.eventID)!.origin.name).toMatch(/@example\.com$/);
  });
});
