// The two DER forms of an RSA public key: PKCS #1 RSAPublicKey, which ListPublicKeys serves and the AWS CLI
// loads, and SubjectPublicKeyInfo (SPKI), the only form WebCrypto imports and exports. SPKI is
// SEQUENCE { AlgorithmIdentifier rsaEncryption NULL, BIT STRING (0 unused bits) { RSAPublicKey } }.

/** AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }. */
const RSA_ALGORITHM = [
  0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
];

function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

/** Reads one DER element at `offset`: its tag, where its content starts and how long it is. */
function derElement(der: Uint8Array, offset: number): { tag: number; start: number; length: number } {
  const tag = der[offset]!;
  let length = der[offset + 1]!;
  let start = offset + 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    length = 0;
    for (let i = 0; i < bytes; i++) length = length * 256 + der[start + i]!;
    start += bytes;
  }
  return { tag, start, length };
}

export function spkiToPkcs1(spki: Uint8Array): Uint8Array {
  const outer = derElement(spki, 0);
  const algorithm = derElement(spki, outer.start);
  const bits = derElement(spki, algorithm.start + algorithm.length);
  if (outer.tag !== 0x30 || algorithm.tag !== 0x30 || bits.tag !== 0x03 || spki[bits.start] !== 0) {
    throw new Error('Not an RSA SubjectPublicKeyInfo.');
  }
  return spki.subarray(bits.start + 1, bits.start + bits.length);
}

export function pkcs1ToSpki(pkcs1: Uint8Array): Uint8Array {
  const bitString = [0x03, ...derLength(pkcs1.length + 1), 0x00];
  const contentLength = RSA_ALGORITHM.length + bitString.length + pkcs1.length;
  const head = [0x30, ...derLength(contentLength), ...RSA_ALGORITHM, ...bitString];
  const out = new Uint8Array(head.length + pkcs1.length);
  out.set(head);
  out.set(pkcs1, head.length);
  return out;
}
