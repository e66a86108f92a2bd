// Reader connections for concurrent lookups. A DuckDB connection runs one query at a time and the writer
// connection may be inside a transaction, so reads take their own connections (MVCC keeps them consistent).
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

const MAX_IDLE = 4;

export class ConnectionPool {
  private readonly idle: DuckDBConnection[] = [];
  private closed = false;
  private readonly instance: DuckDBInstance;

  constructor(instance: DuckDBInstance) {
    this.instance = instance;
  }

  async acquire(): Promise<DuckDBConnection> {
    if (this.closed) throw new Error('The database is closed.');
    return this.idle.pop() ?? (await this.instance.connect());
  }

  release(connection: DuckDBConnection): void {
    if (!this.closed && this.idle.length < MAX_IDLE) this.idle.push(connection);
    else connection.closeSync();
  }

  close(): void {
    this.closed = true;
    for (const connection of this.idle.splice(0)) connection.closeSync();
  }
}
