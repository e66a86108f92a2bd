// Trailview's own read-only routes over a store's records, for the Sessions, identity and Detections pages:
// `GET …/trailview/sessions/<id>`, `GET …/trailview/identities/<name or ARN>` and `GET …/trailview/detections`; and for the trail forms' what-if,
// `GET …/trailview/what-if?region=…&selection=…` (what-if-route.ts). One Request → Response function that the
// local server and the demo's service worker both call. The session index is built in one pass over the
// records and kept up to date with what is appended (investigation-engine.ts); a detections or identity request
// is answered with what is read so far and its progress.
import type { RuleSource } from '@/domain/detections/rule-set';
import type { RuleFolder } from '@/domain/detections/report';
import { RULE_PACK_SOURCES } from '@/domain/detections/rule-pack';
import type { AnyRecord } from '@/domain/record';
import { InvestigationEngine, type TailSource } from '@/domain/investigation-engine';
import type { RecordGroup } from '@/domain/trail-selection';
import { parseRegion, parseSelection, whatIfReport, whatIfWindowStart, windowRecords } from './what-if-route';

export interface RecordSource extends TailSource {
  /** Every stored record (the what-if counts read a window of them). */
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

type RulesFor = (params: URLSearchParams) => { sources: readonly RuleSource[]; folders?: RuleFolder[] };

export interface InvestigationRoutes {
  handle(request: Request): Promise<Response | undefined>;
}

export function createInvestigationRoutes(
  source: RecordSource,
  options: {
    detections?: boolean;
    now?: () => number;
    /**
     * The rules a detections request evaluates, read at each request (default: the shipped pack), and the
     * host's rule folders with whether this request uses them (the local server's --rules).
     */
    rules?: RulesFor;
  } = {},
): InvestigationRoutes {
  const now = options.now ?? Date.now;
  const rules: RulesFor = options.rules ?? (() => ({ sources: RULE_PACK_SOURCES }));
  const engine = new InvestigationEngine(source, () => rules(new URLSearchParams()).sources);

  /** `?complete` (npm run detect asks so): the whole store, not the progressive answer. */
  async function detections(params: URLSearchParams): Promise<Response> {
    const { sources, folders } = rules(params);
    const extra = folders ? { ruleFolders: folders } : {};
    if (params.has('complete'))
      return json(200, { ...engine.detections(await engine.complete(sources)), ...extra });
    const { scan, progress } = await engine.progress(sources);
    return json(200, { ...engine.detections(scan, progress), ...extra });
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
        return detections(url.searchParams);
      }
      let key: string;
      try {
        key = decodeURIComponent(raw ?? '');
      } catch {
        return json(400, { message: 'The session or identity in the path is not valid URL encoding.' });
      }
      if (!key || key.length > 2048) return json(400, { message: 'Name a session or an identity.' });
      const { scan, progress } = await engine.progress();
      if (kind === 'identities')
        return json(200, {
          ...engine.investigation(scan).identity(key),
          ...(progress.complete ? {} : { progress }),
        });
      const partial = engine.investigation(scan).session(key);
      if (partial) return json(200, { ...partial, ...(progress.complete ? {} : { progress }) });
      // A session not read yet may be further on: wait for the rest before saying it is not there.
      const session = engine.investigation(await engine.complete()).session(key);
      return session ? json(200, session) : json(404, { message: `No session ${key} is in these logs.` });
    },
  };
}
