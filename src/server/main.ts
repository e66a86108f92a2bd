// `npm start`: serves the console and /aws with the chosen backend until SIGINT or SIGTERM.
import { join } from 'node:path';
import type { Backend } from './backends/backend';
import { openLocalBackend } from './backends/local-backend';
import { parseStartOptions, START_USAGE, UsageError, type StartOptions } from './cli-options';
import { removeServerLock, writeServerLock } from './data-dir';
import { createHttpServer, listen } from './http/server';
import { createProxyBackend } from './proxy/proxy-backend';

export interface RunningServer {
  url: string;
  port: number;
  backend: Backend;
  stop(): Promise<void>;
}

export async function startServer(
  options: StartOptions,
  distDir: string,
  log: (line: string) => void = console.log,
): Promise<RunningServer> {
  const backend =
    options.backend === 'local'
      ? await openLocalBackend({
          dataDir: options.dataDir,
          empty: options.empty,
          region: options.region,
          importWorker: options.importWorker,
          ruleDirs: options.rules,
          deliveryInterval: options.deliveryInterval,
          log,
        })
      : createProxyBackend({
          mode: options.backend,
          endpointUrl: options.endpointUrl,
          profile: options.profile,
          region: options.region,
          allowWrites: options.allowWrites,
        });
  const server = createHttpServer({ backend, distDir, host: options.host });
  let port: number;
  try {
    port = await listen(server, options.port, options.host);
  } catch (error) {
    await backend.close();
    throw error;
  }
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${host}:${port}`;
  if (options.backend === 'local') writeServerLock(options.dataDir, url);
  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    backend,
    stop: () =>
      (stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await backend.close();
        if (options.backend === 'local') removeServerLock(options.dataDir);
      })()),
  };
}

/** The `npm start` entry point (scripts/start.mjs calls it with the arguments after `--`). */
export async function main(argv: readonly string[], distDir: string, importWorker?: string): Promise<void> {
  let options: StartOptions;
  try {
    options = { ...parseStartOptions(argv), importWorker };
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${START_USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    console.log(START_USAGE);
    return;
  }
  let running: RunningServer;
  try {
    running = await startServer(options, distDir);
  } catch (error) {
    if (error instanceof UsageError || (error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(
        (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
          ? `Port ${options.port} is in use: pick another with --port.`
          : (error as Error).message,
      );
    } else {
      console.error((error as Error).message);
    }
    process.exitCode = 1;
    return;
  }
  const mode =
    options.backend === 'local'
      ? `local backend, data in ${join(options.dataDir, 'trailview.duckdb')}`
      : `${options.backend} backend${running.backend.info.readOnly ? ', read-only' : ', writes allowed'}`;
  console.log(`Trailview is running at ${running.url}/ (${mode})`);
  console.log(`AWS-compatible endpoint: ${running.url}/aws`);
  const warning = exposureWarning(options);
  if (warning) console.warn(warning);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.log('Stopping…');
      running.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('trailview: could not stop cleanly', error);
          process.exit(1);
        },
      );
    });
  }
}

/** What to say when the server is reachable from other machines (docs/security.md). */
export function exposureWarning(options: Pick<StartOptions, 'host' | 'backend'>): string | undefined {
  if (isLoopback(options.host)) return undefined;
  return (
    `Warning: listening on ${options.host}, so other machines can reach this server. The console has no ` +
    'authentication: anyone who can reach it can read every event' +
    (options.backend === 'aws' ? ' and call AWS with your credentials.' : ' and change the account.')
  );
}

/** Whether a bind address reaches only this machine. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
