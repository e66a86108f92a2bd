// aws and endpoint modes: each /aws request is forwarded to the real endpoint of its service and Region
// (or to --endpoint-url), re-signed with the default credential chain. The console signs with dummy
// credentials; real ones never leave this process. Read-only unless started with --allow-writes.
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { parseCredentialScope, parseQueryCredential } from '@/emulator/protocol/sigv4';
import type { Backend, ServerMode } from '../backends/backend';
import { awsError } from '../http/aws-error';
import { operationsOf, writeOf } from './read-only';
import { Sha256 } from './sha256';
import { isRegionName } from '@/domain/aws-region';
import { awsUpstream, fixedUpstream, upstreamRefusal, type UpstreamResolver } from './upstream';

export interface ProxyBackendOptions {
  mode: Exclude<ServerMode, 'local'>;
  /** endpoint mode: where every request goes. */
  endpointUrl?: string;
  profile?: string;
  region?: string;
  allowWrites?: boolean;
  /** Tests point aws mode at a fake upstream. */
  resolveUpstream?: UpstreamResolver;
  credentials?: AwsCredentialIdentityProvider;
}

/** Headers the console's SDK adds that must not reach the upstream: its signature and browser context. */
const DROPPED = new Set([
  'authorization',
  'host',
  'connection',
  'content-length',
  'origin',
  'referer',
  'cookie',
  'accept-encoding',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-content-sha256',
  'amz-sdk-invocation-id',
  'amz-sdk-request',
]);

/** LocalStack and moto accept any key; with no credentials configured, endpoint mode signs with these. */
const PLACEHOLDER_CREDENTIALS: AwsCredentialIdentity = { accessKeyId: 'test', secretAccessKey: 'test' };

export function createProxyBackend(options: ProxyBackendOptions): Backend {
  const resolve =
    options.resolveUpstream ??
    (options.mode === 'endpoint' ? fixedUpstream(required(options.endpointUrl)) : awsUpstream);
  const chain = options.credentials ?? defaultProvider(options.profile ? { profile: options.profile } : {});
  const credentials: AwsCredentialIdentityProvider = async () => {
    try {
      return await chain();
    } catch (error) {
      if (options.mode === 'endpoint') return PLACEHOLDER_CREDENTIALS;
      throw error;
    }
  };
  const readOnly = !options.allowWrites;
  const defaultRegion =
    options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const body = new Uint8Array(await request.arrayBuffer());
    const scope = parseCredentialScope(request.headers.get('authorization')) ?? parseQueryCredential(url);
    if (!scope)
      return reply(
        awsError(
          request,
          400,
          'MissingAuthenticationTokenException',
          'The request is not signed with SigV4, so its service and Region are unknown.',
        ),
      );
    // aws mode: the scope becomes a host name only from the allow-list; endpoint mode: a signing Region.
    const refusal =
      options.mode === 'aws'
        ? upstreamRefusal(scope.service, scope.region)
        : isRegionName(scope.region)
          ? undefined
          : `${scope.region.slice(0, 40)} is not an AWS Region name.`;
    if (refusal)
      return reply(awsError(request, 400, 'InvalidRequestException', `${refusal} Nothing was sent.`));
    const write = writeOf(request.method, scope.service, operationsOf(request.headers, url, body));
    // A GET needs no preflight, so any web page can send one: a GET never carries a write upstream.
    if ((request.method === 'GET' || request.method === 'HEAD') && write !== undefined)
      return reply(
        awsError(
          request,
          400,
          'InvalidHttpRequest',
          `The action ${write} changes state and must be sent in a POST request, not ${request.method}. Nothing was sent.`,
        ),
      );
    if (readOnly && write !== undefined) {
      const what =
        write === request.method ? `${request.method} ${url.pathname.replace(/^\/aws/, '') || '/'}` : write;
      return reply(
        awsError(
          request,
          403,
          'AccessDeniedException',
          `Trailview forwards only reads to ${options.mode === 'aws' ? 'AWS' : 'the endpoint'}, so ${what} was not sent. Restart it with --allow-writes to allow changes.`,
        ),
      );
    }
    const upstream = resolve(scope.service, scope.region);
    const target = new URL(upstream.url);
    target.pathname = upstream.url.pathname.replace(/\/$/, '') + (url.pathname.replace(/^\/aws/, '') || '/');
    // Keys come from the request: a null-prototype bag, so `__proto__` is just a key.
    const query = Object.create(null) as Record<string, string | string[]>;
    for (const [key, value] of url.searchParams) {
      // A query-signed request's own signature does not survive re-signing.
      if (/^X-Amz-(Algorithm|Credential|Date|Expires|SignedHeaders|Signature|Security-Token)$/i.test(key))
        continue;
      const seen = query[key];
      query[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
    }
    const headers: Record<string, string> = { host: target.host };
    request.headers.forEach((value, name) => {
      // sec-*: the browser's fetch metadata; x-trailview-*: the console's hints to the emulator.
      if (!DROPPED.has(name) && !name.startsWith('sec-') && !name.startsWith('x-trailview-'))
        headers[name] = value;
    });
    let identity: AwsCredentialIdentity;
    try {
      identity = await credentials();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return reply(
        awsError(
          request,
          403,
          'UnrecognizedClientException',
          `Trailview found no AWS credentials (${reason}). Set AWS_PROFILE or --profile, or run \`aws sso login\`, then restart it.`,
        ),
      );
    }
    const signer = new SignatureV4({
      credentials: identity,
      region: upstream.signingRegion,
      service: scope.service,
      sha256: Sha256,
      // S3 signs the path as sent; every other service escapes it once more.
      uriEscapePath: scope.service !== 's3',
    });
    const signed = await signer.sign({
      method: request.method,
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port ? Number(target.port) : undefined,
      path: target.pathname,
      query,
      headers,
      body,
    });
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) for (const v of [value].flat()) search.append(key, v);
    target.search = search.toString();
    let response: Response;
    try {
      response = await fetch(target, {
        method: request.method,
        headers: signed.headers,
        body: request.method === 'GET' || request.method === 'HEAD' ? undefined : body,
        redirect: 'manual',
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return reply(
        awsError(
          request,
          503,
          'ServiceUnavailableException',
          `Trailview could not reach ${target.host}: ${cause?.code ?? cause?.message ?? 'network error'}.`,
        ),
      );
    }
    if (response.status < 400)
      return new Response(response.body, { status: response.status, headers: response.headers });
    // AWS echoes the signing key's ID in some errors (S3's InvalidAccessKeyId, SignatureDoesNotMatch):
    // the console is a browser page, and the credentials stay on this machine, their ID included.
    const secrets = [identity.accessKeyId, identity.sessionToken].filter((part): part is string => !!part);
    let text = await response.text();
    for (const secret of secrets) text = text.replaceAll(secret, 'REDACTED-BY-TRAILVIEW');
    const errorHeaders = new Headers(response.headers);
    // fetch has decoded the body; its length and encoding are no longer those of what is sent.
    errorHeaders.delete('content-length');
    errorHeaders.delete('content-encoding');
    return new Response(text, { status: response.status, headers: errorHeaders });
  }

  return {
    info: { mode: options.mode, defaultRegion, readOnly },
    handle,
    async status() {
      return { mode: options.mode, readOnly, pid: process.pid };
    },
    async close() {},
  };
}

function reply({ status, headers, body }: ReturnType<typeof awsError>): Response {
  return new Response(body, { status, headers });
}

function required(endpointUrl: string | undefined): string {
  if (!endpointUrl) throw new Error('--backend endpoint needs --endpoint-url URL.');
  return endpointUrl;
}
