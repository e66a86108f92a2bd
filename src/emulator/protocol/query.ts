// AWS Query protocol (SNS 2010-03-31, IAM 2010-05-08): a form-urlencoded `Action=…&Version=…` request
// whose structured members are flattened (`Tags.member.1.Key`, `Attributes.entry.1.key`), answered with
// `<OpResponse xmlns><OpResult>…</OpResult><ResponseMetadata><RequestId/></ResponseMetadata></OpResponse>`
// and errors as `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`
// (smithy aws.protocols#awsQuery).
import { ServiceError } from '../errors';
import type { DecodedCall, ProtocolCodec } from './codec';
import { escapeXml, toXml, type XmlValue } from './xml';

export const QUERY_CONTENT_TYPE = 'application/x-www-form-urlencoded';

type Tree = { [key: string]: Tree | string };

function isIndex(segment: string | undefined): boolean {
  return segment !== undefined && /^[1-9]\d*$/.test(segment);
}

/** Lists (`member.N`) become arrays in index order; maps (`entry.N.key/value`) become records. */
function finish(node: Tree | string): unknown {
  if (typeof node === 'string') return node;
  const keys = Object.keys(node);
  if (keys.length === 1 && keys[0] === 'member' && typeof node.member === 'object') {
    const items = node.member;
    return Object.keys(items)
      .filter(isIndex)
      .sort((a, b) => Number(a) - Number(b))
      .map((k) => finish(items[k]!));
  }
  if (keys.length === 1 && keys[0] === 'entry' && typeof node.entry === 'object') {
    const entries = node.entry;
    const map: Record<string, unknown> = {};
    for (const k of Object.keys(entries)
      .filter(isIndex)
      .sort((a, b) => Number(a) - Number(b))) {
      const entry = entries[k];
      if (typeof entry === 'object' && typeof entry.key === 'string')
        map[entry.key] = finish(entry.value ?? '');
    }
    return map;
  }
  return Object.fromEntries(keys.map((k) => [k, finish(node[k]!)]));
}

/** Request members from the form parameters (the signing parameters of a presigned URL excluded). */
export function parseQueryParameters(params: URLSearchParams): {
  action?: string;
  version?: string;
  input: Record<string, unknown>;
} {
  const root: Tree = {};
  let action: string | undefined;
  let version: string | undefined;
  for (const [key, value] of params) {
    if (key === 'Action') action = value;
    else if (key === 'Version') version = value;
    else if (!key.startsWith('X-Amz-') && key !== '') {
      const segments = key.split('.');
      let node = root;
      segments.forEach((segment, i) => {
        if (i === segments.length - 1) {
          node[segment] = value;
          return;
        }
        const next = node[segment];
        node = typeof next === 'object' ? next : (node[segment] = {});
      });
    }
  }
  return { action, version, input: finish(root) as Record<string, unknown> };
}

export async function decodeQueryRequest(request: Request, url: URL): Promise<DecodedCall> {
  const params = new URLSearchParams(url.search);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    for (const [key, value] of new URLSearchParams(await request.text())) params.append(key, value);
  }
  const { action, input } = parseQueryParameters(params);
  if (!action) throw new ServiceError('MissingAction', 'The request must contain the parameter Action.');
  return { operation: action, input };
}

export function queryCodec(namespace: string): ProtocolCodec {
  const xml = (body: string, status: number, requestId: string) =>
    new Response(body, { status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId } });
  return {
    decode: decodeQueryRequest,
    encode(operation, output, requestId) {
      const result =
        output === undefined || output === null ? '' : toXml(`${operation}Result`, output as XmlValue);
      const metadata = `<ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata>`;
      return xml(
        `<${operation}Response xmlns="${namespace}">${result}${metadata}</${operation}Response>`,
        200,
        requestId,
      );
    },
    encodeError(error, requestId) {
      const type = error.status >= 500 ? 'Receiver' : 'Sender';
      const body =
        `<ErrorResponse xmlns="${namespace}"><Error><Type>${type}</Type><Code>${escapeXml(error.code)}</Code>` +
        `<Message>${escapeXml(error.message)}</Message></Error><RequestId>${escapeXml(requestId)}</RequestId></ErrorResponse>`;
      return xml(body, error.status, requestId);
    },
    // Common errors (e.g. IAM CommonErrors.html): "The action or operation requested is invalid."
    unknownOperation: (operation) =>
      new ServiceError(
        'InvalidAction',
        `The action or operation requested is invalid. Verify that the action is typed correctly: ${operation}.`,
      ),
  };
}
