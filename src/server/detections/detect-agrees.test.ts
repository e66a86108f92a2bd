// @vitest-environment node
// `npm run detect` and the Detections page agree on the demo account: the CLI's JSON over a data dir, the
// local server's `GET /trailview/detections` over the same store, and the demo's in-browser evaluation over the
// same generated account list the same rules with the same events. One engine, one rule set, one store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DetectionsReport } from '@/domain/detections/report';
import type { RuleHits } from '@/domain/detections/rule-set';
import { createDemoEmulator } from '@/emulator/demo';
import { createInvestigationRoutes } from '@/emulator/investigations/investigation-routes';
import { memoryRecordSource } from '@/emulator/investigations/memory-record-source';
import { createDemoAccount } from '@/emulator/seed/demo-account';
import { prepareDataDir } from '../data-dir';
import { openDatabase } from '../store/database';
import { DuckDbEventStore } from '../store/duckdb-event-store';
import { main as detectCli } from './detect-cli';
import { storeInvestigationRoutes } from './store-records';

const NOW = new Date('2026-11-21T15:30:27.500Z');
const dir = mkdtempSync(join(tmpdir(), 'trailview-detect-agrees-'));

/** Rule id → its hits' event IDs, sorted: the comparison ignores order only. */
const byRule = (hits: readonly RuleHits[]) =>
  Object.fromEntries(hits.map((h) => [h.ruleId, [...h.eventIds].sort()]));

async function withStore<T>(
  work: (db: Awaited<ReturnType<typeof openDatabase>>, store: DuckDbEventStore) => Promise<T>,
) {
  const db = await openDatabase(prepareDataDir(dir).databaseFile);
  const store = await DuckDbEventStore.open(db);
  try {
    return await work(db, store);
  } finally {
    await store.close();
    db.close();
  }
}

beforeAll(async () => {
  // The demo account as `npm start` seeds it (server/seed-demo.ts), at a fixed time.
  const account = createDemoAccount({ now: NOW });
  await withStore((_, store) =>
    store.bulk('seed', async (writer) => {
      for (let day = 0; day < account.days; day++) await writer.append(account.generateDay(day));
    }),
  );
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run detect and the Detections page', () => {
  it('list the same rules with the same events on the demo account', async () => {
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    try {
      await detectCli(['--data-dir', dir, '--format', 'json']);
    } finally {
      log.mockRestore();
    }
    const cli = JSON.parse(printed.join('\n')) as RuleHits[];
    expect(cli.length).toBeGreaterThan(5);

    const server = await withStore(async (db, store) => {
      const routes = storeInvestigationRoutes(db, () => store.count(), []);
      const answer = await routes.handle(new Request('http://localhost/trailview/detections?complete'));
      return (await answer!.json()) as DetectionsReport;
    });

    const demo = createDemoEmulator({ now: NOW, background: false });
    await demo.ready;
    const demoRoutes = createInvestigationRoutes(memoryRecordSource(demo.store, demo.ready), {
      detections: true,
    });
    const inBrowser = (await (await demoRoutes.handle(
      new Request('http://localhost/trailview/detections?complete'),
    ))!.json()) as DetectionsReport;

    expect(byRule(server.hits)).toEqual(byRule(cli));
    expect(byRule(inBrowser.hits)).toEqual(byRule(cli));
    expect(server.rules).toBe(inBrowser.rules);
    expect(server.problems).toEqual([]);
  }, 180_000);
});
