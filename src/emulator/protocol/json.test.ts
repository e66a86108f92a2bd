// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../handler';
import { createAccountState } from '../state';
import { MemoryEventStore } from '../store/memory-event-store';
import { encodeJson, parseTarget, readTimestamp } from './json';

const SCOPE =
  'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261121/us-east-1/cloudtrail/aws4_request, Signature=x';

function post(target: string | undefined, body: string, authorization: string | undefined = SCOPE) {
  const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.1' };
  if (target) headers['x-amz-target'] = target;
  if (authorization) headers.authorization = authorization;
  return new Request('http://emulator.test/aws', { method: 'POST', headers, body });
}

describe('JSON 1.1 codec', () => {
  const handle = createEmulator({ store: new MemoryEventStore(), state: createAccountState('111122223333') });

  it.each([
    ['CloudTrail_20131101.LookupEvents', { prefix: 'CloudTrail_20131101', operation: 'LookupEvents' }],
    [
      'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents',
      { prefix: 'CloudTrail_20131101', operation: 'LookupEvents' },
    ],
    ['LookupEvents', undefined],
    ['', undefined],
  ])('parses the target %j', (target, expected) => {
    expect(parseTarget(target)).toEqual(expected);
  });

  it.each([
    ['the short target the JS SDK sends', 'CloudTrail_20131101.ListTrails'],
    ['the long target botocore sends', 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.ListTrails'],
  ])('answers %s', async (_label, target) => {
    const response = await handle(post(target, '{}'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(await response.json()).toEqual({ Trails: [] });
  });

  it.each([
    ['a body that is not JSON', 'CloudTrail_20131101.ListTrails', '{not json', 'SerializationException'],
    [
      'a JSON body that is not an object',
      'CloudTrail_20131101.ListTrails',
      '[1,2]',
      'SerializationException',
    ],
    ['an unknown operation', 'CloudTrail_20131101.MakeCoffee', '{}', 'UnknownOperationException'],
    ['an inherited property name', 'CloudTrail_20131101.constructor', '{}', 'UnknownOperationException'],
    ['another service prefix', 'TrentService.ListKeys', '{}', 'UnknownOperationException'],
    ['no target at all', undefined, '{}', 'UnknownOperationException'],
  ])('rejects %s with %s in the AWS error shape', async (_label, target, body, type) => {
    const response = await handle(post(target, body));
    // CommonErrors: UnknownOperationException is a 404, the rest of these 400s.
    expect(response.status).toBe(type === 'UnknownOperationException' ? 404 : 400);
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    const json = (await response.json()) as { __type: string; message: string };
    expect(json.__type).toBe(type);
    expect(json.message).toEqual(expect.any(String));
    expect(json.message.length).toBeGreaterThan(0);
  });

  it('rejects a service it does not emulate', async () => {
    const auth = SCOPE.replace('/cloudtrail/', '/lightsail/');
    const response = await handle(post('Lightsail_20161128.GetInstances', '{}', auth));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ __type: 'UnknownOperationException' });
  });

  it('routes an unsigned request by its target prefix', async () => {
    const response = await handle(post('CloudTrail_20131101.ListTrails', '{}', undefined));
    expect(response.status).toBe(200);
  });

  it('writes Dates as epoch seconds and reads seconds, numeric strings and ISO strings', () => {
    expect(encodeJson({ At: new Date(1_763_683_200_500), Nested: [{ T: new Date(0) }] })).toBe(
      '{"At":1763683200.5,"Nested":[{"T":0}]}',
    );
    // Keys from event data stay keys, undefined members are left out, strings are escaped.
    const data = JSON.parse('{"__proto__":{"x":1},"s":"a\\"b","n":null}') as unknown;
    expect(encodeJson({ Data: data, Gone: undefined })).toBe(
      '{"Data":{"__proto__":{"x":1},"s":"a\\"b","n":null}}',
    );
    expect(readTimestamp(1_763_683_200.5, 'StartTime')).toBe(1_763_683_200_500);
    expect(readTimestamp('1763683200', 'StartTime')).toBe(1_763_683_200_000);
    expect(readTimestamp('2025-11-21T00:00:00Z', 'StartTime')).toBe(1_763_683_200_000);
    expect(readTimestamp(undefined, 'StartTime')).toBeUndefined();
    expect(() => readTimestamp('yesterday', 'StartTime')).toThrow(/StartTime/);
  });
});
