// The one interface for events (docs/architecture.md "Stores"): the in-memory store (browser demo, unit tests)
// and the DuckDB store (server) both implement it, and both pass event-store.contract.ts.
import type { IndexedEvent } from '@/domain/lookup-event';
import type { LookupAttribute } from '@/domain/lookup-attributes';
import type { AnyRecord } from '@/domain/record';

/** Position in the newest-first order: events strictly after it are older (time desc, id desc). */
export interface Cursor {
  time: number;
  id: string;
}

export interface LookupQuery {
  region: string;
  /** true: only Insights events; false: every other category. */
  insight: boolean;
  attribute?: LookupAttribute;
  /** Epoch ms, inclusive. */
  startTime?: number;
  /** Epoch ms, inclusive. */
  endTime?: number;
  limit: number;
  after?: Cursor;
}

export interface LookupPage {
  events: IndexedEvent[];
  /** Set when more events match after the last one returned. */
  next?: Cursor;
}

export interface AppendResult {
  inserted: number;
  duplicates: number;
}

export interface EventStore {
  /** Adds records; a record whose eventID is already stored is skipped and counted. */
  append(records: readonly AnyRecord[]): Promise<AppendResult>;
  /** Whether an event of this ID is stored (or appended and on its way); both stores know it in memory. */
  hasEvent?(eventId: string): boolean;
  /** Newest first, ties broken by eventID descending. */
  lookup(query: LookupQuery): Promise<LookupPage>;
  count(): Promise<number>;
  /** The Regions that hold events (what a multi-Region trail's delivery looks through). */
  regions(): Promise<string[]>;
}
