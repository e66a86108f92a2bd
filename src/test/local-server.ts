// The local server as `npm start` runs it (local backend, empty account), on a random port over a
// temporary data dir, for tests that talk to it over HTTP.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '@/server/main';

export interface TestServer {
  server: RunningServer;
  /** Stops the server and deletes its data dir. */
  stop(): Promise<void>;
}

export async function startTestServer(name: string): Promise<TestServer> {
  const root = mkdtempSync(join(tmpdir(), `trailview-${name}-`));
  const server = await startServer(
    {
      port: 0,
      host: '127.0.0.1',
      dataDir: join(root, 'data'),
      empty: true,
      backend: 'local',
      allowWrites: false,
      help: false,
    },
    join(root, 'dist'),
    () => {},
  );
  return {
    server,
    async stop() {
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
