// Finding a KMS key the ways the APIs accept one — key id, key ARN, alias name, alias ARN — in a Region
// (KMS keys and aliases are Regional), and the KeyMetadata shape KMS returns.
import { kmsAliasArn, parseArn } from '@/domain/aws-arn';
import type { AccountState, KmsKeyState } from '../../state';

const KEY_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;

export type KeyReference =
  | { kind: 'key'; region?: string; accountId?: string; keyId: string }
  | { kind: 'alias'; region?: string; accountId?: string; aliasName: string };

/** How a KeyId string names a key; undefined when it is none of the accepted forms. */
export function parseKeyReference(text: string): KeyReference | undefined {
  if (KEY_ID.test(text)) return { kind: 'key', keyId: text };
  if (text.startsWith('alias/') && text.length > 'alias/'.length) return { kind: 'alias', aliasName: text };
  const arn = parseArn(text);
  if (!arn || arn.service !== 'kms' || !arn.region) return undefined;
  if (arn.resource.startsWith('key/') && KEY_ID.test(arn.resource.slice(4))) {
    return { kind: 'key', region: arn.region, accountId: arn.accountId, keyId: arn.resource.slice(4) };
  }
  if (arn.resource.startsWith('alias/') && arn.resource.length > 6) {
    return { kind: 'alias', region: arn.region, accountId: arn.accountId, aliasName: arn.resource };
  }
  return undefined;
}

/** The key a reference names in the account, looking in `region` unless an ARN names another. */
export function findKey(
  state: AccountState,
  reference: KeyReference,
  region: string,
): KmsKeyState | undefined {
  if (reference.accountId && reference.accountId !== state.accountId) return undefined;
  const where = reference.region ?? region;
  if (reference.kind === 'key') {
    return [...state.kmsKeys.values()].find((k) => k.keyId === reference.keyId && k.region === where);
  }
  const alias = state.kmsAliases.get(kmsAliasArn(where, state.accountId, reference.aliasName));
  return alias
    ? [...state.kmsKeys.values()].find((k) => k.keyId === alias.targetKeyId && k.region === where)
    : undefined;
}

/** KeyMetadata (API_KeyMetadata.html) of a customer managed symmetric or asymmetric key. */
export function keyMetadata(key: KmsKeyState, accountId: string) {
  const symmetric = key.keySpec === 'SYMMETRIC_DEFAULT';
  return {
    AWSAccountId: accountId,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: new Date(key.creationDate),
    Enabled: key.enabled,
    Description: key.description,
    KeyUsage: key.keyUsage,
    KeyState: key.enabled ? 'Enabled' : 'Disabled',
    Origin: 'AWS_KMS',
    KeyManager: 'CUSTOMER',
    CustomerMasterKeySpec: key.keySpec,
    KeySpec: key.keySpec,
    ...(symmetric && key.keyUsage === 'ENCRYPT_DECRYPT' && { EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'] }),
    MultiRegion: key.keyId.startsWith('mrk-'),
  };
}
