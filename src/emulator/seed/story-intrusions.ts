// Two intrusion stories: a leaked access key, and privilege escalation through a policy version.
import { callerFor } from './actors';
import { runInstancesPayload } from './catalog/ec2-payloads';
import { createAccessKeyPayload, createUserPayload } from './catalog/iam';
import { api } from './catalog/registry';
import { bucketPayload } from './catalog/s3';
import { assumeRolePayload } from './catalog/sts';
import { IPS, UA } from './clients';
import type { DayContext } from './day';
import { assumedRoleIdentity, ROLES, userIdentity, USERS } from './identities';
import { actor } from './population';
import type { Caller } from './record-factory';
import { ACCOUNT_ID, ALL_REGIONS, BUCKETS, policyArn, SECRETS } from './resources';
import { parseClock, Script } from './script';
import type { DemoStory } from './stories';
import { isoSeconds } from '@/domain/iso-time';
import { javaDate } from './time';

const ADMIN_POLICY = 'arn:aws:iam::aws:policy/AdministratorAccess';
const iam = (name: string) => api('iam', name);

export function leakedAccessKey(day: DayContext, story: DemoStory): void {
  const script = new Script(day, story.id, parseClock(story.startUtc));
  const rng = script.rng;
  const leaked: Caller = {
    identity: userIdentity(USERS.jenkins),
    userAgent: UA.kali,
    sourceIp: IPS.attacker[0]!,
  };
  const user = USERS.jenkins.name;

  script.call(leaked, api('sts', 'GetCallerIdentity')).wait(4, 15);
  script.call(leaked, iam('GetUser'), { build: () => ({ requestParameters: null }) }).wait(2, 8);
  script
    .call(leaked, iam('ListAttachedUserPolicies'), {
      build: () => ({ requestParameters: { userName: user } }),
    })
    .wait(2, 8);
  script
    .call(leaked, iam('ListUserPolicies'), { build: () => ({ requestParameters: { userName: user } }) })
    .wait(3, 10);
  script
    .call(leaked, iam('GetAccountAuthorizationDetails'), {
      outcome: iam('GetAccountAuthorizationDetails').service.denied,
    })
    .wait(5, 20);
  script.call(leaked, iam('ListUsers'), { outcome: 'success' }).wait(2, 6);
  script.call(leaked, iam('ListRoles'), { outcome: 'success' }).wait(10, 30);

  script.call(leaked, api('s3', 'ListBuckets'), { outcome: 'success' }).wait(3, 9);
  for (const bucket of BUCKETS) {
    script
      .call(leaked, api('s3', 'GetBucketAcl'), {
        build: (c) => bucketPayload(c.rng, bucket, 'acl'),
        outcome: 'success',
      })
      .wait(1, 3);
    const policy = api('s3', 'GetBucketPolicy');
    const outcome = bucket.name.includes('finance')
      ? policy.service.denied
      : rng.chance(0.5)
        ? policy.errors[0]!
        : 'success';
    script.call(leaked, policy, { build: (c) => bucketPayload(c.rng, bucket, 'policy'), outcome }).wait(1, 4);
  }

  script.wait(30, 90).call(leaked, api('ec2', 'DescribeRegions'), { outcome: 'success' });
  for (const region of ALL_REGIONS) {
    script.wait(4, 15).call(leaked, api('ec2', 'DescribeInstances'), {
      region,
      outcome: 'success',
      build: () => ({ requestParameters: { instancesSet: {}, filterSet: {} } }),
    });
  }
  script.wait(20, 60).call(leaked, api('secretsmanager', 'ListSecrets'), { outcome: 'success' });
  script.wait(3, 9).call(leaked, api('secretsmanager', 'GetSecretValue'), {
    build: () => ({ requestParameters: { secretId: SECRETS[0]!.replace(/-\w{6}$/, '') } }),
    outcome: api('secretsmanager', 'GetSecretValue').service.denied,
  });
  script.wait(5, 15).call(leaked, api('lambda', 'ListFunctions20150331'), { outcome: 'success' });
  script.wait(30, 80).call(leaked, api('ec2', 'RunInstances'), {
    region: 'ap-southeast-1',
    build: (c) => runInstancesPayload(c, 'c6i.4xlarge', 4),
    outcome: api('ec2', 'RunInstances').service.denied,
  });

  // Persistence: a plausible-looking user with full rights and its own key.
  const backdoor = USERS.backdoor;
  script.wait(600, 900).call(leaked, iam('CreateUser'), {
    build: (c) => createUserPayload(backdoor.name, backdoor.userId, c.timeMs),
    outcome: 'success',
  });
  script.wait(5, 15).call(leaked, iam('AttachUserPolicy'), {
    build: () => ({ requestParameters: { userName: backdoor.name, policyArn: ADMIN_POLICY } }),
    outcome: 'success',
  });
  script.wait(5, 15).call(leaked, iam('CreateAccessKey'), {
    build: (c) => createAccessKeyPayload(backdoor.name, backdoor.accessKeyId, c.timeMs),
    outcome: 'success',
  });
  script.wait(5, 15).call(leaked, iam('CreateLoginProfile'), {
    build: () => ({ requestParameters: { userName: backdoor.name, passwordResetRequired: false } }),
    outcome: 'success',
  });

  // The new key mines: large instances in Regions the company never uses.
  const attacker: Caller = {
    identity: userIdentity(backdoor),
    userAgent: UA.pacu,
    sourceIp: IPS.attacker[0]!,
  };
  script.wait(600, 900).call(attacker, api('sts', 'GetCallerIdentity'));
  const vcpuLimit = {
    code: 'Client.VcpuLimitExceeded',
    weight: 1,
    message: () =>
      'You have requested more vCPU capacity than your current vCPU limit of 32 allows for the instance bucket that the specified instance type belongs to. Please visit http://aws.amazon.com/contact-us/ec2-request to request an adjustment to this limit.',
  };
  script.wait(20, 40).call(attacker, api('ec2', 'RunInstances'), {
    region: 'ap-southeast-1',
    build: (c) => runInstancesPayload(c, 'c6i.4xlarge', 20),
    outcome: vcpuLimit,
  });
  for (const region of ['ap-southeast-1', 'eu-north-1', 'sa-east-1']) {
    script.wait(15, 40).call(attacker, api('ec2', 'RunInstances'), {
      region,
      build: (c) => runInstancesPayload(c, 'c6i.2xlarge', 4),
      outcome: 'success',
    });
    script.wait(5, 20).call(attacker, api('ec2', 'DescribeInstances'), { region, outcome: 'success' });
  }

  // Then the miner script hammers the home Region for a quarter of an hour, one instance per call,
  // until the vCPU limit stops most of them: the call-rate spike an Insights engine should raise.
  const burstStart = script.wait(30, 60).second - (script.second % 60);
  for (let minute = burstStart; minute < burstStart + 15 * 60; minute += 60) {
    for (let i = rng.between(9, 13); i > 0; i--) {
      script.at(minute + rng.int(60)).call(attacker, api('ec2', 'RunInstances'), {
        build: (c) => runInstancesPayload(c, 'c6i.xlarge', 1),
        outcome: minute - burstStart < 180 ? 'success' : vcpuLimit,
      });
    }
  }
}

