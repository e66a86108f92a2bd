// The aws-chunked content encoding SDKs use to stream a signed or checksummed upload
// (sigv4-streaming.html): `<hex size>[;chunk-signature=…]\r\n<bytes>\r\n` chunks, a zero-size chunk,
// then optional trailer headers (the checksum). The object is the concatenated chunk bytes.
import { ServiceError } from '../../errors';

function malformed(): ServiceError {
  return new ServiceError('IncompleteBody', 'The request body terminated unexpectedly');
}

export function decodeAwsChunked(raw: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let at = 0;
  let total = 0;
  for (;;) {
    let end = at;
    while (end + 1 < raw.length && !(raw[end] === 13 && raw[end + 1] === 10)) end++;
    if (end + 1 >= raw.length) throw malformed();
    const header = new TextDecoder().decode(raw.subarray(at, end));
    const size = parseInt(header.split(';')[0]!, 16);
    if (!Number.isInteger(size) || size < 0) throw malformed();
    at = end + 2;
    if (size === 0) break;
    if (at + size > raw.length) throw malformed();
    parts.push(raw.subarray(at, at + size));
    total += size;
    at += size + 2; // the chunk's trailing CRLF
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    body.set(part, offset);
    offset += part.length;
  }
  return body;
}
