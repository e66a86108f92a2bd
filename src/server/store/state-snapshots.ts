// The account state (trails, buckets, keys, topics, log groups, roles) persisted as one JSON snapshot
// (serializeState) in the account_state table. It is small, so a whole-snapshot write is simpler than a
// table per resource and as durable. Snapshots are written inside the event store's group commit, in
// the same transaction as the audit events of the calls that changed the state (DuckDbEventStore.commit).
import type { DuckDBConnection } from '@duckdb/node-api';
import { deserializeState, serializeState, type AccountState } from '@/emulator/state';
import type { Database } from './database';
import type { DuckDbEventStore } from './duckdb-event-store';

export class StateSnapshots {
  private readonly db: Database;
  private readonly store: DuckDbEventStore;
  private latest: AccountState | undefined;

  private constructor(db: Database, store: DuckDbEventStore) {
    this.db = db;
    this.store = store;
  }

  static open(db: Database, store: DuckDbEventStore): StateSnapshots {
    return new StateSnapshots(db, store);
  }

  async load(): Promise<AccountState | undefined> {
    const reader = await this.db.connection.runAndReadAll(
      'SELECT snapshot::VARCHAR FROM account_state WHERE id = 1',
    );
    const json = reader.getRows()[0]?.[0];
    return typeof json === 'string' ? deserializeState(json) : undefined;
  }

  /**
   * Commits the state as it is when the commit takes its rows, with every event appended before then;
   * resolves once both are on disk. Calls in a burst share one write.
   */
  save(state: AccountState): Promise<void> {
    this.latest = state;
    return this.store.commit(this.write);
  }

  /**
   * One function for every save, so the store runs it once per commit however many saves asked. The
   * state is serialised when the commit takes its rows, the write runs in its transaction.
   */
  private readonly write = () => {
    const snapshot = this.latest && serializeState(this.latest);
    return async (connection: DuckDBConnection): Promise<void> => {
      if (snapshot === undefined) return;
      await connection.run('INSERT OR REPLACE INTO account_state VALUES (1, $1, $2)', [
        snapshot,
        BigInt(Date.now()),
      ]);
    };
  };
}
