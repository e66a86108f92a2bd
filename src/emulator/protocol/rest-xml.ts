// AWS REST-XML protocol as S3 speaks it (smithy aws.protocols#restXml): the operation is the method, path
// and query; bodies are XML in the S3 namespace; errors are
// `<Error><Code/><Message/><BucketName/><RequestId/><HostId/></Error>` with the error's HTTP status, and no
// body at all for HEAD. Requests are path-style under the endpoint path: `/aws/<bucket>?policy`.
import type { ServiceError } from '../errors';
import type { DecodedCall, ProtocolCodec } from './codec';
import { escapeXml, XML_DECLARATION } from './xml';

export const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** What an S3 operation answers: the body is complete (XML document, the policy JSON, object bytes). */
export interface RestXmlResult {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** The path below the endpoint: everything up to and including the first `/aws` segment is removed. */
export function pathBelowEndpoint(pathname: string): string {
  const match = /\/aws(?=\/|$)/.exec(pathname);
  return match ? pathname.slice(match.index + match[0].length) : pathname;
}

/** S3 request ids are 16 upper-case hex digits; x-amz-id-2 is an opaque base64 host id. */
function s3RequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return [...bytes]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

function hostId(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(48))));
}

export function restXmlCodec(
  route: (request: Request, url: URL) => Promise<DecodedCall>,
  unknownOperation: (operation: string) => ServiceError,
): ProtocolCodec {
  return {
    decode: route,
    encode(_operation, output, requestId, request) {
      const head = request.method === 'HEAD';
      const result = (output ?? {}) as RestXmlResult;
      const headers: Record<string, string> = {
        'x-amz-request-id': requestId,
        'x-amz-id-2': hostId(),
        ...result.headers,
      };
      if (result.body !== undefined && !headers['content-type']) headers['content-type'] = 'application/xml';
      return new Response(head ? null : ((result.body as BodyInit | undefined) ?? null), {
        status: result.status ?? 200,
        headers,
      });
    },
    encodeError(error, requestId, _call, request) {
      const head = request.method === 'HEAD';
      const id = hostId();
      const headers = { 'content-type': 'application/xml', 'x-amz-request-id': requestId, 'x-amz-id-2': id };
      if (head) return new Response(null, { status: error.status, headers });
      const details = Object.entries(error.details ?? {})
        .map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
        .join('');
      const body =
        `${XML_DECLARATION}\n<Error><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message>` +
        `${details}<RequestId>${requestId}</RequestId><HostId>${escapeXml(id)}</HostId></Error>`;
      return new Response(body, { status: error.status, headers });
    },
    newRequestId: s3RequestId,
    unknownOperation,
  };
}
