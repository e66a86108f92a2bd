// `npm run fuzz [-- --requests N] [--seed S]`: the fuzz test of the local server (src/server/fuzz) at
// 10,000 requests instead of the few thousand `npm test` sends. A failure names the seed and request
// numbers, so the same run can be repeated.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '10000' },
    seed: { type: 'string', default: String(Date.now() % 1e9) },
  },
});
console.log(`fuzz: ${values.requests} requests, seed ${values.seed}`);
const run = spawnSync('npx', ['vitest', 'run', 'src/server/fuzz'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_REQUESTS: values.requests, FUZZ_SEED: values.seed },
});
process.exit(run.status ?? 1);
