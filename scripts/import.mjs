// `npm run import -- [--data-dir DIR] PATH…` (src/server/import/import-cli.ts).
import { join } from 'node:path';
import { loadServerEntry, SERVER_DIR } from './build-server.mjs';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { main } = await loadServerEntry('import');
await main(process.argv.slice(2), join(SERVER_DIR, 'import-worker.mjs'));
