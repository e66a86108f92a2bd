// Operational stories: a CloudTrail logging gap, and the call-rate and error-rate spikes that an
// Insights engine finds against a quiet seven-day baseline (docs/cloudtrail-facts.md#insights-console).
import { callerFor, roleSessions } from './actors';
import { loggingPayload } from './catalog/cloudtrail';
import { api } from './catalog/registry';
import { bucketPayload } from './catalog/s3';
import { assumeRolePayload } from './catalog/sts';
import { sendCommandPayload } from './catalog/ssm';
import { IPS, UA } from './clients';
import type { DayContext } from './day';
import { awsAccountIdentity, ROLES } from './identities';
import { actor } from './population';
import type { Caller } from './record-factory';
import { BUCKETS, regionalIds, TRAIL_NAMES } from './resources';
import { parseClock, Script } from './script';
import type { DemoStory } from './stories';

export function loggingGap(day: DayContext, story: DemoStory): void {
  const script = new Script(day, story.id, parseClock(story.startUtc) - 70);
  const rng = script.rng;
  const ok = { outcome: 'success' } as const;
  const tom = callerFor(actor('tom'), rng, day.book, script.second, 0);
  script.call(tom, api('cloudtrail', 'DescribeTrails'), ok).wait(10, 25);
  script.call(tom, api('cloudtrail', 'GetTrailStatus'), {
    build: () => loggingPayload(TRAIL_NAMES.management),
    ...ok,
  });
  script.at(parseClock(story.startUtc)).call(tom, api('cloudtrail', 'StopLogging'), {
    build: () => loggingPayload(TRAIL_NAMES.management),
    ...ok,
  });
  script.wait(5, 15).call(tom, api('cloudtrail', 'GetTrailStatus'), {
    build: () => loggingPayload(TRAIL_NAMES.management),
    ...ok,
  });

  const restart = parseClock(story.endUtc);
  const priya = callerFor(actor('priya'), rng, day.book, restart, 0);
  script.at(restart - rng.between(40, 90)).call(priya, api('cloudtrail', 'GetTrailStatus'), {
    build: () => loggingPayload(TRAIL_NAMES.management),
    ...ok,
  });
  script.at(restart).call(priya, api('cloudtrail', 'StartLogging'), {
    build: () => loggingPayload(TRAIL_NAMES.management),
    ...ok,
  });
  script.wait(5, 20).call(priya, api('cloudtrail', 'GetTrailStatus'), {
    build: () => loggingPayload(TRAIL_NAMES.management),
    ...ok,
  });
}

/** OpsAutomationRole loops over SendCommand: a write API far above its baseline of a few calls a day. */
export function callRateSpike(day: DayContext, story: DemoStory): void {
  const start = parseClock(story.startUtc);
  const end = parseClock(story.endUtc);
  const script = new Script(day, story.id, start);
  const rng = script.rng;
  const ops = actor('ops');
  const sendCommand = api('ssm', 'SendCommand');
  const listInvocations = api('ssm', 'ListCommandInvocations');
  const instances = regionalIds('us-east-1').instances;
  for (let minute = start; minute < end; minute += 60) {
    const calls = rng.between(12, 16);
    for (let i = 0; i < calls; i++) {
      script.at(minute + rng.int(60));
      const caller = callerFor(ops, rng, day.book, script.second);
      script.call(caller, sendCommand, {
        build: (c) => sendCommandPayload(c, 'AWS-RunPatchBaseline', [c.rng.pick(instances)], 'patch-install'),
        outcome: rng.chance(0.03) ? sendCommand.errors[1]! : 'success',
      });
    }
    for (let i = rng.between(1, 4); i > 0; i--) {
      script.at(minute + rng.int(60)).call(callerFor(ops, rng, day.book, script.second), listInvocations);
    }
  }
}

/** A third-party scanner's role lost s3:GetBucketPolicy: every bucket answers AccessDenied. */
export function errorRateSpike(day: DayContext, story: DemoStory): void {
  const start = parseClock(story.startUtc);
  const end = parseClock(story.endUtc);
  const script = new Script(day, story.id, start - 20);
  const rng = script.rng;
  const vendor = {
    identity: awsAccountIdentity('464622532012', 'AROAWXYZ5TQ2CSPMSCAN:cspm-scanner'),
    userAgent: UA.boto3,
    sourceIp: IPS.office[1]!,
  };
  const sessionName = `cspm-${rng.hex(12)}`;
  script.call(vendor, api('sts', 'AssumeRole'), {
    build: (c) =>
      assumeRolePayload(c, ROLES.scanner, sessionName, {
        externalId: 'HIDDEN_DUE_TO_SECURITY_REASONS',
        durationSeconds: 3600,
      }),
    outcome: 'success',
  });
  const spec = roleSessions(ROLES.scanner, [sessionName], 1);
  const identity = day.book.identity('scanner', spec, sessionName, start);
  const scanner: Caller = { identity, userAgent: `${UA.boto3} cspm-scanner/4.2.1`, sourceIp: '192.0.2.150' };
  const getPolicy = api('s3', 'GetBucketPolicy');
  const reads = [
    [api('s3', 'GetBucketAcl'), 'acl'],
    [api('s3', 'GetBucketVersioning'), 'versioning'],
    [api('s3', 'GetBucketEncryption'), 'encryption'],
  ] as const;
  script.at(start).call(scanner, api('s3', 'ListBuckets'), { outcome: 'success' });
  for (let minute = start; minute < end; minute += 60) {
    for (let i = rng.between(8, 12); i > 0; i--) {
      const bucket = rng.pick(BUCKETS);
      script.at(minute + rng.int(60)).call(scanner, getPolicy, {
        build: (c) => bucketPayload(c.rng, bucket, 'policy'),
        outcome: getPolicy.service.denied,
      });
    }
    for (let i = rng.between(2, 4); i > 0; i--) {
      const bucket = rng.pick(BUCKETS);
      const [read, subresource] = rng.pick(reads);
      script.at(minute + rng.int(60)).call(scanner, read, {
        build: (c) => bucketPayload(c.rng, bucket, subresource),
        outcome: 'success',
      });
    }
  }
}
