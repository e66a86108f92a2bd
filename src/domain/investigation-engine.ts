// The sessions index and the rule evaluation over a record source, kept up to date incrementally: one pass
// reads the records appended since the last one (the store's insertion order), in slices that give the
// thread back between them, and feeds each record to both the session builder and the rule evaluator.
// A request is answered from what has been read so far, with its progress, so the first page shows at once
// and fills in; only a rule change (an edited --rules folder) or a store that shrank starts over.
import { investigationBuilder, type Investigation } from './investigation';
import { loadRules, RuleEvaluator, type RuleSet, type RuleSource } from './detections/rule-set';
import { ruleCatalog, type DetectionsReport, type ReadProgress } from './detections/report';
import { isInsightRecord, type AnyRecord, type CloudTrailRecord } from './record';

/** A record and the cursor after it: `tail(cursor)` goes on from there. */
export interface TailItem {
  cursor: number;
  record: AnyRecord;
}

export interface TailSource {
  /** Resolves when the store holds everything it will (the demo fills older days in the background). */
  ready?: Promise<unknown>;
  count(): Promise<number>;
  /** The records appended at or after `cursor` (0: all), oldest insertion first. */
  tail(cursor: number): AsyncIterable<TailItem> | Iterable<TailItem>;
}

/** Records read between two yields of the thread: a few tens of milliseconds. */
const SLICE = 4_000;
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const yieldThread = () => wait(0);
/** How long a request waits for a pass it started before answering with what is read so far. */
const FIRST_ANSWER_MS = 300;

interface Scan {
  rulesKey: string;
  sources: readonly RuleSource[];
  rules: RuleSet;
  evaluator: RuleEvaluator;
  builder: ReturnType<typeof investigationBuilder>;
  cursor: number;
  read: number;
  evaluated: number;
  ms: number;
  finished?: { read: number; investigation: Investigation };
}

const keyOf = (sources: readonly RuleSource[]) =>
  sources.map((s) => `${s.file}\u0000${s.text}`).join('\u0001');

export class InvestigationEngine {
  private scan?: Scan;
  private pass?: Promise<number>;
  private ready = false;

  private readonly source: TailSource;
  private readonly ruleSources: () => readonly RuleSource[];

  constructor(source: TailSource, ruleSources: () => readonly RuleSource[]) {
    this.source = source;
    this.ruleSources = ruleSources;
    void Promise.resolve(source.ready).then(() => (this.ready = true));
  }

  /**
   * Starts reading what is new (if nothing is reading yet), gives it a moment (a small store is read
   * whole), and returns the state so far.
   */
  async progress(sources?: readonly RuleSource[]): Promise<{ scan: Scan; progress: ReadProgress }> {
    const scan = this.current(sources);
    const total = await this.source.count();
    if (total < scan.read) return this.restart().progress(sources);
    if (!this.pass && total > scan.read) {
      const pass = this.readNew(scan);
      this.pass = pass;
      pass.then(
        () => this.pass === pass && (this.pass = undefined),
        () => this.restart(),
      );
    }
    if (!this.pass) return { scan, progress: { read: scan.read, total, complete: this.ready } };
    await Promise.race([this.pass.catch(() => 0), wait(FIRST_ANSWER_MS)]);
    // The store may have grown meanwhile (the demo's background fill).
    const now = Math.max(await this.source.count(), scan.read);
    return {
      scan,
      progress: { read: scan.read, total: now, complete: this.ready && this.pass === undefined },
    };
  }

  /** Waits until everything stored now (and, in the demo, every day) has been read. */
  async complete(sources?: readonly RuleSource[]): Promise<Scan> {
    await this.source.ready;
    for (;;) {
      const { scan } = await this.progress(sources);
      const pass = this.pass;
      // A pass that reads nothing new: the rest is still in the store's write-behind.
      if (!pass || (await pass) === 0) return scan;
    }
  }

  investigation(scan: Scan): Investigation {
    if (scan.finished?.read !== scan.read)
      scan.finished = { read: scan.read, investigation: scan.builder.finish() };
    return scan.finished.investigation;
  }

  detections(scan: Scan, progress?: ReadProgress): DetectionsReport {
    return {
      hits: scan.evaluator.hits(),
      problems: scan.rules.problems,
      rules: scan.rules.rules.length,
      scanned: scan.evaluated,
      ms: Math.round(scan.ms),
      catalog: ruleCatalog(scan.rules.rules),
      events: scan.evaluator.hitEvents(),
      ...(progress ? { progress } : {}),
    };
  }

  /**
   * The scan for these rules (by default the current scan's, or the engine's rules when there is none); a
   * changed rule set starts a new one.
   */
  private current(given?: readonly RuleSource[]): Scan {
    const sources = given ?? this.scan?.sources ?? this.ruleSources();
    const rulesKey = keyOf(sources);
    if (this.scan?.rulesKey === rulesKey) return this.scan;
    const rules = loadRules(sources);
    this.pass = undefined;
    return (this.scan = {
      rulesKey,
      sources,
      rules,
      evaluator: new RuleEvaluator(rules.rules),
      builder: investigationBuilder(),
      cursor: 0,
      read: 0,
      evaluated: 0,
      ms: 0,
    });
  }

  private restart(): this {
    this.scan = undefined;
    this.pass = undefined;
    return this;
  }

  /** Reads what was appended since the scan's cursor; resolves to the number of records read. */
  private async readNew(scan: Scan): Promise<number> {
    const before = scan.read;
    let started = performance.now();
    let inSlice = 0;
    for await (const { cursor, record } of this.source.tail(scan.cursor)) {
      if (this.scan !== scan) return 0;
      scan.builder.add(record);
      // Insights records have no userIdentity or eventName of their own; no rule is about them.
      if (!isInsightRecord(record) && (record as CloudTrailRecord).userIdentity) {
        scan.evaluator.add(record as CloudTrailRecord);
        scan.evaluated += 1;
      }
      scan.read += 1;
      scan.cursor = Math.max(scan.cursor, cursor);
      if (++inSlice === SLICE) {
        scan.ms += performance.now() - started;
        await yieldThread();
        started = performance.now();
        inSlice = 0;
      }
    }
    scan.ms += performance.now() - started;
    return scan.read - before;
  }
}
