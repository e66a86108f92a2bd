// `npm start`: builds the console and the server when needed, then serves them (src/server/main.ts).
import { join } from 'node:path';
import { ensureConsoleBuilt, loadServerEntry, ROOT, SERVER_DIR } from './build-server.mjs';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const argv = process.argv.slice(2);
if (!argv.includes('--help') && !argv.includes('-h')) await ensureConsoleBuilt();
const { main } = await loadServerEntry('server');
await main(argv, join(ROOT, 'dist'), join(SERVER_DIR, 'import-worker.mjs'));
