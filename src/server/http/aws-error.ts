// Errors the server itself raises (body too large, cross-origin write, refused write, upstream failure),
// in the wire shape of the protocol the client speaks, so SDKs and the CLI show the code and message.
import type { IncomingHttpHeaders } from 'node:http';

export interface AwsErrorBody {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const escapeXml = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );

export function awsError(
  headers: IncomingHttpHeaders | Headers,
  status: number,
  code: string,
  message: string,
): AwsErrorBody {
  const get = (name: string) =>
    headers instanceof Headers ? (headers.get(name) ?? undefined) : (headers[name] as string | undefined);
  const requestId = crypto.randomUUID();
  const contentType = get('content-type') ?? '';
  // JSON 1.0/1.1 (CloudTrail, KMS, Logs) name the operation in X-Amz-Target.
  if (get('x-amz-target') || contentType.includes('json')) {
    return {
      status,
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-requestid': requestId,
        'x-amzn-errortype': code,
      },
      body: JSON.stringify({ __type: code, message }),
    };
  }
  const error = `<Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message>`;
  // The Query protocol (IAM, SNS, STS) posts a form; REST-XML (S3) answers a bare <Error>.
  const body = contentType.includes('x-www-form-urlencoded')
    ? `<ErrorResponse><Error><Type>Sender</Type>${error}</Error><RequestId>${requestId}</RequestId></ErrorResponse>`
    : `<Error>${error}<RequestId>${requestId}</RequestId></Error>`;
  return { status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
}
