// Console sign-ins (docs/cloudtrail-facts.md#records): SSO users through the access portal, IAM users with and
// without MFA, a rare root sign-in, failed passwords and sign-in attempts for user names that do not exist.
import type { JsonObject, UserIdentity } from '@/domain/record';
import { callerFor, type Actor } from './actors';
import { api } from './catalog/registry';
import type { Payload } from './catalog/types';
import { IPS, UA } from './clients';
import type { DayContext } from './day';
import { easternSecond } from './day';
import { identityCenterIdentity, rootIdentity, SSO_PEOPLE, USERS, type IamUser } from './identities';
import { actor } from './population';
import { prngFor, type Prng } from './prng';
import { ACCOUNT_ID } from './resources';
import { Script } from './script';
import { isoSeconds } from '@/domain/iso-time';

const HIDDEN_USER = 'HIDDEN_DUE_TO_SECURITY_REASONS';

function signInPayload(rng: Prng, success: boolean, mfa: 'Yes' | 'No', mfaDevice?: string): Payload {
  const additional: JsonObject = {
    LoginTo: `https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state=hashArgsFromTB_us-east-1_${rng.hex(16)}`,
    MobileVersion: 'No',
    ...(mfaDevice ? { MFAIdentifier: mfaDevice } : {}),
    MFAUsed: mfa,
  };
  return {
    requestParameters: null,
    responseElements: { ConsoleLogin: success ? 'Success' : 'Failure' },
    additionalEventData: additional,
    ...(success ? {} : { errorMessage: 'Failed authentication' }),
  };
}

const consoleLogin = api('signin', 'ConsoleLogin');

/** IAM user sign-in identity: no access key on success; an empty one and no ARN on failure (§9.1). */
function iamSignInIdentity(user: IamUser, success: boolean): UserIdentity {
  return success
    ? { type: 'IAMUser', principalId: user.userId, arn: user.arn, accountId: ACCOUNT_ID, userName: user.name }
    : {
        type: 'IAMUser',
        principalId: user.userId,
        accountId: ACCOUNT_ID,
        accessKeyId: '',
        userName: user.name,
      };
}

interface ConsolePerson {
  actorId: string;
  browser: string;
  user?: IamUser;
  mfa: boolean;
}

const CONSOLE_PEOPLE: readonly ConsolePerson[] = [
  { actorId: 'priya', browser: UA.chromeMac, mfa: false },
  { actorId: 'tom', browser: UA.firefoxLinux, mfa: false },
  { actorId: 'alex', browser: UA.edgeWindows, mfa: false },
  { actorId: 'maria', browser: UA.chromeMac, user: USERS.maria, mfa: true },
  { actorId: 'jordan', browser: UA.firefoxLinux, user: USERS.jordan, mfa: false },
];

/** The Identity Center bearer token of one person on one day (docs/cloudtrail-facts.md#records credentialId). */
function portalIdentity(day: DayContext, index: number): UserIdentity {
  const person = SSO_PEOPLE[index]!;
  const credentialId = prngFor(day.seed, day.date, person.email, 'credential').alnum(56);
  return identityCenterIdentity(person.userId, credentialId);
}

function personSignIn(day: DayContext, script: Script, person: ConsolePerson, who: Actor): void {
  const rng = script.rng;
  // The console session of the day (mode 0), so the sign-in and the calls after it share a source IP.
  const session = callerFor(who, rng, day.book, script.second, 0);
  const browser = { userAgent: person.browser, sourceIp: session.sourceIp };
  const ssoIndex = SSO_PEOPLE.findIndex((p) => p.email.startsWith(person.actorId));
  if (person.user) {
    const mfaDevice = person.mfa ? `arn:aws:iam::${ACCOUNT_ID}:mfa/${person.user.name}-phone` : undefined;
    if (rng.chance(0.08)) {
      script.call({ ...browser, identity: iamSignInIdentity(person.user, false) }, consoleLogin, {
        build: () => signInPayload(rng, false, 'No'),
      });
      script.wait(20, 90);
    }
    if (mfaDevice) {
      script.call({ ...browser, identity: iamSignInIdentity(person.user, true) }, api('signin', 'CheckMfa'), {
        build: () => ({
          requestParameters: null,
          responseElements: { CheckMfa: 'Success' },
          additionalEventData: { MfaType: 'Virtual MFA' },
        }),
      });
      script.wait(8, 25);
    }
    script.call({ ...browser, identity: iamSignInIdentity(person.user, true) }, consoleLogin, {
      build: () => signInPayload(rng, true, person.mfa ? 'Yes' : 'No', mfaDevice),
    });
    return;
  }
  const portal = { ...browser, identity: portalIdentity(day, ssoIndex) };
  script.call(portal, api('sso', 'ListAccounts')).wait(1, 4);
  script.call(portal, api('sso', 'ListAccountRoles')).wait(3, 20);
  script.call({ ...browser, identity: session.identity }, consoleLogin, {
    build: () => signInPayload(rng, true, 'No'),
  });
}