export function privilegeEscalation(day: DayContext, story: DemoStory): void {
  const script = new Script(day, story.id, parseClock(story.startUtc));
  const rng = script.rng;
  const jordan = { ...callerFor(actor('jordan'), rng, day.book, script.second, 0), userAgent: UA.cliLinux };
  const own = policyArn('developer-self-service');
  const ok = { outcome: 'success' } as const;

  script.call(jordan, api('sts', 'GetCallerIdentity'), ok).wait(10, 30);
  script
    .call(jordan, iam('ListAttachedUserPolicies'), {
      build: () => ({ requestParameters: { userName: USERS.jordan.name } }),
      ...ok,
    })
    .wait(5, 20);
  script
    .call(jordan, iam('GetPolicy'), { build: () => ({ requestParameters: { policyArn: own } }), ...ok })
    .wait(5, 20);
  script
    .call(jordan, iam('GetPolicyVersion'), {
      build: () => ({ requestParameters: { policyArn: own, versionId: 'v3' } }),
      ...ok,
    })
    .wait(20, 60);
  script
    .call(jordan, iam('AttachUserPolicy'), {
      build: () => ({ requestParameters: { userName: USERS.jordan.name, policyArn: ADMIN_POLICY } }),
      outcome: iam('AttachUserPolicy').service.denied,
    })
    .wait(40, 120);
  script
    .call(jordan, iam('ListPolicyVersions'), {
      build: () => ({ requestParameters: { policyArn: own } }),
      ...ok,
    })
    .wait(30, 90);
  script
    .call(jordan, iam('CreatePolicyVersion'), {
      build: (c) => ({
        requestParameters: {
          policyArn: own,
          policyDocument:
            '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
          setAsDefault: true,
        },
        responseElements: {
          policyVersion: { versionId: 'v4', isDefaultVersion: true, createDate: javaDate(c.timeMs) },
        },
      }),
      ...ok,
    })
    .wait(20, 50);
  const breakGlass = ROLES.breakGlass;
  script
    .call(jordan, iam('AttachRolePolicy'), {
      build: () => ({ requestParameters: { roleName: breakGlass.name, policyArn: ADMIN_POLICY } }),
      ...ok,
    })
    .wait(10, 30);
  script
    .call(jordan, iam('UpdateAssumeRolePolicy'), {
      build: () => ({
        requestParameters: {
          roleName: breakGlass.name,
          policyDocument: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"${USERS.jordan.arn}"},"Action":"sts:AssumeRole"}]}`,
        },
      }),
      ...ok,
    })
    .wait(15, 40);
  script
    .call(jordan, api('sts', 'AssumeRole'), {
      build: (c) => assumeRolePayload(c, breakGlass, USERS.jordan.name, { durationSeconds: 3600 }),
      ...ok,
    })
    .wait(5, 20);

  const session = {
    name: USERS.jordan.name,
    accessKeyId: `ASIA${rng.base32(16)}`,
    creationDate: isoSeconds(day.dayStartMs + script.second * 1000),
  };
  const escalated = { ...jordan, identity: assumedRoleIdentity(breakGlass, session) };
  script.call(escalated, iam('ListUsers'), ok).wait(5, 20);
  script.call(escalated, api('secretsmanager', 'ListSecrets'), ok).wait(5, 20);
  script
    .call(escalated, api('secretsmanager', 'GetSecretValue'), {
      build: () => ({
        requestParameters: {
          secretId: `arn:aws:secretsmanager:us-east-1:${ACCOUNT_ID}:secret:${SECRETS[0]!}`,
        },
      }),
      ...ok,
    })
    .wait(30, 90);
  const newKey = `AKIA2XK7M3QZ${rng.base32(8)}`;
  script.call(escalated, iam('CreateAccessKey'), {
    build: (c) => createAccessKeyPayload(USERS.maria.name, newKey, c.timeMs),
    ...ok,
  });

  // An administrator notices (a GuardDuty finding) and rolls everything back.
  script.at(parseClock('20:14:05'));
  const priya = callerFor(actor('priya'), rng, day.book, script.second, 0);
  script
    .call(priya, iam('ListPolicyVersions'), {
      build: () => ({ requestParameters: { policyArn: own } }),
      ...ok,
    })
    .wait(40, 90);
  script
    .call(priya, iam('SetDefaultPolicyVersion'), {
      build: () => ({ requestParameters: { policyArn: own, versionId: 'v3' } }),
      ...ok,
    })
    .wait(20, 60);
  script
    .call(priya, iam('DeletePolicyVersion'), {
      build: () => ({ requestParameters: { policyArn: own, versionId: 'v4' } }),
      ...ok,
    })
    .wait(30, 80);
  script
    .call(priya, iam('DetachRolePolicy'), {
      build: () => ({ requestParameters: { roleName: breakGlass.name, policyArn: ADMIN_POLICY } }),
      ...ok,
    })
    .wait(30, 90);
  script
    .call(priya, iam('UpdateAccessKey'), {
      build: () => ({
        requestParameters: { userName: USERS.maria.name, accessKeyId: newKey, status: 'Inactive' },
      }),
      ...ok,
    })
    .wait(20, 60);
  script.call(priya, iam('DeleteAccessKey'), {
    build: () => ({ requestParameters: { userName: USERS.maria.name, accessKeyId: newKey } }),
    ...ok,
  });
}
