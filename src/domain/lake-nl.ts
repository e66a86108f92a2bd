// The Lake query generator without a language model: an English prompt of a known family becomes Lake SQL
// through templates. Families (each with an optional time phrase such as "last week", "today",
// "in the last 3 days"): top N users/APIs/services/IP addresses/Regions [with <error> errors]; errors by
// user; console sign-ins [without MFA]; what <user> did; who called <API>. Anything else is refused with
// the list of families, rather than guessed.
import { EDS_PLACEHOLDER } from './lake-samples';

export interface GeneratedQuery {
  sql: string;
  /** The family the prompt matched, in words. */
  family: string;
}

export const PROMPT_FAMILIES: readonly string[] = [
  'top 10 users with AccessDenied errors last week',
  'top 5 APIs in the last 3 days',
  'top services today',
  'top IP addresses yesterday',
  'errors by user last 24 hours',
  'console sign-ins without MFA last month',
  'what did alice do last week',
  'who called DeleteBucket',
  // The example prompts of lake-query-generator.html.
  'What are my top errors in the past month?',
  'Give me a list of users that used SNS',
  'Show me all console login events for the past week?',
];

const TOP_DIMENSIONS: ReadonlyArray<[RegExp, string, string]> = [
  [/\b(users?|principals?|identities|callers?)\b/, 'userIdentity.arn', 'user'],
  [/\b(apis?|api calls|event names?|operations|actions)\b/, 'eventName', 'eventName'],
  [/\b(services?|event sources?)\b/, 'eventSource', 'eventSource'],
  [/\b(ip addresses|ips?|source ips?|addresses)\b/, 'sourceIPAddress', 'sourceIPAddress'],
  [/\b(regions?)\b/, 'awsRegion', 'awsRegion'],
  [/\b(errors?|error codes?)\b/, 'errorCode', 'errorCode'],
];

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The eventTime condition of a time phrase, without INTERVAL (Lake does not support it). */
function timeCondition(prompt: string): string | undefined {
  const since = (unit: string, amount: number) => `eventTime > date_add('${unit}', -${amount}, now())`;
  let match: RegExpExecArray | null;
  if ((match = /\b(?:last|past|previous)\s+(\d{1,4})\s+(minute|hour|day|week|month)s?\b/.exec(prompt))) {
    return since(match[2]!, Number(match[1]));
  }
  if (/\btoday\b/.test(prompt)) return `eventTime >= date_trunc('day', now())`;
  if (/\byesterday\b/.test(prompt)) {
    return `eventTime >= date_add('day', -1, date_trunc('day', now())) AND eventTime < date_trunc('day', now())`;
  }
  if ((match = /\b(?:last|past|this)\s+(hour|day|week|month|year)\b/.exec(prompt)))
    return since(match[1]!, 1);
  return undefined;
}

function errorCondition(prompt: string): string | undefined {
  const named = /\bwith\s+([A-Za-z.]+)\s+errors?\b/i.exec(prompt);
  if (named) {
    const code = named[1]!;
    if (/^access\s*denied$/i.test(code) || /^accessdenied$/i.test(code)) {
      return `(errorCode LIKE '%AccessDenied%' OR errorCode LIKE '%UnauthorizedOperation%')`;
    }
    return `errorCode = ${quote(code)}`;
  }
  if (/\b(errors?|failures?|failed)\b/i.test(prompt)) return 'errorCode IS NOT NULL';
  return undefined;
}

function where(conditions: ReadonlyArray<string | undefined>): string {
  const present = conditions.filter((c): c is string => !!c);
  return present.length > 0 ? `\nWHERE ${present.join('\n  AND ')}` : '';
}

/** SQL for a prompt of a known family, or undefined. The FROM names `$EDS_ID$`. */
export function generateLakeQuery(
  prompt: string,
  storeId: string = EDS_PLACEHOLDER,
): GeneratedQuery | undefined {
  const text = prompt.trim();
  const lower = text.toLowerCase();
  const time = timeCondition(lower);
  const from = `FROM ${storeId}`;
  let match: RegExpExecArray | null;

  if (/\b(console )?sign-?ins?\b|\bconsole ?logins?\b/.test(lower)) {
    const mfa = /\bwithout mfa\b|\bno mfa\b/.test(lower)
      ? `element_at(additionalEventData, 'MFAUsed') = 'No'`
      : undefined;
    return {
      family: 'console sign-ins',
      sql: `SELECT eventTime, userIdentity.arn AS user, sourceIPAddress, element_at(additionalEventData, 'MFAUsed') AS mfaUsed, errorMessage
${from}${where([`eventName = 'ConsoleLogin'`, mfa, time])}
ORDER BY eventTime DESC`,
    };
  }

  if ((match = /\btop\s*(\d{1,4})?\s+(.+)/.exec(lower))) {
    const limit = match[1] ? Math.min(Number(match[1]), 1000) : 10;
    const dimension = TOP_DIMENSIONS.find(([pattern]) => pattern.test(match![2]!));
    if (dimension) {
      const [, column, alias] = dimension;
      return {
        family: `top ${alias}`,
        sql: `SELECT ${column} AS ${alias}, COUNT(*) AS eventCount
${from}${where([errorCondition(text), time])}
GROUP BY ${column}
ORDER BY eventCount DESC
LIMIT ${limit}`,
      };
    }
  }

  if (/\berrors?\b.*\bby\s+(user|principal)\b/.test(lower)) {
    return {
      family: 'errors by user',
      sql: `SELECT userIdentity.arn AS user, errorCode, COUNT(*) AS errorCount
${from}${where(['errorCode IS NOT NULL', time])}
GROUP BY userIdentity.arn, errorCode
ORDER BY errorCount DESC`,
    };
  }

  if ((match = /\busers?\b.*\b(?:used|using|called|of)\s+([a-z0-9-]+)\b/.exec(lower))) {
    return {
      family: 'users of a service',
      sql: `SELECT DISTINCT userIdentity.arn AS user
${from}${where([`eventSource = ${quote(`${match[1]}.amazonaws.com`)}`, time])}`,
    };
  }

  if ((match = /^what did\s+([A-Za-z0-9+=,.@_'-]+)\s+do\b/i.exec(text))) {
    return {
      family: 'what a user did',
      sql: `SELECT eventTime, eventSource, eventName, awsRegion, errorCode
${from}${where([`userIdentity.arn LIKE ${quote(`%${match[1]}%`)}`, time])}
ORDER BY eventTime DESC`,
    };
  }

  if ((match = /^who\s+(?:called|ran|made|did)\s+([A-Za-z0-9]+)\b/i.exec(text))) {
    return {
      family: 'who called an API',
      sql: `SELECT userIdentity.arn AS user, COUNT(*) AS calls, max(eventTime) AS lastCall
${from}${where([`eventName = ${quote(match[1]!)}`, time])}
GROUP BY userIdentity.arn
ORDER BY calls DESC`,
    };
  }
  return undefined;
}
