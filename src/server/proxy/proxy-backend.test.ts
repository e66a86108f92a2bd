// @vitest-environment node
// The aws and endpoint backends against a local fake upstream: requests arrive re-signed (SigV4, checked
// in full) with the credentials of the environment, never the console's; writes are refused unless
// --allow-writes; failures come back in the AWS shape.
import { CreateTrailCommand, CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { SignatureV4 } from '@smithy/signature-v4';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../backends/backend';
import { createHttpServer, listen } from '../http/server';
import { createProxyBackend, type ProxyBackendOptions } from './proxy-backend';
import { Sha256 } from './sha256';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const ENV = {
  AWS_ACCESS_KEY_ID: 'AKIAENVIRONMENTKEY01',
  AWS_SECRET_ACCESS_KEY: 'env-secret',
  AWS_SESSION_TOKEN: 'env-token',
};
const CONSOLE = { accessKeyId: 'AKIATRAILVIEWCONSOLE', secretAccessKey: 'console-secret' };

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  signatureValid: boolean;
}
const seen: Seen[] = [];
let upstream: Server;
let upstreamUrl: string;
const dist = mkdtempSync(join(tmpdir(), 'trailview-proxy-dist-'));
const servers: Server[] = [];

/** Recomputes the request's SigV4 signature with the environment's credentials. */
async function verify(req: IncomingMessage, body: Buffer): Promise<boolean> {
  const auth = req.headers.authorization ?? '';
  const match =
    /Credential=[^/]+\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=(\w+)/.exec(
      auth,
    );
  if (!match) return false;
  const [, , region, service, signedHeaders] = match;
  const url = new URL(req.url ?? '/', 'http://upstream');
  const headers: Record<string, string> = {};
  for (const name of signedHeaders!.split(';')) headers[name] = String(req.headers[name]);
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: ENV.AWS_ACCESS_KEY_ID,
      secretAccessKey: ENV.AWS_SECRET_ACCESS_KEY,
      sessionToken: ENV.AWS_SESSION_TOKEN,
    },
    region: region!,
    service: service!,
    sha256: Sha256,
    uriEscapePath: service !== 's3',
  });
  const amzDate = String(req.headers['x-amz-date']);
  const signingDate = new Date(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  );
  const signed = await signer.sign(
    {
      method: req.method!,
      protocol: 'http:',
      hostname: url.hostname,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
    },
    { signingDate },
  );
  return signed.headers.authorization === auth;
}

beforeAll(async () => {
  Object.assign(process.env, ENV);
  upstream = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      void verify(req, body).then((signatureValid) => {
        seen.push({
          method: req.method!,
          url: req.url!,
          headers: req.headers,
          body: body.toString(),
          signatureValid,
        });
        if (req.url!.includes('echo-key')) {
          // As S3 answers an unknown key: its ID back in the error.
          const key = /Credential=([^/]+)\//.exec(String(req.headers.authorization))?.[1] ?? '';
          res.writeHead(403, { 'content-type': 'application/xml' });
          res.end(
            `<Error><Code>InvalidAccessKeyId</Code><Message>The AWS Access Key Id you provided does not exist in our records.</Message><AWSAccessKeyId>${key}</AWSAccessKeyId></Error>`,
          );
          return;
        }
        res.writeHead(200, {
          'content-type': 'application/x-amz-json-1.1',
          'x-amzn-requestid': 'upstream-1',
        });
        res.end(
          JSON.stringify({ Events: [], TrailARN: 'arn:aws:cloudtrail:eu-west-1:210987654321:trail/t' }),
        );
      });
    });
  });
  upstreamUrl = `http://127.0.0.1:${await listen(upstream, 0, '127.0.0.1')}`;
});

afterEach(() => {
  seen.length = 0;
  for (const server of servers.splice(0)) server.close();
});

afterAll(() => {
  upstream.close();
  for (const key of Object.keys(ENV)) delete process.env[key];
  rmSync(dist, { recursive: true, force: true });
});

async function serve(options: Partial<ProxyBackendOptions>): Promise<{ url: string; backend: Backend }> {
  const backend = createProxyBackend({
    mode: 'aws',
    // aws mode, pointed at the fake: the path keeps the service and Region so the test can see them.
    resolveUpstream: (service, region) => ({
      url: new URL(`${upstreamUrl}/${service}/${region}/`),
      signingRegion: region,
    }),
    ...options,
  });
  const server = createHttpServer({ backend, distDir: dist, host: '127.0.0.1' });
  servers.push(server);
  return { url: `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`, backend };
}

const cloudTrail = (url: string, region = 'eu-west-1') =>
  new CloudTrailClient({ region, endpoint: `${url}/aws`, credentials: CONSOLE, maxAttempts: 1 });

