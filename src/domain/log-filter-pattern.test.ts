import { describe, expect, it } from 'vitest';
import { parseFilterPattern, type LogFilter } from './log-filter-pattern';

const event = JSON.stringify({
  eventName: 'ConsoleLogin',
  eventSource: 'signin.amazonaws.com',
  errorCode: 'AccessDenied',
  userIdentity: { type: 'IAMUser', userName: 'alice' },
  requestParameters: { count: 3 },
});

describe('parseFilterPattern', () => {
  it.each([
    ['', true],
    ['{ $.eventName = "ConsoleLogin" }', true],
    ['{ $.eventName = ConsoleLogin }', true],
    ['{ $.eventName = "CreateTrail" }', false],
    ['{ $.eventName != "CreateTrail" }', true],
    ['{ $.eventSource = "signin.*" }', true],
    ['{ $.userIdentity.userName = "alice" }', true],
    ['{ $.requestParameters.count = 3 }', true],
    ['{ ($.eventName = "ConsoleLogin") && ($.errorCode = "AccessDenied") }', true],
    ['{ $.eventName = "CreateTrail" || $.userIdentity.type = "IAMUser" }', true],
    ['{ $.eventName = "ConsoleLogin" && $.errorCode = "Nope" }', false],
    ['ConsoleLogin alice', true],
    ['"ConsoleLogin" bob', false],
  ])('%s → %s', (pattern, matches) => {
    const filter = parseFilterPattern(pattern);
    expect(typeof filter).toBe('function');
    expect((filter as LogFilter)(event)).toBe(matches);
  });

  it('reports a JSON pattern it cannot read', () => {
    expect(parseFilterPattern('{ $.eventName ~ "x" }')).toEqual({
      error: 'Invalid filter pattern: { $.eventName ~ "x" }',
    });
    expect(parseFilterPattern('{ $.eventName = "x"')).toHaveProperty('error');
  });
});
