// `npm run detect -- [--data-dir DIR] [--rules DIR…] [--format table|json]` (src/server/detections/detect-cli.ts).
import { loadServerEntry } from './build-server.mjs';

const { main } = await loadServerEntry('detect');
await main(process.argv.slice(2));
