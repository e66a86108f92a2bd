// LookupEvents NextToken: the cursor plus a hash of the parameters it came from, so a token reused with
// other parameters is refused with InvalidNextTokenException (API_LookupEvents.html).
import { ServiceError } from '../../errors';
import type { Cursor } from '../../store/event-store';

function hash(text: string): string {
  // FNV-1a, 32 bit: enough to tell parameter sets apart; the token is not a security boundary.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

function toBase64Url(text: string): string {
  return btoa(text).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '');
}

function fromBase64Url(token: string): string {
  return atob(token.replaceAll('-', '+').replaceAll('_', '/'));
}

export function encodeNextToken(cursor: Cursor, binding: string): string {
  return toBase64Url(JSON.stringify({ h: hash(binding), t: cursor.time, i: cursor.id }));
}

export function decodeNextToken(token: string, binding: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(token));
  } catch {
    throw new ServiceError('InvalidNextTokenException', 'Invalid NextToken.');
  }
  const { h, t, i } = (parsed ?? {}) as { h?: unknown; t?: unknown; i?: unknown };
  if (typeof h !== 'string' || typeof t !== 'number' || typeof i !== 'string') {
    throw new ServiceError('InvalidNextTokenException', 'Invalid NextToken.');
  }
  if (h !== hash(binding)) {
    throw new ServiceError(
      'InvalidNextTokenException',
      'The NextToken was issued for a request with different parameters. Use the same parameters, or start again without a NextToken.',
    );
  }
  return { time: t, id: i };
}
