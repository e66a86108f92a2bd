// Which proxied requests only read. Operations are read-only by the same rule CloudTrail's readOnly
// uses in the emulator (Describe/Get/List/Head/Lookup); REST requests (S3) by their method.
import { isReadOnlyOperation } from '@/emulator/services/service';

/** The operation a request names: X-Amz-Target (JSON), or Action (Query protocol); undefined for REST. */
export function operationOf(headers: Headers, url: URL, body: Uint8Array): string | undefined {
  const target = headers.get('x-amz-target');
  if (target) return target.slice(target.lastIndexOf('.') + 1);
  const fromQuery = url.searchParams.get('Action');
  if (fromQuery) return fromQuery;
  if ((headers.get('content-type') ?? '').includes('x-www-form-urlencoded')) {
    return new URLSearchParams(Buffer.from(body).toString('utf8')).get('Action') ?? undefined;
  }
  return undefined;
}

export function isReadOnlyRequest(method: string, operation: string | undefined): boolean {
  if (operation !== undefined) return isReadOnlyOperation(operation);
  return method === 'GET' || method === 'HEAD';
}
