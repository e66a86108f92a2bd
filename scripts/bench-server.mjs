// The server's benchmarks (src/server/bench): `node scripts/bench-server.mjs [lookup|import] [--events N]`.
import { loadServerEntry, ROOT } from './build-server.mjs';

const { main } = await loadServerEntry('bench-server');
await main(process.argv.slice(2), ROOT);
