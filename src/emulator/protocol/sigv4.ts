// The parts of a SigV4-signed request the emulator routes by. The signature itself is not verified:
// the emulator answers for a made-up account, and the server's AWS proxy re-signs with real credentials.
import type { WireProtocol } from './error-shape';

export interface CredentialScope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

const CREDENTIAL = /Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request/;

export function parseCredentialScope(authorization: string | null): CredentialScope | undefined {
  const match = authorization ? CREDENTIAL.exec(authorization) : null;
  if (!match) return undefined;
  const [, accessKeyId, date, region, service] = match;
  return { accessKeyId: accessKeyId!, date: date!, region: region!, service: service! };
}

/** Presigned and query-signed requests carry the scope in X-Amz-Credential. */
export function parseQueryCredential(url: URL): CredentialScope | undefined {
  const credential = url.searchParams.get('X-Amz-Credential');
  return credential ? parseCredentialScope(`Credential=${credential}`) : undefined;
}

export { isRegionName } from '@/domain/aws-region';

/** AWS's answer to a signature scoped to something that is not a Region, per protocol. */
export function invalidScopeRegion(protocol: WireProtocol, region: string) {
  const code =
    protocol === 'rest-xml'
      ? 'AuthorizationHeaderMalformed'
      : protocol === 'query' || protocol === 'ec2'
        ? 'SignatureDoesNotMatch'
        : 'InvalidSignatureException';
  const shown = region.length > 40 ? `${region.slice(0, 40)}…` : region;
  return { code, message: `Credential should be scoped to a valid region, not '${shown}'.`, status: 400 };
}
