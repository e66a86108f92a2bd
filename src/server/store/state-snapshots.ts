// The account state (trails, buckets, keys, topics, log groups, roles) persisted as one JSON snapshot
// (serializeState) in the account_state table, rewritten after every call that changed it. It is small,
// so a whole-snapshot write is simpler than a table per resource and as durable.
import type { DuckDBConnection } from '@duckdb/node-api';
import { deserializeState, serializeState, type AccountState } from '@/emulator/state';
import type { Database } from './database';

export class StateSnapshots {
  private pending: Promise<void> = Promise.resolve();
  private dirty = false;
  private readonly connection: DuckDBConnection;

  private constructor(connection: DuckDBConnection) {
    this.connection = connection;
  }

  /** Uses a connection of its own: the events writer holds transactions open across awaits. */
  static async open(db: Database): Promise<StateSnapshots> {
    return new StateSnapshots(await db.instance.connect());
  }

  async load(): Promise<AccountState | undefined> {
    const reader = await this.connection.runAndReadAll(
      'SELECT snapshot::VARCHAR FROM account_state WHERE id = 1',
    );
    const json = reader.getRows()[0]?.[0];
    return typeof json === 'string' ? deserializeState(json) : undefined;
  }

  /** Schedules a write of the state as it is when the write runs; calls in a burst make one write. */
  save(state: AccountState): Promise<void> {
    if (this.dirty) return this.pending;
    this.dirty = true;
    this.pending = this.pending.then(async () => {
      this.dirty = false;
      await this.connection.run('INSERT OR REPLACE INTO account_state VALUES (1, $1, $2)', [
        serializeState(state),
        BigInt(Date.now()),
      ]);
    });
    return this.pending;
  }

  /** Resolves when every scheduled write is done. */
  flushed(): Promise<void> {
    return this.pending;
  }

  close(): void {
    this.connection.closeSync();
  }
}
