// The error shape a request expects when nothing more specific answers it: a request the emulator cannot
// route (an unknown Action or target, a service it does not emulate) or one the server refuses before any
// service sees it (a foreign origin, a body too large, a method no AWS protocol uses). SDKs and the CLI
// parse errors by their service's protocol, so each gets its own:
//   JSON 1.0/1.1 (X-Amz-Target)  {"__type", "message"} and x-amzn-errortype
//   REST-JSON (Lambda, API GW…)   the same body, application/json
//   Query (IAM, STS, SNS…)       <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>
//   EC2                          <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>
//   REST-XML (S3, Route 53, CloudFront)  <Error><Code/><Message/><RequestId/></Error>
// (smithy aws.protocols: awsJson1_0/1_1, restJson1, awsQuery, ec2Query, restXml).
import { escapeXml } from './xml';

export type WireProtocol = 'json' | 'rest-json' | 'query' | 'ec2' | 'rest-xml';

/** Signing names of services that speak the Query protocol (their SDK models say awsQuery). */
const QUERY_SERVICES: ReadonlySet<string> = new Set([
  'autoscaling',
  'cloudformation',
  'cloudsearch',
  'elasticache',
  'elasticbeanstalk',
  'elasticloadbalancing',
  'email',
  'iam',
  'monitoring',
  'rds',
  'redshift',
  'sdb',
  'sns',
  'sts',
]);

/** Signing names of services that speak REST-XML. */
const REST_XML_SERVICES: ReadonlySet<string> = new Set(['s3', 'route53', 'cloudfront']);

export interface RequestShape {
  method: string;
  headers: Headers;
  url: URL;
  /** The SigV4 scope's service, when the request is signed. */
  service?: string;
}

/** The protocol a request speaks, from its service when known and otherwise from its own shape. */
export function wireProtocolOf({ headers, url, service }: RequestShape): WireProtocol {
  if (headers.has('x-amz-target')) return 'json';
  if (service === 'ec2') return 'ec2';
  const contentType = headers.get('content-type') ?? '';
  if (
    (service !== undefined && QUERY_SERVICES.has(service)) ||
    contentType.startsWith('application/x-www-form-urlencoded') ||
    url.searchParams.has('Action')
  )
    return 'query';
  if (service === undefined || REST_XML_SERVICES.has(service)) {
    // Unsigned and shapeless: JSON bodies are the JSON protocols, everything else is S3's REST-XML.
    return contentType.includes('json') ? 'rest-json' : 'rest-xml';
  }
  return 'rest-json';
}

export interface RenderedError {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** An error in a protocol's shape; HEAD requests get no body, as from AWS. */
export function renderError(
  protocol: WireProtocol,
  error: { code: string; message: string; status: number },
  requestId: string,
  method = 'POST',
): RenderedError {
  const { code, message, status } = error;
  if (protocol === 'json' || protocol === 'rest-json') {
    return {
      status,
      headers: {
        'content-type': protocol === 'json' ? 'application/x-amz-json-1.1' : 'application/json',
        'x-amzn-requestid': requestId,
        'x-amzn-errortype': code,
      },
      body: JSON.stringify({ __type: code, message }),
    };
  }
  const inner = `<Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message>`;
  const id = escapeXml(requestId);
  const body =
    protocol === 'query'
      ? `<ErrorResponse><Error><Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type>${inner}</Error><RequestId>${id}</RequestId></ErrorResponse>`
      : protocol === 'ec2'
        ? `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error>${inner}</Error></Errors><RequestID>${id}</RequestID></Response>`
        : `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${inner}<RequestId>${id}</RequestId></Error>`;
  const headers: Record<string, string> = { 'content-type': 'text/xml', 'x-amzn-requestid': requestId };
  if (protocol === 'rest-xml') headers['x-amz-request-id'] = requestId;
  return { status, headers, body: method === 'HEAD' ? '' : body };
}

/** What a service the emulator does not have answers, in that service's own protocol. */
export function unemulatedServiceError(protocol: WireProtocol, service: string | undefined) {
  const what = service
    ? `Trailview does not emulate the service ${service}.`
    : 'The request names no AWS service Trailview emulates.';
  switch (protocol) {
    case 'rest-xml':
      return { code: 'NotImplemented', message: what, status: 501 };
    case 'query':
    case 'ec2':
      return { code: 'InvalidAction', message: what, status: 400 };
    default:
      return { code: 'UnknownOperationException', message: what, status: 404 };
  }
}
