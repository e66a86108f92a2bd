import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../record';
import { parseSigmaRule, type SigmaRule } from './sigma-rule';
import { evaluateRules, loadRules } from './rule-set';

const record = {
  eventVersion: '1.11',
  eventTime: '2026-12-01T10:00:00Z',
  eventSource: 'ec2.amazonaws.com',
  eventName: 'AuthorizeSecurityGroupIngress',
  awsRegion: 'eu-west-1',
  sourceIPAddress: '203.0.113.250',
  userAgent: 'Boto3/1.34 Python/3.12 Linux/6.5.0-kali',
  eventID: 'ev-1',
  eventType: 'AwsApiCall',
  userIdentity: { type: 'IAMUser', userName: 'Jenkins-Legacy', accessKeyId: 'AKIA1' },
  requestParameters: {
    groupId: 'sg-1',
    ipPermissions: {
      items: [{ fromPort: 22, ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }, { cidrIp: '10.0.0.0/8' }] } }],
    },
  },
  responseElements: null,
} satisfies CloudTrailRecord;

function rule(detection: string): SigmaRule {
  const parsed = parseSigmaRule(
    `title: t\nid: r1\nlevel: high\nlogsource:\n  product: aws\n  service: cloudtrail\ndetection:\n${detection}`,
    'r.yml',
  );
  if (!('rule' in parsed)) throw new Error(JSON.stringify(parsed));
  return parsed.rule;
}

