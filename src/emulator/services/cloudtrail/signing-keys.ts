// Digest signing keys: one RSA key pair per account and Region, generated with WebCrypto (the same code
// runs in the browser demo and in Node), persisted in the account state, rotated when its validity window
// ends. ListPublicKeys serves the public halves as PKCS #1 DER, the form the AWS CLI's validate-logs loads
// (`rsa.PublicKey.load_pkcs1(…, format='DER')`).
import { publicKeyFingerprint, SIGNING_KEY_VALIDITY_MS } from '@/domain/delivery-files';
import { spkiToPkcs1 } from '@/domain/rsa-der';
import { fromBase64, toBase64, toHex } from '@/domain/bytes';
import type { CallContext } from '../../context';
import { ServiceError } from '../../errors';
import { readTimestamp } from '../../protocol/json';
import type { AccountState, SigningKeyState } from '../../state';

const ALGORITHM = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

async function generateSigningKey(region: string, now: number): Promise<SigningKeyState> {
  const pair = await crypto.subtle.generateKey(
    { ...ALGORITHM, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ['sign', 'verify'],
  );
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const pkcs1 = spkiToPkcs1(spki);
  return {
    region,
    publicKey: toBase64(pkcs1),
    privateKey: toBase64(pkcs8),
    fingerprint: publicKeyFingerprint(pkcs1),
    validFrom: now,
    validTo: now + SIGNING_KEY_VALIDITY_MS,
  };
}

// Two deliveries of one Region must not each generate a key: the first one's promise is shared.
const pending = new WeakMap<AccountState, Map<string, Promise<SigningKeyState>>>();

/** The Region's key that signs at `now`; a new pair when there is none or the last has expired. */
export async function signingKeyFor(
  state: AccountState,
  region: string,
  now: number,
): Promise<SigningKeyState> {
  const current = state.signingKeys.findLast(
    (k) => k.region === region && k.validFrom <= now && now < k.validTo,
  );
  if (current) return current;
  let byRegion = pending.get(state);
  if (!byRegion) pending.set(state, (byRegion = new Map()));
  let making = byRegion.get(region);
  if (!making) {
    making = generateSigningKey(region, now).then((key) => {
      state.signingKeys.push(key);
      byRegion.delete(region);
      return key;
    });
    byRegion.set(region, making);
  }
  return making;
}

/** The hex RSA SHA-256 (PKCS #1 v1.5) signature of the text with the key's private half. */
export async function signText(key: SigningKeyState, text: string): Promise<string> {
  const privateKey = await crypto.subtle.importKey(
    'pkcs8',
    fromBase64(key.privateKey) as BufferSource,
    ALGORITHM,
    false,
    ['sign'],
  );
  const signature = await crypto.subtle.sign(ALGORITHM, privateKey, new TextEncoder().encode(text));
  return toHex(new Uint8Array(signature));
}

/**
 * ListPublicKeys: the Region's keys whose validity window overlaps [StartTime, EndTime]; both default
 * to now, which gives the current key (API_ListPublicKeys.html). A range that holds now always lists
 * the current key: the Region gets one here if nothing has been signed yet, the key its first digest
 * will be signed with.
 */
export async function listPublicKeys(
  state: AccountState,
  input: Record<string, unknown>,
  context: CallContext,
) {
  const start = readTimestamp(input.StartTime, 'StartTime') ?? context.now;
  const end = readTimestamp(input.EndTime, 'EndTime') ?? context.now;
  if (start > end) {
    throw new ServiceError('InvalidTimeRangeException', 'Start time must be before or equal to end time.');
  }
  if (input.NextToken !== undefined && input.NextToken !== null) {
    // "Reserved for future use": no token is ever handed out, so any token is not one of ours.
    throw new ServiceError('InvalidTokenException', 'Reading the token failed.');
  }
  if (start <= context.now && context.now <= end) await signingKeyFor(state, context.region, context.now);
  return {
    PublicKeyList: state.signingKeys
      .filter((k) => k.region === context.region && k.validFrom <= end && start <= k.validTo)
      .map((k) => ({
        Value: k.publicKey,
        ValidityStartTime: new Date(k.validFrom),
        ValidityEndTime: new Date(k.validTo),
        Fingerprint: k.fingerprint,
      })),
  };
}
