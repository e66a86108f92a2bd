// `npm run export -- --parquet DIR [--data-dir DIR]` (src/server/export/export-cli.ts).
import { loadServerEntry } from './build-server.mjs';

const { main } = await loadServerEntry('export');
await main(process.argv.slice(2));
