// @vitest-environment node
// The holes a foreign web page or a hand-made request could use on the running local server, each
// tried as an attacker would (docs/security.md): writes by cross-site GET or by any method from another
// origin, prototype pollution through Query keys and SigV4 scopes, malformed paths, Host headers and
// methods, unbounded nesting — each must be refused with a 4xx in the AWS shape, leaving state unchanged.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '@/test/local-server';
import type { RunningServer } from '../main';

let running: TestServer;
let server: RunningServer;

beforeAll(async () => {
  running = await startTestServer('attacks');
  server = running.server;
});
afterAll(async () => {
  await running.stop();
});

const sign = (service: string, region = 'us-east-1') =>
  `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261205/${region}/${service}/aws4_request, SignedHeaders=host, Signature=0`;
const form = 'application/x-www-form-urlencoded; charset=utf-8';
const cloudTrail = (operation: string) => ({
  'content-type': 'application/x-amz-json-1.1',
  'x-amz-target': `CloudTrail_20131101.${operation}`,
  authorization: sign('cloudtrail'),
});

async function listTopics(): Promise<string> {
  const response = await fetch(`${server.url}/aws`, {
    method: 'POST',
    headers: { 'content-type': form, authorization: sign('sns') },
    body: 'Action=ListTopics&Version=2010-03-31',
  });
  expect(response.status).toBe(200);
  return response.text();
}

async function trailNames(): Promise<string[]> {
  const response = await fetch(`${server.url}/aws`, {
    method: 'POST',
    headers: cloudTrail('DescribeTrails'),
    body: '{}',
  });
  const body = (await response.json()) as { trailList: { Name: string }[] };
  return body.trailList.map((trail) => trail.Name);
}

/** One raw HTTP/1.1 exchange, for what fetch will not send (a Host of our choosing, TRACE). */
function raw(requestText: string): Promise<{ status: number; text: string }> {
  const port = Number(new URL(server.url).port);
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(requestText));
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }));
    socket.on('error', reject);
  });
}

const expectXmlError = (text: string, code: string) =>
  expect(text).toMatch(new RegExp(`<Code>${code}</Code>`));

