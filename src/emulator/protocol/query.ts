// AWS Query protocol (SNS 2010-03-31, IAM 2010-05-08): a form-urlencoded `Action=…&Version=…` request
// whose structured members are flattened (`Tags.member.1.Key`, `Attributes.entry.1.key`), answered with
// `<OpResponse xmlns><OpResult>…</OpResult><ResponseMetadata><RequestId/></ResponseMetadata></OpResponse>`
// and errors as `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`
// (smithy aws.protocols#awsQuery).
import { ServiceError } from '../errors';
import type { DecodedCall, ProtocolCodec } from './codec';
import { isReadOnlyOperation } from '../services/service';
import { escapeXml, toXml, type XmlValue } from './xml';

export const QUERY_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/** A parameter tree built from request input: null-prototype, so no key (`__proto__`) can reach Object. */
type Tree = { [key: string]: Tree | string };

const tree = (): Tree => Object.create(null) as Tree;

/** Bounds on what one request may carry; beyond them the request is refused, not parsed. */
export const QUERY_LIMITS = { parameters: 1_000, depth: 32 } as const;

function malformed(message: string): ServiceError {
  return new ServiceError('InvalidQueryParameter', message);
}

function isIndex(segment: string | undefined): boolean {
  return segment !== undefined && /^[1-9]\d*$/.test(segment);
}

const byIndex = (node: Tree) =>
  Object.keys(node)
    .filter(isIndex)
    .sort((a, b) => Number(a) - Number(b));

/**
 * Lists (`member.N`) become arrays in index order; maps (`entry.N.key/value`) and structures become
 * objects whose keys are own properties (Object.fromEntries), never setters on Object.prototype.
 * Recursion is bounded by QUERY_LIMITS.depth.
 */
function finish(node: Tree | string): unknown {
  if (typeof node === 'string') return node;
  const keys = Object.keys(node);
  if (keys.length === 1 && keys[0] === 'member' && typeof node.member === 'object') {
    const items = node.member;
    return byIndex(items).map((k) => finish(items[k]!));
  }
  if (keys.length === 1 && keys[0] === 'entry' && typeof node.entry === 'object') {
    const entries = node.entry;
    return Object.fromEntries(
      byIndex(entries).flatMap((k) => {
        const entry = entries[k];
        return typeof entry === 'object' && typeof entry.key === 'string'
          ? [[entry.key, finish(entry.value ?? '')]]
          : [];
      }),
    );
  }
  return Object.fromEntries(keys.map((k) => [k, finish(node[k]!)]));
}

/**
 * Request members from the form parameters (the signing parameters of a presigned URL excluded).
 * Throws InvalidQueryParameter past QUERY_LIMITS.
 */
export function parseQueryParameters(params: URLSearchParams): {
  action?: string;
  version?: string;
  input: Record<string, unknown>;
} {
  const root = tree();
  let action: string | undefined;
  let version: string | undefined;
  let count = 0;
  for (const [key, value] of params) {
    if (++count > QUERY_LIMITS.parameters)
      throw malformed(`The request has more than ${QUERY_LIMITS.parameters} parameters.`);
    if (key === 'Action') action = value;
    else if (key === 'Version') version = value;
    else if (!key.startsWith('X-Amz-') && key !== '') {
      const segments = key.split('.');
      if (segments.length > QUERY_LIMITS.depth)
        throw malformed(`The parameter name has more than ${QUERY_LIMITS.depth} parts: ${key.slice(0, 80)}`);
      let node = root;
      for (const [i, segment] of segments.entries()) {
        if (i === segments.length - 1) {
          node[segment] = value;
          break;
        }
        const next = node[segment];
        node = typeof next === 'object' ? next : (node[segment] = tree());
      }
    }
  }
  return { action, version, input: finish(root) as Record<string, unknown> };
}

export async function decodeQueryRequest(request: Request, url: URL): Promise<DecodedCall> {
  const params = new URLSearchParams(url.search);
  const bodiless = request.method === 'GET' || request.method === 'HEAD';
  if (!bodiless) {
    for (const [key, value] of new URLSearchParams(await request.text())) params.append(key, value);
  }
  const { action, input } = parseQueryParameters(params);
  if (!action) throw new ServiceError('MissingAction', 'The request must contain the parameter Action.');
  // A GET needs no preflight and is sent by any page (an <img> is enough): only reads may come that way.
  if (bodiless && !isReadOnlyOperation(action))
    throw new ServiceError(
      'InvalidHttpRequest',
      `The action ${action.slice(0, 80)} changes state and must be sent in a POST request, not ${request.method}.`,
    );
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
