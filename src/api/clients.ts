// The typed client layer: one AWS SDK v3 client per service, all bound to the same-origin `/aws`
// endpoint. Nothing outside src/api constructs a client or knows an endpoint (docs/conventions.md).
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { isThrottleSimulationOn, THROTTLE_SIMULATION_HEADER } from './throttle-simulation';

/** The console never holds real credentials: the server re-signs in aws mode (docs/architecture.md). */
export const CONSOLE_CREDENTIALS = {
  accessKeyId: 'AKIATRAILVIEWCONSOLE',
  secretAccessKey: 'trailview-console-has-no-secret',
};

export function awsEndpoint(): string {
  const page = globalThis.location?.href ?? 'http://127.0.0.1/';
  return new URL('aws', page.split('#')[0]).toString();
}

const cloudTrailClients = new Map<string, CloudTrailClient>();

export function cloudTrailClient(region: string): CloudTrailClient {
  let client = cloudTrailClients.get(region);
  if (!client) {
    client = new CloudTrailClient({
      region,
      endpoint: awsEndpoint(),
      credentials: CONSOLE_CREDENTIALS,
      // React Query owns retries (it retries only throttling, with backoff).
      maxAttempts: 1,
    });
    // "Simulate LookupEvents throttling": tell the emulator to enforce the 2 requests per second
    // (throttle-simulation.ts). Added at the build step, before signing, like any other header.
    client.middlewareStack.add(
      (next) => (args) => {
        const request = args.request as { headers?: Record<string, string> };
        if (isThrottleSimulationOn() && request.headers) request.headers[THROTTLE_SIMULATION_HEADER] = 'on';
        return next(args);
      },
      { step: 'build', name: 'trailviewThrottleSimulation' },
    );
    cloudTrailClients.set(region, client);
  }
  return client;
}
