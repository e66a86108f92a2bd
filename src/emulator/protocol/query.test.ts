// @vitest-environment node
// The Query protocol codec: flattened members in, XML out, as botocore and the JS SDK send and read them.
import { describe, expect, it } from 'vitest';
import { TEST_ACCOUNT } from '@/test/records';
import { createEmulator } from '../handler';
import { createAccountState } from '../state';
import { MemoryEventStore } from '../store/memory-event-store';
import { parseQueryParameters, queryCodec } from './query';
import { ServiceError } from '../errors';

describe('Query protocol', () => {
  it('parses lists (member.N), maps (entry.N.key/value) and nested structures in index order', () => {
    const params = new URLSearchParams(
      'Action=CreateTopic&Version=2010-03-31&Name=t&Attributes.entry.2.key=DisplayName&Attributes.entry.2.value=Ops' +
        '&Attributes.entry.1.key=Policy&Attributes.entry.1.value=%7B%7D&Tags.member.10.Key=j&Tags.member.10.Value=10' +
        '&Tags.member.2.Key=b&Tags.member.2.Value=2&Tags.member.1.Key=a&Tags.member.1.Value=1&Nested.Inner.Deep=x',
    );
    expect(parseQueryParameters(params)).toEqual({
      action: 'CreateTopic',
      version: '2010-03-31',
      input: {
        Name: 't',
        Attributes: { Policy: '{}', DisplayName: 'Ops' },
        Tags: [
          { Key: 'a', Value: '1' },
          { Key: 'b', Value: '2' },
          { Key: 'j', Value: '10' },
        ],
        Nested: { Inner: { Deep: 'x' } },
      },
    });
  });

  it('writes a result wrapped in <OpResponse><OpResult>, lists as <member>, text escaped', () => {
    const codec = queryCodec('http://sns.amazonaws.com/doc/2010-03-31/');
    const response = codec.encode(
      'ListTopics',
      { Topics: [{ TopicArn: 'arn:a&b<c>' }], NextToken: '"x\'' },
      'req-1',
      new Request('http://x/aws', { method: 'POST' }),
    );
    return response
      .text()
      .then((xml) =>
        expect(xml).toBe(
          '<ListTopicsResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><ListTopicsResult><Topics><member>' +
            '<TopicArn>arn:a&amp;b&lt;c&gt;</TopicArn></member></Topics><NextToken>&quot;x&apos;</NextToken></ListTopicsResult>' +
            '<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></ListTopicsResponse>',
        ),
      );
  });

  it('writes errors as <ErrorResponse> with Type, Code and Message', async () => {
    const codec = queryCodec('https://iam.amazonaws.com/doc/2010-05-08/');
    const response = codec.encodeError(
      new ServiceError('NoSuchEntity', 'The role with name <x> cannot be found.', 404),
      'req-2',
      undefined,
      new Request('http://x/aws', { method: 'POST' }),
    );
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/xml');
    expect(await response.text()).toBe(
      '<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>NoSuchEntity</Code>' +
        '<Message>The role with name &lt;x&gt; cannot be found.</Message></Error><RequestId>req-2</RequestId></ErrorResponse>',
    );
  });

  it('answers a botocore-style form request and routes unsigned requests by their Action', async () => {
    const handle = createEmulator({ store: new MemoryEventStore(), state: createAccountState(TEST_ACCOUNT) });
    const form = (body: string, authorization?: string) =>
      new Request('http://127.0.0.1:4000/aws', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
          ...(authorization && { authorization }),
        },
        body,
      });
    const signed =
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261120/us-east-1/sns/aws4_request, SignedHeaders=host, Signature=x';
    const created = await handle(form('Action=CreateTopic&Version=2010-03-31&Name=cli-topic', signed));
    expect(created.status).toBe(200);
    expect(await created.text()).toContain(
      `<TopicArn>arn:aws:sns:us-east-1:${TEST_ACCOUNT}:cli-topic</TopicArn>`,
    );
    const listed = await handle(form('Action=ListRoles&Version=2010-05-08'));
    expect(await listed.text()).toMatch(
      /^<ListRolesResponse xmlns="https:\/\/iam.amazonaws.com\/doc\/2010-05-08\/"><ListRolesResult><Roles><\/Roles><IsTruncated>false<\/IsTruncated>/,
    );
    const unknown = await handle(form('Action=DeleteTopic&Version=2010-03-31', signed));
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('<Code>InvalidAction</Code>');
  });
});