describe('Sigma rules', () => {
  it.each([
    [
      'plain value, case-insensitive',
      '  s:\n    userIdentity.userName: jenkins-legacy\n  condition: s',
      true,
    ],
    ['wildcards', '  s:\n    eventName: Authorize*Ingress\n  condition: s', true],
    ['? wildcard', '  s:\n    awsRegion: eu-west-?\n  condition: s', true],
    ['escaped wildcard is literal', '  s:\n    awsRegion: eu-west-\\*\n  condition: s', false],
    ['contains', '  s:\n    userAgent|contains: KALI\n  condition: s', true],
    ['startswith', '  s:\n    userIdentity.accessKeyId|startswith: AKIA\n  condition: s', true],
    ['endswith', '  s:\n    eventSource|endswith: .amazonaws.com\n  condition: s', true],
    ['re (case-sensitive)', '  s:\n    userAgent|re: "^boto3"\n  condition: s', false],
    ['re with i', '  s:\n    userAgent|re|i: "^boto3"\n  condition: s', true],
    [
      'list is OR',
      '  s:\n    eventName: [RunInstances, AuthorizeSecurityGroupIngress]\n  condition: s',
      true,
    ],
    ['all', '  s:\n    userAgent|contains|all: [boto3, linux]\n  condition: s', true],
    ['all, one missing', '  s:\n    userAgent|contains|all: [boto3, windows]\n  condition: s', false],
    ['cidr', '  s:\n    sourceIPAddress|cidr: 203.0.113.0/24\n  condition: s', true],
    ['cidr outside', '  s:\n    sourceIPAddress|cidr: 198.51.100.0/24\n  condition: s', false],
    ['exists true', '  s:\n    requestParameters.groupId|exists: true\n  condition: s', true],
    ['exists false', '  s:\n    errorCode|exists: false\n  condition: s', true],
    ['null = missing', '  s:\n    errorCode: null\n  condition: s', true],
    [
      'dotted path through arrays',
      '  s:\n    requestParameters.ipPermissions.items.ipRanges.items.cidrIp: 0.0.0.0/0\n  condition: s',
      true,
    ],
    ['number value', '  s:\n    requestParameters.ipPermissions.items.fromPort: 22\n  condition: s', true],
    ['list of maps is OR', '  s:\n    - eventName: X\n    - awsRegion: eu-west-1\n  condition: s', true],
    ['keywords', '  s:\n    - sg-1\n  condition: s', true],
    [
      'and / not',
      '  a:\n    eventName: AuthorizeSecurityGroupIngress\n  b:\n    awsRegion: us-east-1\n  condition: a and not b',
      true,
    ],
    [
      'or with parentheses',
      '  a:\n    eventName: X\n  b:\n    awsRegion: us-east-1\n  c:\n    eventType: AwsApiCall\n  condition: (a or b) and c',
      false,
    ],
    [
      '1 of pattern',
      '  sel_a:\n    eventName: X\n  sel_b:\n    awsRegion: eu-west-1\n  condition: 1 of sel_*',
      true,
    ],
    [
      'all of pattern',
      '  sel_a:\n    eventName: X\n  sel_b:\n    awsRegion: eu-west-1\n  condition: all of sel_*',
      false,
    ],
    [
      'all of them skips _ names',
      '  a:\n    awsRegion: eu-west-1\n  _x:\n    eventName: X\n  condition: all of them',
      true,
    ],
    [
      'condition list is OR',
      '  a:\n    eventName: X\n  b:\n    awsRegion: eu-west-1\n  condition:\n    - a\n    - b',
      true,
    ],
  ])('%s', (_name, detection, expected) => {
    expect(rule(detection).matches(record)).toBe(expected);
  });

  it.each([
    [
      'an unsupported modifier',
      'detection:\n  s:\n    eventName|base64offset: x\n  condition: s',
      10,
      'selection s: the modifier "base64offset" is not supported',
    ],
    [
      'an unknown selection',
      'detection:\n  s:\n    eventName: x\n  condition: s and t',
      11,
      'condition: "t" is not a selection of this rule',
    ],
    [
      'an aggregation',
      'detection:\n  s:\n    eventName: x\n  condition: s | count() > 5',
      11,
      'condition: aggregations after "|" are not supported',
    ],
    ['bad YAML', 'detection:\n  s: [x\n', 10, 'YAML:'],
    [
      'a bad regular expression',
      'detection:\n  s:\n    eventName|re: "("\n  condition: s',
      10,
      'selection s: "(" is not a valid regular expression',
    ],
    [
      'a bad level',
      'level: severe\ndetection:\n  s:\n    eventName: x\n  condition: s',
      8,
      'level must be one of',
    ],
  ])('reports %s with its line', (_name, body, line, reason) => {
    const text = `title: t\nlogsource:\n  product: aws\n  service: cloudtrail\n# rule\n# body\n# below\n${body}`;
    const parsed = parseSigmaRule(text, 'bad.yml');
    expect(parsed).toMatchObject({ problem: { file: 'bad.yml', line } });
    expect('problem' in parsed && parsed.problem.reason).toContain(reason);
  });

  it('skips rules for other log sources and keeps the good ones', () => {
    const set = loadRules([
      {
        file: 'win.yml',
        text: 'title: w\nlogsource:\n  product: windows\ndetection:\n  s:\n    a: b\n  condition: s',
      },
      {
        file: 'bad.yml',
        text: 'title: b\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n  condition: s',
      },
      {
        file: 'ok.yml',
        text: 'title: o\nid: ok\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n  s:\n    awsRegion: eu-west-1\n  condition: s',
      },
    ]);
    expect(set.skipped).toBe(1);
    expect(set.problems).toEqual([
      { file: 'bad.yml', line: 4, reason: expect.stringContaining('condition') },
    ]);
    expect(evaluateRules(set.rules, [record])).toEqual([
      { ruleId: 'ok', title: 'o', level: 'medium', tags: [], eventIds: ['ev-1'] },
    ]);
  });

  it('knows which eventNames a rule can hit', () => {
    expect(
      rule('  a:\n    eventName: [A, B]\n  b:\n    eventName: B\n  condition: a and b').eventNames,
    ).toEqual(new Set(['B']));
    expect(
      rule('  a:\n    eventName: A\n  b:\n    awsRegion: x\n  condition: a or b').eventNames,
    ).toBeUndefined();
    expect(rule('  a:\n    eventName: A*\n  condition: a').eventNames).toBeUndefined();
  });
});
