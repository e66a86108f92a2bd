// Trailview's own read-only routes over a store's records, for the Sessions, identity and Detections pages:
// `GET …/trailview/sessions/<id>`, `GET …/trailview/identities/<name or ARN>` and, where the host has no
// evaluation of its own (the demo), `GET …/trailview/detections`; and for the trail forms' what-if,
// `GET …/trailview/what-if?region=…&selection=…` (what-if-route.ts). One Request → Response function that the
// local server and the demo's service worker both call. The session index is built in one pass over the
// records and kept until the store's count changes.
import { investigationBuilder, type Investigation } from '@/domain/investigation';
import { ruleCatalog, type DetectionsReport } from '@/domain/detections/report';
import { RuleEvaluator } from '@/domain/detections/rule-set';
import { rulePack } from '@/domain/detections/rule-pack';
import { isInsightRecord, type AnyRecord } from '@/domain/record';
import type { RecordGroup } from '@/domain/trail-selection';
import { parseRegion, parseSelection, whatIfReport, whatIfWindowStart, windowRecords } from './what-if-route';

export interface RecordSource {
  /** Resolves when the store holds everything it will (the demo fills older days in the background). */
  ready?: Promise<unknown>;
  count(): Promise<number>;
  records(): AsyncIterable<AnyRecord> | Iterable<AnyRecord>;
  /**
   * The records of a Region in a time range, counted by their SELECTION_MEMBERS (domain/trail-selection.ts),
   * for the what-if; without it the what-if reads every record.
   */
  selectionGroups?(region: string, from: number, to: number): Promise<RecordGroup[]>;
}

export const INVESTIGATION_ROUTE = /\/trailview\/(sessions|identities|detections|what-if)(?:\/([^/?]*))?$/;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });

async function collect(source: RecordSource): Promise<Investigation> {
  const builder = investigationBuilder();
  for await (const record of source.records()) builder.add(record);
  return builder.finish();
}

/** The rule pack over every record (the demo; the local server evaluates with its --rules folders too). */
async function detect(source: RecordSource): Promise<DetectionsReport> {
  const started = performance.now();
  const pack = rulePack();
  const evaluator = new RuleEvaluator(pack.rules);
  let scanned = 0;
  for await (const record of source.records()) {
    if (isInsightRecord(record) || !record.userIdentity) continue;
    evaluator.add(record);
    scanned += 1;
  }
  return {
    hits: evaluator.hits(),
    problems: pack.problems,
    rules: pack.rules.length,
    scanned,
    ms: Math.round(performance.now() - started),
    catalog: ruleCatalog(pack.rules),
    events: evaluator.hitEvents(),
  };
}

export interface InvestigationRoutes {
  handle(request: Request): Promise<Response | undefined>;
}

export function createInvestigationRoutes(
  source: RecordSource,
  options: { detections?: boolean; now?: () => number } = {},
): InvestigationRoutes {
  const now = options.now ?? Date.now;
  let built: { count: number; investigation: Promise<Investigation> } | undefined;
  let detections: { count: number; report: Promise<DetectionsReport> } | undefined;

  async function investigation(): Promise<Investigation> {
    await source.ready;
    const count = await source.count();
    if (built?.count !== count) {
      built = { count, investigation: collect(source) };
      built.investigation.catch(() => (built = undefined));
    }
    return built.investigation;
  }

  async function evaluate(): Promise<DetectionsReport> {
    await source.ready;
    const count = await source.count();
    if (detections?.count !== count) {
      detections = { count, report: detect(source) };
      detections.report.catch(() => (detections = undefined));
    }
    return detections.report;
  }

  async function whatIf(params: URLSearchParams): Promise<Response> {
    const region = parseRegion(params.get('region'));
    if (!region) return json(400, { message: 'Name a valid Region.' });
    const selection = parseSelection(params.get('selection'));
    if (typeof selection === 'string') return json(400, { message: selection });
    await source.ready;
    const at = now();
    const from = whatIfWindowStart(at);
    const groups = source.selectionGroups
      ? await source.selectionGroups(region, from, at)
      : await windowRecords(source.records(), region, from, at);
    return json(200, whatIfReport(selection, groups, at));
  }

  return {
    async handle(request) {
      const url = new URL(request.url);
      const match = INVESTIGATION_ROUTE.exec(url.pathname);
      if (!match) return undefined;
      if (request.method !== 'GET') return json(405, { message: `${request.method} is not allowed here.` });
      const [, kind, raw] = match;
      if (kind === 'what-if') return raw === undefined ? whatIf(url.searchParams) : undefined;
      if (kind === 'detections') {
        if (!options.detections || raw !== undefined) return undefined;
        return json(200, await evaluate());
      }
      let key: string;
      try {
        key = decodeURIComponent(raw ?? '');
      } catch {
        return json(400, { message: 'The session or identity in the path is not valid URL encoding.' });
      }
      if (!key || key.length > 2048) return json(400, { message: 'Name a session or an identity.' });
      const found = await investigation();
      if (kind === 'identities') return json(200, found.identity(key));
      const session = found.session(key);
      return session ? json(200, session) : json(404, { message: `No session ${key} is in these logs.` });
    },
  };
}
