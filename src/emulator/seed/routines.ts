// Scheduled and bursty work that happens on most days: deploys from CI, the nightly backup job,
// Run Command (the low daily baseline the call-rate story stands out against) and service events.
import type { UserIdentity } from '@/domain/record';
import { callerFor, roleSessions } from './actors';
import { createSnapshotPayload } from './catalog/ec2-payloads';
import { rotateKey } from './catalog/kms';
import { api } from './catalog/registry';
import { rotationEvent } from './catalog/secretsmanager';
import { sendCommandPayload } from './catalog/ssm';
import { IPS, UA } from './clients';
import { easternSecond, type DayContext } from './day';
import { ROLES, serviceEventIdentity, userIdentity, USERS, webIdentityUser } from './identities';
import { actor } from './population';
import { regionalIds, SECRETS } from './resources';
import { Script } from './script';
import { generateSignIns } from './sign-in';
import { DAY_MS } from './time';

const REPOSITORIES = ['shopfront/shop-web', 'shopfront/orders-api', 'shopfront/infrastructure'];
const OIDC_USERS: readonly UserIdentity[] = REPOSITORIES.map((r) =>
  webIdentityUser(`repo:${r}:ref:refs/heads/main`),
);
const GITHUB_ACTION_UA = 'configure-aws-credentials-for-github-actions';

export function generateRoutines(day: DayContext): void {
  generateSignIns(day);
  deploys(day);
  nightlyBackup(day);
  runCommands(day);
  serviceEvents(day);
}

/** A GitHub Actions run: the OIDC exchange, then a burst of deploy calls over a few minutes. */
function deploys(day: DayContext): void {
  const script = new Script(day, 'deploys', 0);
  const rng = script.rng;
  const deployer = actor('deploy');
  const runs = day.weekend ? (rng.chance(0.3) ? 1 : 0) : rng.between(3, 7);
  for (let run = 0; run < runs; run++) {
    script.at(easternSecond(day, rng.between(9, 17), rng.int(60)) + rng.int(60));
    const sourceIp = rng.pick(IPS.ci);
    script.call(
      { identity: rng.pick(OIDC_USERS), userAgent: GITHUB_ACTION_UA, sourceIp },
      api('sts', 'AssumeRoleWithWebIdentity'),
    );
    const calls = rng.between(15, 40);
    for (let i = 0; i < calls; i++) {
      script.wait(1, 12);
      const caller = { ...callerFor(deployer, rng, day.book, script.second), sourceIp };
      script.call(caller, deployer.apis.pick(rng), { region: deployer.regions.pick(rng) });
    }
  }
}

/** backup-agent snapshots volumes and the Aurora cluster at 01:00 US Eastern and prunes old copies. */
function nightlyBackup(day: DayContext): void {
  const script = new Script(day, 'backup', 0);
  const rng = script.rng;
  const caller = { identity: userIdentity(USERS.backup), userAgent: UA.boto3, sourceIp: IPS.nat[0]! };
  script.at(easternSecond(day, 1, rng.int(5)));
  script.call(caller, api('ec2', 'DescribeVolumes'));
  for (const volumeId of regionalIds('us-east-1').volumes.slice(0, 6)) {
    script
      .wait(1, 4)
      .call(caller, api('ec2', 'CreateSnapshot'), { build: (c) => createSnapshotPayload(c, volumeId) });
  }
  script.wait(20, 60).call(caller, api('ec2', 'DescribeSnapshots'));
  for (let i = rng.between(4, 6); i > 0; i--) script.wait(1, 3).call(caller, api('ec2', 'DeleteSnapshot'));
  script.wait(5, 20).call(caller, api('rds', 'CreateDBClusterSnapshot'));
  script.wait(2, 10).call(caller, api('rds', 'DescribeDBClusterSnapshots'));
  script.wait(2, 10).call(caller, api('rds', 'DeleteDBClusterSnapshot'));
  for (const name of ['CreateBackup', 'CreateBackup', 'ListBackups', 'DeleteBackup', 'DeleteBackup']) {
    script.wait(1, 6).call(caller, api('dynamodb', name));
  }
}

/**
 * Run Command on a quiet, steady baseline: the daily patch scan plus a few ad hoc commands on weekdays.
 * Insights needs a low but non-zero baseline to flag the call-rate story against (docs/cloudtrail-facts.md#insights-console).
 */
function runCommands(day: DayContext): void {
  const script = new Script(day, 'run-command', 0);
  const rng = script.rng;
  const sendCommand = api('ssm', 'SendCommand');
  const ops = actor('ops');
  const instances = regionalIds('us-east-1').instances;
  for (let i = rng.between(1, 2); i > 0; i--) {
    script.at(14 * 3600 + rng.int(3000));
    script.call(callerFor(ops, rng, day.book, script.second), sendCommand, {
      build: (c) => sendCommandPayload(c, 'AWS-RunPatchBaseline', instances.slice(0, 3), 'daily patch scan'),
    });
  }
  if (day.weekend) return;
  const tom = actor('tom');
  for (let i = rng.between(0, 3); i > 0; i--) {
    script.at(easternSecond(day, rng.between(10, 16), rng.int(60)));
    script.call(callerFor(tom, rng, day.book, script.second, 1), sendCommand, {
      build: (c) => sendCommandPayload(c, 'AWS-RunShellScript', [c.rng.pick(instances)], 'check disk usage'),
    });
  }
}

/** Events AWS services write on their own (eventType AwsServiceEvent): secret rotation, key rotation. */
function serviceEvents(day: DayContext): void {
  const script = new Script(day, 'service-events', 0);
  const epochDay = Math.floor(day.dayStartMs / DAY_MS);
  if (epochDay % 30 === 9) {
    const secretName = SECRETS[0]!;
    const service = {
      identity: serviceEventIdentity('secretsmanager.amazonaws.com', false),
      userAgent: 'secretsmanager.amazonaws.com',
      sourceIp: 'secretsmanager.amazonaws.com',
      viaService: true,
    };
    const sessions = roleSessions(ROLES.rotationLambda, ['shop-db-rotation'], 1);
    const identity = day.book.identity('rotation', sessions, 'shop-db-rotation', easternSecond(day, 3));
    const lambda = { identity, userAgent: UA.boto3Lambda, sourceIp: IPS.nat[1]! };
    const event = (name: string) => api('secretsmanager', name);
    script
      .at(easternSecond(day, 3, 0))
      .call(service, event('RotationStarted'), { build: (c) => rotationEvent(c, secretName) });
    for (const name of [
      'DescribeSecret',
      'GetRandomPassword',
      'PutSecretValue',
      'GetSecretValue',
      'DescribeSecret',
    ]) {
      script.wait(1, 5).call(lambda, event(name), { outcome: 'success' });
    }
    script
      .wait(2, 8)
      .call(service, event('RotationSucceeded'), { build: (c) => rotationEvent(c, secretName) });
  }
  if (epochDay % 45 === 17) {
    const kms = {
      identity: serviceEventIdentity('kms.amazonaws.com', true),
      userAgent: 'kms.amazonaws.com',
      sourceIp: 'kms.amazonaws.com',
      viaService: true,
    };
    script
      .at(easternSecond(day, 2, script.rng.int(50)))
      .call(kms, api('kms', 'RotateKey'), { build: rotateKey });
  }
}
