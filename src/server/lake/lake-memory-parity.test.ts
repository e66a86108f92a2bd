// @vitest-environment node
// The demo build's Lake engine (emulator/services/cloudtrail/lake-memory-engine.ts) gives the same answers as
// the local server's DuckDB engine: every sample query, query generator family and ready-made dashboard
// widget, and statements of the other clauses it reads, on the documentation fixture, compared row for
// row (as sets where ORDER BY leaves ties), and the same errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READY_MADE_WIDGETS } from '@/domain/lake-dashboard-widgets';
import { generateLakeQuery, PROMPT_FAMILIES } from '@/domain/lake-nl';
import { LAKE_SAMPLE_QUERIES, sampleSql } from '@/domain/lake-samples';
import { ServiceError } from '@/emulator/errors';
import { memoryLakeEngine } from '@/emulator/services/cloudtrail/lake-memory-engine';
import type { LakeEngine } from '@/emulator/services/cloudtrail/lake-queries';
import { docFixture, fixtureBase } from './lake-doc-fixture';
import { openLakeHarness, type LakeHarness } from './lake-engine-harness';

const base = fixtureBase(Date.now());
const records = docFixture(base);
let duck: LakeHarness;
const memory = memoryLakeEngine(() => records);

beforeAll(async () => {
  duck = await openLakeHarness(records);
}, 60_000);

afterAll(async () => {
  await duck?.close();
});

async function run(engine: LakeEngine, sql: string) {
  const prepared = await engine.prepare(sql, duck.stores, Date.now());
  const result = await prepared.run(new AbortController().signal);
  // With a LIMIT, rows tied on the ORDER BY may differ between engines: compare the ordered counts then.
  const limited = /\bLIMIT\b/i.test(sql);
  const rows = result.rows.map((r) => JSON.stringify(limited ? r.at(-1) : r));
  return { columns: result.columns, rows: limited ? rows : rows.sort() };
}

/** Statements of the engine's own features that the samples do not use. */
const SHAPES = [
  `SELECT DISTINCT eventSource FROM $EDS_ID$ WHERE eventName LIKE 'Get%' OR eventName IN ('ListUsers', 'RunInstances')`,
  `SELECT eventName, count(DISTINCT userIdentity.arn) AS callers, min(eventTime) AS first FROM $EDS_ID$ GROUP BY eventName HAVING count(*) > 1`,
  `SELECT CASE WHEN errorCode IS NULL THEN 'ok' ELSE errorCode END AS outcome, count(*) AS n FROM $EDS_ID$ GROUP BY 1 ORDER BY n DESC, outcome`,
  `SELECT eventID, errorCode FROM $EDS_ID$ WHERE eventTime BETWEEN timestamp '2000-01-01 00:00:00' AND now() ORDER BY errorCode DESC, eventID`,
  `SELECT lower(eventName) AS name, count_if(readOnly) AS reads, sum(CASE WHEN readOnly THEN 0 ELSE 1 END) AS writes FROM $EDS_ID$ GROUP BY lower(eventName)`,
  `SELECT coalesce(userIdentity.userName, userIdentity.type) AS who, element_at(requestParameters, 'bucketName') AS bucket FROM $EDS_ID$ WHERE NOT readOnly`,
];

const withStore = (sql: string) => (id: string) => sql.replaceAll('$EDS_ID$', id);

const cases = [
  ...LAKE_SAMPLE_QUERIES.map((s) => [`sample: ${s.name}`, (id: string) => sampleSql(s, id)] as const),
  ...READY_MADE_WIDGETS.map((w) => [`widget: ${w.title}`, withStore(w.sql)] as const),
  ...SHAPES.map((sql) => [`shape: ${sql.slice(0, 60)}`, withStore(sql)] as const),
  ...PROMPT_FAMILIES.map(
    (prompt) => [`generator: ${prompt}`, (id: string) => generateLakeQuery(prompt, id)!.sql] as const,
  ),
];

describe('the demo Lake engine answers as the DuckDB engine does', () => {
  it('has answers to compare: most cases select rows from the fixture', async () => {
    const counts = await Promise.all(
      cases.map(async ([, sql]) => (await run(duck.engine, sql(duck.storeId))).rows.length),
    );
    expect(counts.filter((n) => n > 0).length).toBeGreaterThanOrEqual(cases.length - 5);
  });

  it.each(cases)('%s', async (_name, sql) => {
    const statement = sql(duck.storeId);
    const expected = await run(duck.engine, statement);
    expect(await run(memory, statement)).toEqual(expected);
  });

  it.each([
    ['DELETE FROM $', 'InvalidQueryStatementException'],
    ["SELECT eventName FROM $ WHERE eventTime > now() - INTERVAL '1' DAY", 'InvalidQueryStatementException'],
    ['SELECT eventName FROM not-a-store', 'EventDataStoreNotFoundException'],
  ])('refuses %s as Lake does', async (sql, code) => {
    const statement = sql.replace('$', duck.storeId);
    const error = await memory.prepare(statement, duck.stores, Date.now()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).name).toBe(code);
    await expect(duck.engine.prepare(statement, duck.stores, Date.now())).rejects.toThrow(
      (error as Error).message,
    );
  });

  it('names an unknown column or function with its position, in Trino words, in both engines', async () => {
    for (const engine of [memory, duck.engine]) {
      const column = await engine
        .prepare(`SELECT nosuch FROM ${duck.storeId}`, duck.stores, Date.now())
        .catch((e: unknown) => e as Error);
      expect((column as Error).message).toBe("line 1:8: Column 'nosuch' cannot be resolved");
    }
    for (const engine of [memory, duck.engine]) {
      const fn = await engine
        .prepare(`SELECT nosuchfn(eventName) FROM ${duck.storeId}`, duck.stores, Date.now())
        .catch((e: unknown) => e as Error);
      expect((fn as Error).message).toBe("line 1:8: Function 'nosuchfn' not registered");
    }
  });
});