describe('writes from another site', () => {
  it('refuses Query-protocol writes sent by GET, as an <img> would send them, and creates nothing', async () => {
    for (const url of [
      '/aws?Action=CreateTopic&Name=fromimg&Version=2010-03-31',
      `/aws?Action=CreateTopic&Name=fromimg&Version=2010-03-31&X-Amz-Credential=${encodeURIComponent('AKIA/20261205/us-east-1/sns/aws4_request')}`,
      `/aws?Action=CreateRole&RoleName=fromimg&AssumeRolePolicyDocument=%7B%7D&Version=2010-05-08&X-Amz-Credential=${encodeURIComponent('AKIA/20261205/us-east-1/iam/aws4_request')}`,
    ]) {
      const response = await fetch(`${server.url}${url}`);
      expect(response.status).toBe(400);
      const text = await response.text();
      expect(text).toMatch(/^<ErrorResponse[ >]/);
      expectXmlError(text, 'InvalidHttpRequest');
      expect(text).toContain('POST');
    }
    expect(await listTopics()).not.toContain('fromimg');
    // A read by GET is still served.
    const read = await fetch(`${server.url}/aws?Action=ListTopics&Version=2010-03-31`);
    expect(read.status).toBe(200);
  });

  it.each(['GET', 'POST', 'PUT', 'DELETE'])(
    'refuses %s API requests a browser marks as sent by another site, or same-site from another port',
    async (method) => {
      for (const site of ['cross-site', 'same-site']) {
        const response = await fetch(`${server.url}/aws/some-bucket`, {
          method,
          headers: { 'sec-fetch-site': site, authorization: sign('s3') },
        });
        expect(response.status).toBe(403);
        expectXmlError(await response.text(), 'AccessDeniedException');
      }
    },
  );

  it('answers the investigation and notification routes only at their own paths, never behind a prefix that skips the cross-site check', async () => {
    for (const path of ['/trailview/detections', '/trailview/sessions/abc', '/trailview/sns-notifications']) {
      const refused = await fetch(`${server.url}${path}`, { headers: { 'sec-fetch-site': 'cross-site' } });
      expect(refused.status).toBe(403);
      const prefixed = await fetch(`${server.url}/x${path}`, { headers: { 'sec-fetch-site': 'cross-site' } });
      // No route's JSON there: the console's page at most, as for any other path.
      expect(prefixed.headers.get('content-type') ?? '').not.toContain('json');
    }
  });

  it('refuses writes whose Origin is not the console, by any method and protocol', async () => {
    const evil = { origin: 'http://evil.example' };
    const attempts = [
      fetch(`${server.url}/aws`, {
        method: 'POST',
        headers: { ...cloudTrail('CreateTrail'), ...evil },
        body: JSON.stringify({ Name: 'evil', S3BucketName: 'b' }),
      }),
      fetch(`${server.url}/aws`, {
        method: 'POST',
        headers: { 'content-type': form, ...evil },
        body: 'Action=CreateTopic&Name=evil&Version=2010-03-31',
      }),
      fetch(`${server.url}/aws/evil-bucket`, {
        method: 'PUT',
        headers: { authorization: sign('s3'), ...evil },
      }),
      fetch(`${server.url}/aws/evil-bucket`, {
        method: 'DELETE',
        headers: { authorization: sign('s3'), ...evil },
      }),
      fetch(`${server.url}/trailview/import?file=x.json`, { method: 'POST', headers: evil, body: '{}' }),
      fetch(`${server.url}/aws`, {
        method: 'POST',
        headers: { ...cloudTrail('CreateTrail'), origin: 'null' },
        body: JSON.stringify({ Name: 'sandboxed', S3BucketName: 'b' }),
      }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(403);
    expect(await trailNames()).toEqual([]);
    expect(await listTopics()).not.toContain('evil');
  });

  it('serves the console itself, the AWS CLI and SDKs (no Origin, no Sec-Fetch-Site)', async () => {
    const own = await fetch(`${server.url}/aws`, {
      method: 'POST',
      headers: {
        'content-type': form,
        authorization: sign('sns'),
        origin: server.url,
        'sec-fetch-site': 'same-origin',
      },
      body: 'Action=CreateTopic&Name=mine&Version=2010-03-31',
    });
    expect(own.status).toBe(200);
    expect(await listTopics()).toContain(':mine<');
  });
});

describe('input that must not steer the server', () => {
  it('keeps Object.prototype untouched by dotted Query keys and answers later calls as before', async () => {
    for (const key of [
      '__proto__.MaxResults',
      'constructor.prototype.MaxResults',
      'Attributes.entry.1.key',
    ]) {
      const value = key.startsWith('Attributes') ? '__proto__' : '0';
      await fetch(`${server.url}/aws?Action=ListTopics&Version=2010-03-31&${key}=${value}`);
      await fetch(`${server.url}/aws`, {
        method: 'POST',
        headers: { 'content-type': form, authorization: sign('sns') },
        body: `Action=ListTopics&Version=2010-03-31&${key}=${value}`,
      });
    }
    expect(Object.prototype).not.toHaveProperty('MaxResults');
    expect(({} as Record<string, unknown>).MaxResults).toBeUndefined();
    const lookup = await fetch(`${server.url}/aws`, {
      method: 'POST',
      headers: cloudTrail('LookupEvents'),
      body: '{}',
    });
    expect(lookup.status).toBe(200);
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'answers a signature scope naming the service %s as an unknown service, not a 500',
    async (service) => {
      const response = await fetch(`${server.url}/aws`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'X.Y',
          authorization: sign(service),
        },
        body: '{}',
      });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ __type: 'UnknownOperationException' });
    },
  );

  it('refuses a signature scope whose Region is not a Region name', async () => {
    const response = await fetch(`${server.url}/aws`, {
      method: 'POST',
      headers: { ...cloudTrail('DescribeTrails'), authorization: sign('cloudtrail', '127.0.0.1:4729#') },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ __type: 'InvalidSignatureException' });
  });

  it('refuses 2,000 dotted Query keys and 100 levels of nesting in the Query shape', async () => {
    const many = Array.from({ length: 2_000 }, (_, i) => `Tags.member.${i + 1}.Key=k`).join('&');
    const wide = await fetch(`${server.url}/aws`, {
      method: 'POST',
      headers: { 'content-type': form, authorization: sign('sns') },
      body: `Action=ListTopics&Version=2010-03-31&${many}`,
    });
    expect(wide.status).toBe(400);
    expectXmlError(await wide.text(), 'InvalidQueryParameter');
    const deep = await fetch(`${server.url}/aws`, {
      method: 'POST',
      headers: { 'content-type': form, authorization: sign('sns') },
      body: `Action=ListTopics&Version=2010-03-31&${Array.from({ length: 100 }, () => 'a').join('.')}=1`,
    });
    expect(deep.status).toBe(400);
    expectXmlError(await deep.text(), 'InvalidQueryParameter');
  });

  it('refuses deeply nested JSON with SerializationException before parsing it', async () => {
    const response = await fetch(`${server.url}/aws`, {
      method: 'POST',
      headers: cloudTrail('LookupEvents'),
      body: `{"LookupAttributes":${'['.repeat(5_000)}${']'.repeat(5_000)}}`,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ __type: 'SerializationException' });
  });
});

