import { describe, expect, it } from 'vitest';
import { generateLakeQuery, PROMPT_FAMILIES } from './lake-nl';

describe('generateLakeQuery', () => {
  it('turns the issue example into a grouped, limited, time-bounded query', () => {
    const generated = generateLakeQuery('top 10 users with AccessDenied errors last week', 'eds-1');
    expect(generated?.sql).toBe(`SELECT userIdentity.arn AS user, COUNT(*) AS eventCount
FROM eds-1
WHERE (errorCode LIKE '%AccessDenied%' OR errorCode LIKE '%UnauthorizedOperation%')
  AND eventTime > date_add('week', -1, now())
GROUP BY userIdentity.arn
ORDER BY eventCount DESC
LIMIT 10`);
  });

  it('answers every documented family and never writes INTERVAL', () => {
    for (const prompt of PROMPT_FAMILIES) {
      const generated = generateLakeQuery(prompt);
      expect(generated, prompt).toBeDefined();
      expect(generated!.sql).toMatch(/FROM \$EDS_ID\$/);
      expect(generated!.sql.toLowerCase()).not.toContain('interval');
    }
  });

  it('reads numbered time phrases and quotes user input as a string', () => {
    expect(generateLakeQuery('top 5 APIs in the last 3 days')?.sql).toContain(`date_add('day', -3, now())`);
    expect(generateLakeQuery("what did o'brien do today")?.sql).toContain(`LIKE '%o''brien%'`);
  });

  it('answers the example prompts of the Lake documentation', () => {
    expect(generateLakeQuery('What are my top errors in the past month?', 'eds-1')?.sql).toBe(
      `SELECT errorCode AS errorCode, COUNT(*) AS eventCount
FROM eds-1
WHERE errorCode IS NOT NULL
  AND eventTime > date_add('month', -1, now())
GROUP BY errorCode
ORDER BY eventCount DESC
LIMIT 10`,
    );
    expect(generateLakeQuery('Give me a list of users that used SNS', 'eds-1')?.sql).toBe(
      `SELECT DISTINCT userIdentity.arn AS user
FROM eds-1
WHERE eventSource = 'sns.amazonaws.com'`,
    );
    const logins = generateLakeQuery('Show me all console login events for the past week?', 'eds-1');
    expect(logins?.family).toBe('console sign-ins');
    expect(logins?.sql).toContain(`eventTime > date_add('week', -1, now())`);
  });

  it('refuses a prompt of no known family', () => {
    expect(generateLakeQuery('write me a poem')).toBeUndefined();
  });
});
