// Which proxied requests only read. Operations are read-only by the same rule CloudTrail's readOnly
// uses in the emulator (Describe/Get/List/Head/Lookup); REST requests (S3) by their method.
import { isReadOnlyOperation } from '@/emulator/services/service';

/** Services whose API is REST: the method says what a request does, whatever names it carries. */
const REST_SERVICES: ReadonlySet<string> = new Set(['s3']);

/**
 * Every operation a request could be taken to name: its X-Amz-Target (JSON protocol), and the Action of
 * its URL and of its form body (Query protocol). Services differ in which one they read (IAM, STS and SNS
 * take the body's and ignore the header), so all of them are judged, never just the first found.
 */
export function operationsOf(headers: Headers, url: URL, body: Uint8Array): string[] {
  const names: string[] = [];
  const target = headers.get('x-amz-target');
  if (target) names.push(target.slice(target.lastIndexOf('.') + 1));
  names.push(...url.searchParams.getAll('Action'));
  if ((headers.get('content-type') ?? '').includes('x-www-form-urlencoded')) {
    names.push(...new URLSearchParams(Buffer.from(body).toString('utf8')).getAll('Action'));
  }
  return names;
}

/** The first of the names that writes, or undefined when the request only reads. */
export function writeOf(method: string, service: string, operations: string[]): string | undefined {
  const byMethod = method === 'GET' || method === 'HEAD' ? undefined : method;
  if (REST_SERVICES.has(service) || operations.length === 0) return byMethod;
  return operations.find((name) => !isReadOnlyOperation(name));
}