describe('the aws backend', () => {
  it('forwards a read to its service and Region, re-signed with the default credential chain', async () => {
    const { url, backend } = await serve({});
    expect(backend.info).toEqual({ mode: 'aws', defaultRegion: 'us-east-1', readOnly: true });
    const out = await cloudTrail(url).send(new LookupEventsCommand({ MaxResults: 5 }));
    expect(out.Events).toEqual([]);
    expect(seen).toHaveLength(1);
    const [request] = seen as [Seen];
    expect(request.url).toBe('/cloudtrail/eu-west-1/');
    expect(request.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAENVIRONMENTKEY01\/\d{8}\/eu-west-1\/cloudtrail\/aws4_request, SignedHeaders=.*x-amz-target.*, Signature=[0-9a-f]{64}$/,
    );
    expect(request.signatureValid).toBe(true);
    expect(request.headers['x-amz-security-token']).toBe('env-token');
    expect(request.headers['x-amz-target']).toBe('CloudTrail_20131101.LookupEvents');
    expect(JSON.parse(request.body)).toEqual({ MaxResults: 5 });
    expect(JSON.stringify(request.headers)).not.toContain(CONSOLE.accessKeyId);
  });

  it('never passes the access key ID to the browser in an upstream error', async () => {
    const { url } = await serve({});
    const answer = await fetch(`${url}/aws/echo-key-bucket`, {
      headers: {
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIA/20261120/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0',
      },
    });
    expect(answer.status).toBe(403);
    const text = await answer.text();
    expect(text).toContain('<Code>InvalidAccessKeyId</Code>');
    expect(seen).toHaveLength(1);
    expect(text).not.toContain('AKIAENVIRONMENTKEY01');
  });

  it('refuses a write without --allow-writes, saying which flag allows it', async () => {
    const { url } = await serve({});
    const write = cloudTrail(url).send(new CreateTrailCommand({ Name: 'nope', S3BucketName: 'bucket' }));
    await expect(write).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining('--allow-writes'),
      $metadata: { httpStatusCode: 403 },
    });
    const s3Put = await fetch(`${url}/aws/my-bucket`, {
      method: 'PUT',
      headers: {
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIA/20261120/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0',
      },
    });
    expect(s3Put.status).toBe(403);
    expect(await s3Put.text()).toMatch(
      /^(<\?xml [^>]*>\s*)?<Error><Code>AccessDeniedException<\/Code><Message>.*--allow-writes/,
    );
    const iamWrite = await fetch(`${url}/aws`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIA/20261120/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0',
      },
      body: 'Action=CreateRole&Version=2010-05-08&RoleName=x',
    });
    expect(iamWrite.status).toBe(403);
    expect(await iamWrite.text()).toContain(
      '<ErrorResponse><Error><Type>Sender</Type><Code>AccessDeniedException</Code>',
    );
    // A write dressed as a read: IAM reads the body's Action and ignores X-Amz-Target; S3 ignores Action.
    const iamSigned =
      'AWS4-HMAC-SHA256 Credential=AKIA/20261120/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0';
    const disguised = await fetch(`${url}/aws?Action=ListUsers`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        'x-amz-target': 'IAM.ListUsers',
        authorization: iamSigned,
      },
      body: 'Action=DeleteUser&Version=2010-05-08&UserName=u',
    });
    expect(disguised.status).toBe(403);
    expect(await disguised.text()).toContain('so DeleteUser was not sent');
    const s3Disguised = await fetch(`${url}/aws/my-bucket?Action=ListBuckets`, {
      method: 'DELETE',
      headers: {
        'x-amz-target': 'S3.ListBuckets',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIA/20261120/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0',
      },
    });
    expect(s3Disguised.status).toBe(403);
    expect(seen).toEqual([]);
  });

  it('forwards writes with --allow-writes, and Query-protocol reads such as STS GetCallerIdentity', async () => {
    const { url, backend } = await serve({ allowWrites: true });
    expect(backend.info.readOnly).toBe(false);
    const created = await cloudTrail(url).send(new CreateTrailCommand({ Name: 't', S3BucketName: 'bucket' }));
    expect(created.TrailARN).toBe('arn:aws:cloudtrail:eu-west-1:210987654321:trail/t');
    const identity = await fetch(`${url}/aws`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIA/20261120/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=0',
      },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    expect(identity.status).toBe(200);
    expect(seen.map((s) => [s.url, s.signatureValid])).toEqual([
      ['/cloudtrail/eu-west-1/', true],
      ['/sts/us-east-1/', true],
    ]);
    expect(seen[1]!.body).toBe('Action=GetCallerIdentity&Version=2011-06-15');
  });

  it('forwards S3 REST reads with their path and query', async () => {
    const { url } = await serve({});
    const response = await fetch(`${url}/aws/my-bucket?policy=`, {
      headers: {
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIA/20261120/us-west-2/s3/aws4_request, SignedHeaders=host, Signature=0',
      },
    });
    expect(response.status).toBe(200);
    expect(seen[0]).toMatchObject({
      method: 'GET',
      url: '/s3/us-west-2/my-bucket?policy=',
      signatureValid: true,
    });
    expect(seen[0]!.headers['x-amz-content-sha256']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers an unreachable upstream with 503 in the AWS shape', async () => {
    const { url } = await serve({
      resolveUpstream: () => ({ url: new URL('http://127.0.0.1:1/'), signingRegion: 'us-east-1' }),
    });
    await expect(cloudTrail(url).send(new LookupEventsCommand({}))).rejects.toMatchObject({
      name: 'ServiceUnavailableException',
      message: expect.stringContaining('could not reach 127.0.0.1:1'),
    });
  });
});

