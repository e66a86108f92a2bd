// Where a proxied request goes: the real endpoint of its service and Region (aws mode), or one
// AWS-compatible endpoint for every service (endpoint mode: LocalStack, moto).
//
// The service and Region come from the request's SigV4 scope, which nobody verified: in aws mode they
// become a host name only after they pass an allow-list (the services the console uses) and the Region
// pattern, so no request can make the proxy send the user's re-signed credentials anywhere but AWS.
import { isRegionName } from '@/domain/aws-region';

export interface Upstream {
  url: URL;
  /** The Region the request is signed for (global services sign for their partition's home Region). */
  signingRegion: string;
}

export type UpstreamResolver = (service: string, region: string) => Upstream;

/** The signing names of the services the console calls (its AWS SDK clients). */
export const PROXIED_SERVICES: ReadonlySet<string> = new Set([
  'cloudtrail',
  'iam',
  'kms',
  'logs',
  's3',
  'sns',
  'sts',
]);

/** Why a scope may not be forwarded to AWS, or undefined when it may. */
export function upstreamRefusal(service: string, region: string): string | undefined {
  if (!PROXIED_SERVICES.has(service))
    return `Trailview forwards only ${[...PROXIED_SERVICES].join(', ')} requests to AWS, not ${service.slice(0, 40)}.`;
  if (!isRegionName(region)) return `${region.slice(0, 40)} is not an AWS Region name.`;
  return undefined;
}

/** Services with one global endpoint, by partition: https://docs.aws.amazon.com/general/latest/gr/rande.html */
const GLOBAL: ReadonlyMap<string, { host: string; region: string; cnHost: string; cnRegion: string }> =
  new Map([
    [
      'iam',
      {
        host: 'iam.amazonaws.com',
        region: 'us-east-1',
        cnHost: 'iam.cn-north-1.amazonaws.com.cn',
        cnRegion: 'cn-north-1',
      },
    ],
  ]);

export function awsUpstream(service: string, region: string): Upstream {
  const refusal = upstreamRefusal(service, region);
  if (refusal) throw new Error(refusal);
  const china = region.startsWith('cn-');
  const global = GLOBAL.get(service);
  if (global) {
    return china
      ? { url: new URL(`https://${global.cnHost}/`), signingRegion: global.cnRegion }
      : { url: new URL(`https://${global.host}/`), signingRegion: global.region };
  }
  const host = `${service}.${region}.${china ? 'amazonaws.com.cn' : 'amazonaws.com'}`;
  const url = new URL(`https://${host}/`);
  // Both parts passed their patterns, so the URL parser cannot have read anything else as the host.
  if (url.host !== host) throw new Error(`${host} is not a host name.`);
  return { url, signingRegion: region };
}

/** endpoint mode: every request goes to exactly this URL, whatever it names. */
export function fixedUpstream(endpoint: string): UpstreamResolver {
  const url = new URL(endpoint);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return (_service, region) => ({ url: new URL(url), signingRegion: region });
}
