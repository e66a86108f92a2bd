// `npm start` flags (README and the issue "npm start: the local server").
import { parseArgs } from 'node:util';
import { DEFAULT_DELIVERY_INTERVAL_SECONDS } from '@/emulator/services/cloudtrail/delivery-timer';
import type { ServerMode } from './backends/backend';

export interface StartOptions {
  port: number;
  host: string;
  dataDir: string;
  empty: boolean;
  backend: ServerMode;
  profile?: string;
  region?: string;
  endpointUrl?: string;
  allowWrites: boolean;
  /** --delivery-interval SECONDS: how often logging trails deliver log files (local backend). */
  deliveryInterval?: number;
  /** --rules DIR (repeatable): folders of Sigma rules the Detections page evaluates with the pack. */
  rules?: string[];
  help: boolean;
  /** Not a flag: the built import worker, when the server runs from dist-server/. */
  importWorker?: string;
}

export const START_USAGE = `Usage: npm start -- [options]

  --port N             port to listen on (default 4000, or $PORT; 0 picks a free one)
  --host ADDR          address to bind (default 127.0.0.1)
  --data-dir DIR       where the local backend keeps its database (default ./data)
  --empty              do not seed the demo account into a new data dir
  --backend MODE       local (default), aws or endpoint
  --profile NAME       aws: the shared config profile to sign with
  --region REGION      the console's default Region
  --endpoint-url URL   endpoint: the AWS-compatible endpoint (LocalStack, moto)
  --allow-writes       aws, endpoint: forward state-changing calls too (read-only otherwise)
  --rules DIR          local: a folder of Sigma rules to evaluate with the shipped pack (repeatable)
  --delivery-interval SECONDS
                       local: how often logging trails deliver log files to their buckets (default 300,
                       CloudTrail's ~5 minutes; digest files every 12 deliveries)`;

export class UsageError extends Error {}

export function parseStartOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): StartOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string', default: 'data' },
      empty: { type: 'boolean', default: false },
      backend: { type: 'string', default: 'local' },
      profile: { type: 'string' },
      region: { type: 'string' },
      'endpoint-url': { type: 'string' },
      'allow-writes': { type: 'boolean', default: false },
      rules: { type: 'string', multiple: true, default: [] },
      'delivery-interval': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  const portText = values.port ?? env.PORT ?? '4000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a port number, not ${portText}.`);
  const backend = values.backend;
  if (backend !== 'local' && backend !== 'aws' && backend !== 'endpoint') {
    throw new UsageError(`--backend must be local, aws or endpoint, not ${backend}.`);
  }
  if (backend === 'endpoint' && !values['endpoint-url'])
    throw new UsageError('--backend endpoint needs --endpoint-url URL.');
  if (values['endpoint-url'] && backend !== 'endpoint')
    throw new UsageError('--endpoint-url goes with --backend endpoint.');
  const intervalText = values['delivery-interval'] ?? String(DEFAULT_DELIVERY_INTERVAL_SECONDS);
  const deliveryInterval = Number(intervalText);
  if (!/^\d+$/.test(intervalText) || deliveryInterval < 1)
    throw new UsageError(
      `--delivery-interval must be a whole number of seconds, 1 or more, not ${intervalText}.`,
    );
  return {
    port,
    host: values.host,
    dataDir: values['data-dir'],
    empty: values.empty,
    backend,
    profile: values.profile,
    region: values.region,
    endpointUrl: values['endpoint-url'],
    allowWrites: values['allow-writes'],
    rules: values.rules,
    deliveryInterval,
    help: values.help,
  };
}
