// Where a proxied request goes: the real endpoint of its service and Region (aws mode), or one
// AWS-compatible endpoint for every service (endpoint mode: LocalStack, moto).

export interface Upstream {
  url: URL;
  /** The Region the request is signed for (global services sign for their partition's home Region). */
  signingRegion: string;
}

export type UpstreamResolver = (service: string, region: string) => Upstream;

/** Services with one global endpoint, by partition: https://docs.aws.amazon.com/general/latest/gr/rande.html */
const GLOBAL: Record<string, { host: string; region: string; cnHost: string; cnRegion: string }> = {
  iam: {
    host: 'iam.amazonaws.com',
    region: 'us-east-1',
    cnHost: 'iam.cn-north-1.amazonaws.com.cn',
    cnRegion: 'cn-north-1',
  },
  organizations: {
    host: 'organizations.us-east-1.amazonaws.com',
    region: 'us-east-1',
    cnHost: 'organizations.cn-northwest-1.amazonaws.com.cn',
    cnRegion: 'cn-northwest-1',
  },
};

export function awsUpstream(service: string, region: string): Upstream {
  const china = region.startsWith('cn-');
  const global = GLOBAL[service];
  if (global) {
    return china
      ? { url: new URL(`https://${global.cnHost}/`), signingRegion: global.cnRegion }
      : { url: new URL(`https://${global.host}/`), signingRegion: global.region };
  }
  const suffix = china ? 'amazonaws.com.cn' : 'amazonaws.com';
  return { url: new URL(`https://${service}.${region}.${suffix}/`), signingRegion: region };
}

export function fixedUpstream(endpoint: string): UpstreamResolver {
  const url = new URL(endpoint);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return (_service, region) => ({ url, signingRegion: region });
}