describe('malformed requests answered in their protocol shape', () => {
  it('answers a malformed % escape in an S3 path with InvalidURI', async () => {
    const response = await fetch(`${server.url}/aws/%zz`, { headers: { authorization: sign('s3') } });
    expect(response.status).toBe(400);
    expectXmlError(await response.text(), 'InvalidURI');
  });

  it('answers an unsigned Query request with an unknown Action in XML', async () => {
    const response = await fetch(`${server.url}/aws`, {
      method: 'POST',
      headers: { 'content-type': form },
      body: 'Action=NoSuchThing&Version=2010-03-31',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(
      /^<ErrorResponse><Error><Type>Sender<\/Type><Code>InvalidAction<\/Code>/,
    );
  });

  it('answers an X-Amz-Target without a dot in JSON', async () => {
    const response = await fetch(`${server.url}/aws`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'nodot' },
      body: '{}',
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ __type: 'UnknownOperationException' });
  });

  it('answers services it does not emulate in their own protocol (EC2, a Query service, S3-like REST)', async () => {
    const ec2 = await fetch(`${server.url}/aws`, {
      method: 'POST',
      headers: { 'content-type': form, authorization: sign('ec2') },
      body: 'Action=DescribeRegions&Version=2016-11-15',
    });
    expect(ec2.status).toBe(400);
    expect(await ec2.text()).toMatch(/<Response><Errors><Error><Code>InvalidAction<\/Code>/);
    const rds = await fetch(`${server.url}/aws`, {
      method: 'POST',
      headers: { 'content-type': form, authorization: sign('rds') },
      body: 'Action=DescribeDBInstances&Version=2014-10-31',
    });
    expect(await rds.text()).toMatch(/^<ErrorResponse><Error><Type>Sender<\/Type><Code>InvalidAction/);
    const lambda = await fetch(`${server.url}/aws/2015-03-31/functions`, {
      headers: { authorization: sign('lambda') },
    });
    expect(lambda.status).toBe(404);
    expect(await lambda.json()).toMatchObject({ __type: 'UnknownOperationException' });
  });

  it.each([
    ['an empty port', '127.0.0.1:'],
    ['a port past 65535', '127.0.0.1:99999'],
    ['a port of 0', '127.0.0.1:0'],
    ['a path in it', '127.0.0.1/x'],
  ])('answers a Host header with %s with 400', async (_name, host) => {
    const { status, text } = await raw(
      `GET /aws?Action=ListTopics HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
    );
    expect(status).toBe(400);
    expect(text).toContain('<Code>InvalidHostHeader</Code>');
  });

  it('answers TRACE and other methods no AWS protocol uses with 405 in the AWS shape', async () => {
    for (const method of ['TRACE', 'PATCH', 'PROPFIND']) {
      const { status, text } = await raw(
        `${method} /aws HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
      );
      expect(status).toBe(405);
      expect(text).toContain('<Code>MethodNotAllowed</Code>');
    }
  });

  it('answers an /aws path whose dot segments climb out of the endpoint with InvalidURI', async () => {
    const { status, text } = await raw(
      `POST /aws/a/../../etc/passwd HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${sign('s3')}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
    );
    expect(status).toBe(400);
    expect(text).toContain('<Code>InvalidURI</Code>');
  });

  it('answers a request target that is not a path with 400', async () => {
    const { status, text } = await raw(
      `GET http://evil.example/aws HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
    );
    expect(status).toBe(400);
    expect(text).toContain('<Code>InvalidURI</Code>');
  });
});
