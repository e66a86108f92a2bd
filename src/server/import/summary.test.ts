// @vitest-environment node
// The import report the CLI prints: counts, then where each example rejection came from.
import { describe, expect, it } from 'vitest';
import { emptySummary } from '@/domain/import-summary';
import { formatSummary } from './summary';

describe('formatSummary', () => {
  it('names the file of every example rejection, with its line when the file is JSON lines', () => {
    const summary = {
      ...emptySummary(),
      filesRead: 2,
      eventsRead: 3,
      rejected: { 'no eventID': 1, 'invalid JSON': 1 },
      rejectionExamples: [
        { file: 'logs/a.json', reason: 'no eventID' },
        { file: 'logs/b.jsonl', reason: 'invalid JSON', line: 7 },
      ],
      filesSkipped: [{ file: 'logs/loop', reason: 'a link to a folder (not followed)' }],
    };
    const lines = formatSummary(summary, 0).split('\n');
    expect(lines).toContain('Rejected a record of logs/a.json: no eventID');
    expect(lines).toContain('Rejected line 7 of logs/b.jsonl: invalid JSON');
    expect(lines).toContain('Skipped logs/loop: a link to a folder (not followed)');
  });
});