export function generateSignIns(day: DayContext): void {
  const script = new Script(day, 'sign-in', 0);
  const rng = script.rng;
  for (const person of CONSOLE_PEOPLE) {
    const logins = day.weekend ? (rng.chance(0.15) ? 1 : 0) : rng.between(1, 2);
    for (let i = 0; i < logins; i++) {
      script.at(
        easternSecond(day, i === 0 ? rng.between(8, 9) : rng.between(13, 15), rng.int(60)) + rng.int(60),
      );
      personSignIn(day, script, person, actor(person.actorId));
    }
  }
  // CLI users refresh their SSO credentials in the morning (GetRoleCredentials from the portal).
  if (!day.weekend) {
    for (const index of [0, 1]) {
      const caller = {
        identity: portalIdentity(day, index),
        userAgent: index === 0 ? UA.cliMac : UA.cliLinux,
        sourceIp: IPS.office[index]!,
      };
      script.at(easternSecond(day, 9, rng.int(50))).call(caller, api('sso', 'GetRoleCredentials'));
    }
  }
  rootVisit(day, script);
  sprayAttempts(script);
}

/** Root signs in a few times a quarter, with MFA, for account-level chores (docs/cloudtrail-facts.md#records Root). */
function rootVisit(day: DayContext, script: Script): void {
  const rng = script.rng;
  if (day.weekend || !rng.chance(0.07)) return;
  const sourceIp = IPS.office[0]!;
  script.at(easternSecond(day, rng.between(10, 15), rng.int(60)));
  const signIn = { identity: rootIdentity(), userAgent: UA.chromeMac, sourceIp };
  script.call(signIn, api('signin', 'CheckMfa'), {
    build: () => ({
      requestParameters: null,
      responseElements: { CheckMfa: 'Success' },
      additionalEventData: { MfaType: 'Virtual MFA' },
    }),
  });
  script.wait(10, 30).call(signIn, consoleLogin, {
    build: () => signInPayload(rng, true, 'Yes', `arn:aws:iam::${ACCOUNT_ID}:mfa/root-account-mfa-device`),
  });
  const session = {
    name: 'root',
    accessKeyId: `ASIA${rng.base32(16)}`,
    creationDate: isoSeconds(day.dayStartMs + script.second * 1000),
  };
  const root = { identity: rootIdentity(session), userAgent: UA.console, sourceIp, console: true };
  const chores: Array<[Parameters<typeof api>[0], string]> = [
    ['iam', 'GetAccountSummary'],
    ['iam', 'ListAccountAliases'],
    ['iam', 'GetAccountPasswordPolicy'],
    ['organizations', 'DescribeOrganization'],
    ['s3', 'ListBuckets'],
    ['iam', 'ListMFADevices'],
  ];
  for (const [service, name] of chores.slice(0, rng.between(3, chores.length))) {
    script.wait(5, 60).call(root, api(service, name));
  }
}

/** Sign-in attempts with user names that do not exist: CloudTrail hides the name (docs/cloudtrail-facts.md#records). */
function sprayAttempts(script: Script): void {
  const rng = script.rng;
  const attempts = rng.chance(0.35) ? rng.between(1, 4) : 0;
  const sourceIp = rng.pick(IPS.spray);
  script.at(rng.int(86_000));
  for (let i = 0; i < attempts; i++) {
    const identity: UserIdentity = {
      type: 'IAMUser',
      accountId: ACCOUNT_ID,
      accessKeyId: '',
      userName: HIDDEN_USER,
    };
    script.wait(3, 40).call({ identity, userAgent: UA.chromeMac, sourceIp }, consoleLogin, {
      build: () => ({
        ...signInPayload(rng, false, 'No'),
        errorMessage: 'No username found in supplied account',
      }),
    });
  }
}
