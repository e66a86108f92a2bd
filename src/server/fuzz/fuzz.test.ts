// @vitest-environment node
// Fuzzing the running local server (request-fuzzer.ts): a few thousand seeded requests in `npm test`,
// 10,000 with `npm run fuzz` (FUZZ_REQUESTS, FUZZ_SEED). Every answer must be below 500 (S3's own
// 501 NotImplemented aside), every error in an AWS shape without a stack or a path, Object.prototype
// unchanged, and the server still answering afterwards.
import { Agent, request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '@/test/local-server';
import type { RunningServer } from '../main';
import { fuzzRequest, type FuzzRequest } from './request-fuzzer';

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 2_500);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_205);

let running: TestServer;
let server: RunningServer;
const agent = new Agent({ keepAlive: true, maxSockets: 8 });

beforeAll(async () => {
  running = await startTestServer('fuzz');
  server = running.server;
});
afterAll(async () => {
  agent.destroy();
  await running.stop();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends one request as given (Host and method included); undefined when Node refuses to send it. */
function send(request: FuzzRequest): Promise<Answer | undefined> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    let outgoing;
    try {
      outgoing = httpRequest({
        agent,
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.path,
        headers: { host: url.host, ...request.headers },
      });
    } catch {
      return resolve(undefined); // a header value or path Node will not put on the wire
    }
    outgoing.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
      response.on('error', reject);
    });
    // A response the client cannot parse is a failure of the server's, reported like a wrong answer.
    outgoing.on('error', (error) =>
      resolve({ status: -1, headers: {}, body: `client error: ${error.message}` }),
    );
    outgoing.end(request.body);
  });
}

const XML_ERROR =
  /^(<\?xml[^>]*>\s*)?(<Error>(.|\n)*<Code>[A-Za-z.]+<\/Code>|<ErrorResponse[ >](.|\n)*<Code>[A-Za-z.]+<\/Code>|<Response><Errors><Error><Code>[A-Za-z.]+<\/Code>)/;

/** What is wrong with an answer, or undefined when it is fine. */
function problem(request: FuzzRequest, answer: Answer): string | undefined {
  const notImplemented =
    answer.status === 501 &&
    (request.method === 'HEAD' || answer.body.includes('<Code>NotImplemented</Code>'));
  if (answer.status < 0) return answer.body;
  if (answer.status >= 500 && !notImplemented) return `status ${answer.status}`;
  if (/node_modules|\.ts:\d+|\bat \S+ \(|\/tmp\//.test(answer.body)) return 'a stack or a path in the body';
  if (answer.status < 400 || request.method === 'HEAD') return undefined;
  if (XML_ERROR.test(answer.body)) return undefined;
  try {
    const json = JSON.parse(answer.body) as Record<string, unknown>;
    if (typeof json.__type === 'string' && typeof json.message === 'string') return undefined;
  } catch {
    // not JSON either
  }
  return 'an error body in no AWS shape';
}

const prototypes = () =>
  [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) =>
    Object.getOwnPropertyNames(p).sort().join(','),
  );

describe(`fuzzing the local server (${REQUESTS} requests, seed ${SEED})`, () => {
  it('answers every request below 500 in an AWS shape, keeps prototypes intact and stays up', async () => {
    const before = prototypes();
    const failures: string[] = [];
    const kinds = new Map<string, number>();
    let unsendable = 0;
    const next = { index: 0 };
    const worker = async () => {
      while (next.index < REQUESTS) {
        const index = next.index++;
        const request = await fuzzRequest(SEED, index, server.url);
        const kind = request.kind.startsWith('sdk') ? 'sdk' : request.kind;
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        const answer = await send(request);
        if (!answer) {
          unsendable++;
          continue;
        }
        const wrong = problem(request, answer);
        if (wrong && failures.length < 20)
          failures.push(
            `#${index} ${request.kind} ${request.method} ${request.path.slice(0, 120)}: ${wrong}: ${answer.status} ${JSON.stringify(answer.headers)} ${answer.body.slice(0, 300)}`,
          );
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    expect(failures).toEqual([]);
    expect(prototypes()).toEqual(before);
    // for…in over a fresh object walks the prototype chain: nothing may have been added there.
    const inherited: string[] = [];
    for (const key in {}) inherited.push(key);
    expect(inherited).toEqual([]);
    expect(unsendable).toBeLessThan(REQUESTS / 10);
    expect(kinds.get('sdk')).toBeGreaterThan(REQUESTS / 4);
    // Still up, and LookupEvents without MaxResults still works (no polluted default).
    const alive = await send({
      kind: 'check',
      method: 'POST',
      path: '/aws',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'CloudTrail_20131101.LookupEvents',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261205/us-east-1/cloudtrail/aws4_request, SignedHeaders=host, Signature=0',
      },
      body: '{}',
    });
    expect(alive?.status).toBe(200);
    console.log(
      `fuzz: ${REQUESTS} requests (seed ${SEED}), ${unsendable} not sendable; by kind:`,
      Object.fromEntries([...kinds].sort()),
    );
  }, 600_000);
});
