import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../record';
import { RULE_CASES } from './rule-pack-cases';
import { RULE_PACK_SOURCES, rulePack } from './rule-pack';

function record(part: Partial<CloudTrailRecord>): CloudTrailRecord {
  return {
    eventVersion: '1.11',
    eventTime: '2026-12-01T10:00:00Z',
    awsRegion: 'us-east-1',
    sourceIPAddress: '198.51.100.20',
    userAgent: 'aws-cli/2.15.0 Python/3.11.6 Linux/6.5.0 exe/x86_64.ubuntu.22',
    requestParameters: null,
    responseElements: null,
    eventID: 'e-1',
    eventType: part.eventSource === 'signin.amazonaws.com' ? 'AwsConsoleSignIn' : 'AwsApiCall',
    eventSource: 'ec2.amazonaws.com',
    eventName: 'DescribeInstances',
    ...part,
    userIdentity: { type: 'IAMUser', userName: 'alice', accessKeyId: 'ASIAEXAMPLE', ...part.userIdentity },
  };
}

const pack = rulePack();
const byFile = new Map(pack.rules.map((r) => [r.file.replace('trailview/', ''), r]));

describe('the rule pack', () => {
  it('parses every rule, with a level, ATT&CK tags and a one-line explanation', () => {
    expect(pack.problems).toEqual([]);
    expect(pack.rules).toHaveLength(RULE_PACK_SOURCES.length);
    for (const rule of pack.rules) {
      expect(
        rule.tags.some((t) => /^attack\.t\d{4}/.test(t)),
        rule.file,
      ).toBe(true);
      expect(rule.description, rule.file).toMatch(/^[^\n]+\.$/);
    }
  });

  it('has a case for every rule', () => {
    expect(RULE_CASES.map((c) => c.file).sort()).toEqual([...byFile.keys()].sort());
  });

  it.each(RULE_CASES)(
    '$file: hits its positive record and not its negative one',
    ({ file, positive, negative }) => {
      const rule = byFile.get(file)!;
      expect(rule.matches(record(positive))).toBe(true);
      expect(rule.matches(record(negative))).toBe(false);
    },
  );
});