describe('the endpoint backend', () => {
  it('sends every service to the one endpoint URL, with placeholder credentials when none are configured', async () => {
    const saved = { ...process.env };
    for (const key of Object.keys(ENV)) delete process.env[key];
    process.env.AWS_CONFIG_FILE = join(dist, 'no-config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dist, 'no-credentials');
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
    try {
      const { url } = await serve({
        mode: 'endpoint',
        endpointUrl: `${upstreamUrl}/localstack`,
        allowWrites: true,
        resolveUpstream: undefined,
      });
      await cloudTrail(url, 'us-east-1').send(new CreateTrailCommand({ Name: 't', S3BucketName: 'bucket' }));
      expect(seen[0]!.url).toBe('/localstack/');
      expect(seen[0]!.headers.authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=test\/\d{8}\/us-east-1\/cloudtrail\//,
      );
    } finally {
      process.env = saved;
    }
  });
});

describe('what the aws backend builds its upstream from', () => {
  it('sends nothing for a scope naming a service outside the allow-list or a Region that is no Region', async () => {
    const resolved: string[] = [];
    const { url } = await serve({
      allowWrites: true,
      resolveUpstream: (service, region) => {
        resolved.push(`${service}/${region}`);
        return { url: new URL(`${upstreamUrl}/`), signingRegion: region };
      },
    });
    const scopes = [
      ['us-east-1', '127.0.0.1:4729#'],
      ['127.0.0.1:4729#', 'cloudtrail'],
      ['us-east-1', 'ec2'],
      ['us-east-1', '__proto__'],
      ['evil.example/x', 's3'],
    ];
    for (const [region, service] of scopes) {
      const response = await fetch(`${url}/aws`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'CloudTrail_20131101.DescribeTrails',
          authorization: `AWS4-HMAC-SHA256 Credential=AKIA/20261205/${region}/${service}/aws4_request, SignedHeaders=host, Signature=0`,
        },
        body: '{}',
      });
      expect(response.status).toBe(400);
      // A scope with a slash in it does not parse as a scope at all: then the request is unsigned.
      expect(await response.json()).toMatchObject(
        region!.includes('/')
          ? { __type: 'MissingAuthenticationTokenException' }
          : { __type: 'InvalidRequestException', message: expect.stringContaining('Nothing was sent.') },
      );
    }
    expect(resolved).toEqual([]);
    expect(seen).toEqual([]);
  });

  it('refuses requests from another site or origin in aws mode too, by any method, and sends nothing', async () => {
    const { url } = await serve({ allowWrites: true });
    const signed = {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'CloudTrail_20131101.LookupEvents',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIA/20261205/us-east-1/cloudtrail/aws4_request, SignedHeaders=host, Signature=0',
    };
    for (const [method, extra] of [
      ['POST', { 'sec-fetch-site': 'cross-site' }],
      ['POST', { origin: 'http://evil.example' }],
      ['GET', { 'sec-fetch-site': 'same-site' }],
      ['PUT', { origin: 'null' }],
      ['DELETE', { 'sec-fetch-site': 'cross-site' }],
    ] as const) {
      const response = await fetch(`${url}/aws`, {
        method,
        headers: { ...signed, ...extra },
        body: method === 'GET' ? undefined : '{}',
      });
      expect(response.status, `${method} ${JSON.stringify(extra)}`).toBe(403);
    }
    expect(seen).toEqual([]);
  });

  it('never forwards a write sent by GET, even with --allow-writes', async () => {
    const { url } = await serve({ allowWrites: true });
    const credential = encodeURIComponent('AKIA/20261205/us-east-1/iam/aws4_request');
    const response = await fetch(
      `${url}/aws?Action=CreateUser&UserName=x&Version=2010-05-08&X-Amz-Credential=${credential}`,
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/<Code>InvalidHttpRequest<\/Code>/);
    expect(seen).toEqual([]);
  });

  it('builds AWS host names only from allow-listed services and Region names', async () => {
    const { awsUpstream } = await import('./upstream');
    expect(awsUpstream('cloudtrail', 'eu-west-1').url.host).toBe('cloudtrail.eu-west-1.amazonaws.com');
    expect(awsUpstream('iam', 'us-east-1').url.host).toBe('iam.amazonaws.com');
    expect(awsUpstream('s3', 'cn-north-1').url.host).toBe('s3.cn-north-1.amazonaws.com.cn');
    expect(() => awsUpstream('cloudtrail', 'us-east-1.evil.example#')).toThrow(/not an AWS Region/);
    expect(() => awsUpstream('127.0.0.1:4729#', 'us-east-1')).toThrow(/forwards only/);
  });
});
