// Playwright's web server for e2e/local-server.spec.ts: `npm start` itself (scripts/start.mjs) on a fresh
// data dir, so every run seeds the demo account anew. Playwright starts it only when nothing answers on
// the port, so one data dir per port is never shared; it is emptied at start and removed on exit.
// SIGUSR2 restarts the server on the same data dir (the spec's "still there after a restart" journey);
// the spec finds this process's pid in .cache/e2e-local-server-<port>.json.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './build-server.mjs';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4010' } }, strict: false });
const dataDir = join(ROOT, '.cache', `e2e-local-data-${values.port}`);
const control = join(ROOT, '.cache', `e2e-local-server-${values.port}.json`);
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(join(ROOT, '.cache'), { recursive: true });
writeFileSync(control, JSON.stringify({ pid: process.pid }));

let restarting = false;
let server = start();

function start() {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'scripts', 'start.mjs'), '--data-dir', dataDir, ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  child.on('exit', (code, signal) => {
    if (restarting) {
      restarting = false;
      server = start();
      return;
    }
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(control, { force: true });
    process.exit(code ?? (signal ? 0 : 1));
  });
  return child;
}

process.on('SIGUSR2', () => {
  restarting = true;
  server.kill('SIGTERM');
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
