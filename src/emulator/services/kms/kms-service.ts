// KMS (JSON 1.1, `TrentService`), as far as the Create trail flow needs it: CreateKey, CreateAlias,
// ListAliases, DescribeKey. Messages follow the KMS API reference and the errors KMS returns.
import { kmsAliasArn, kmsKeyArn } from '@/domain/aws-arn';
import { KMS_ALIAS_MAX, kmsAliasError } from '@/domain/trail-rules';
import type { CallContext, Operation } from '../../context';
import { ServiceError } from '../../errors';
import type { AccountState, KmsKeyState } from '../../state';
import {
  constraintMessage,
  decodeIndexToken,
  encodeIndexToken,
  isRecord,
  optionalBoolean,
  optionalInteger,
  optionalString,
  optionalStructureList,
  requiredString,
} from '../input';
import type { AuditMapper } from '../service';
import { findKey, keyMetadata, parseKeyReference } from './kms-keys';

export const KMS_TARGET_PREFIX = 'TrentService';

const invalid = (message: string) => new ServiceError('ValidationException', message);
const KEY_USAGES = ['ENCRYPT_DECRYPT', 'SIGN_VERIFY', 'GENERATE_VERIFY_MAC', 'KEY_AGREEMENT'];
const KEY_SPECS = [
  'SYMMETRIC_DEFAULT',
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'ECC_NIST_P256',
  'ECC_NIST_P384',
  'HMAC_256',
];
// KMS alias names (kms model CreateAlias AliasName): `^[a-zA-Z0-9:/_-]+$`, 1–256.
const ALIAS_PATTERN = /^[a-zA-Z0-9:/_-]+$/;

function notFound(keyId: string, context: CallContext): ServiceError {
  const reference = parseKeyReference(keyId);
  if (!reference) return new ServiceError('NotFoundException', `Invalid keyId '${keyId}'`);
  if (reference.kind === 'alias') {
    const arn = keyId.startsWith('arn:') ? keyId : kmsAliasArn(context.region, context.accountId, keyId);
    return new ServiceError('NotFoundException', `Alias ${arn} is not found.`);
  }
  const arn = keyId.startsWith('arn:') ? keyId : kmsKeyArn(context.region, context.accountId, keyId);
  return new ServiceError('NotFoundException', `Key '${arn}' does not exist`);
}

function resolve(state: AccountState, keyId: string, context: CallContext): KmsKeyState {
  const reference = parseKeyReference(keyId);
  const key = reference && findKey(state, reference, context.region);
  if (!key) throw notFound(keyId, context);
  return key;
}

function createKey(state: AccountState, input: Record<string, unknown>, context: CallContext) {
  const description = optionalString(input.Description, 'Description', invalid) ?? '';
  if (description.length > 8192)
    throw invalid(
      constraintMessage('…', 'description', 'Member must have length less than or equal to 8192'),
    );
  const keyUsage = optionalString(input.KeyUsage, 'KeyUsage', invalid) ?? 'ENCRYPT_DECRYPT';
  const keySpec =
    optionalString(input.KeySpec, 'KeySpec', invalid) ??
    optionalString(input.CustomerMasterKeySpec, 'CustomerMasterKeySpec', invalid) ??
    'SYMMETRIC_DEFAULT';
  if (!KEY_USAGES.includes(keyUsage)) {
    throw invalid(
      constraintMessage(
        keyUsage,
        'keyUsage',
        `Member must satisfy enum value set: [${KEY_USAGES.join(', ')}]`,
      ),
    );
  }
  if (!KEY_SPECS.includes(keySpec))
    throw invalid(constraintMessage(keySpec, 'keySpec', 'Member must satisfy enum value set'));
  const policy = optionalString(input.Policy, 'Policy', invalid);
  if (policy !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(policy);
    } catch {
      // KMS: "MalformedPolicyDocumentException: The request was rejected because the specified policy is not syntactically or semantically correct."
    }
    if (!isRecord(parsed) || parsed.Statement === undefined) {
      throw new ServiceError(
        'MalformedPolicyDocumentException',
        'The request was rejected because the specified policy is not syntactically or semantically correct.',
      );
    }
  }
  const tags = (optionalStructureList(input.Tags, 'Tags', invalid) ?? []).map((t) => {
    const key = optionalString(t.TagKey, 'TagKey', invalid);
    const value = optionalString(t.TagValue, 'TagValue', invalid);
    if (key === undefined || value === undefined) {
      throw new ServiceError('TagException', 'Tags must have a TagKey and a TagValue.');
    }
    return { TagKey: key, TagValue: value };
  });
  const multiRegion = optionalBoolean(input.MultiRegion, 'MultiRegion', invalid) ?? false;
  const keyId = multiRegion ? `mrk-${crypto.randomUUID().replaceAll('-', '')}` : crypto.randomUUID();
  const key: KmsKeyState = {
    keyId,
    arn: kmsKeyArn(context.region, context.accountId, keyId),
    region: context.region,
    description,
    creationDate: context.now,
    enabled: true,
    keyUsage,
    keySpec,
    ...(policy !== undefined && { policy }),
    tags,
  };
  state.kmsKeys.set(key.arn, key);
  return { KeyMetadata: keyMetadata(key, context.accountId) };
}

function createAlias(state: AccountState, input: Record<string, unknown>, context: CallContext) {
  const aliasName = requiredString(input.AliasName, 'AliasName', invalid);
  const targetKeyId = requiredString(input.TargetKeyId, 'TargetKeyId', invalid);
  if (aliasName.length > KMS_ALIAS_MAX || !ALIAS_PATTERN.test(aliasName)) {
    throw invalid(
      constraintMessage(
        aliasName,
        'aliasName',
        'Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$',
      ),
    );
  }
  if (!aliasName.startsWith('alias/') || aliasName === 'alias/' || aliasName.includes(':')) {
    throw new ServiceError(
      'InvalidAliasNameException',
      `Alias must start with the prefix "alias/": ${aliasName}`,
    );
  }
  if (aliasName.startsWith('alias/aws/')) {
    throw new ServiceError(
      'NotAuthorizedException',
      `Cannot create alias with prefix 'alias/aws/': ${aliasName}`,
    );
  }
  const problem = kmsAliasError(aliasName);
  if (problem) throw new ServiceError('InvalidAliasNameException', problem);
  // "TargetKeyId: … Specify the key ID or key ARN of the KMS key" — aliases cannot point at aliases.
  const reference = parseKeyReference(targetKeyId);
  if (reference?.kind === 'alias')
    throw invalid('Aliases must refer to keys. Specify a key ID or key ARN as TargetKeyId.');
  const key = resolve(state, targetKeyId, context);
  const aliasArn = kmsAliasArn(context.region, context.accountId, aliasName);
  if (state.kmsAliases.has(aliasArn)) {
    throw new ServiceError('AlreadyExistsException', `An alias with the name ${aliasArn} already exists`);
  }
  state.kmsAliases.set(aliasArn, {
    aliasName,
    aliasArn,
    region: context.region,
    targetKeyId: key.keyId,
    creationDate: context.now,
    lastUpdatedDate: context.now,
  });
  return {};
}

function listAliases(state: AccountState, input: Record<string, unknown>, context: CallContext) {
  const keyId = optionalString(input.KeyId, 'KeyId', invalid);
  const limit = optionalInteger(input.Limit, 'Limit', invalid) ?? 50;
  if (limit < 1 || limit > 1000)
    throw invalid(constraintMessage(String(limit), 'limit', 'Member must be between 1 and 1000'));
  const marker = optionalString(input.Marker, 'Marker', invalid);
  const start = marker
    ? decodeIndexToken(marker, () => new ServiceError('InvalidMarkerException', 'Invalid marker.'))
    : 0;
  const target = keyId === undefined ? undefined : resolve(state, keyId, context).keyId;
  const aliases = [...state.kmsAliases.values()]
    .filter((a) => a.region === context.region && (target === undefined || a.targetKeyId === target))
    .sort((a, b) => (a.aliasName < b.aliasName ? -1 : 1));
  const page = aliases.slice(start, start + limit);
  const truncated = start + limit < aliases.length;
  return {
    Aliases: page.map((a) => ({
      AliasName: a.aliasName,
      AliasArn: a.aliasArn,
      TargetKeyId: a.targetKeyId,
      CreationDate: new Date(a.creationDate),
      LastUpdatedDate: new Date(a.lastUpdatedDate),
    })),
    Truncated: truncated,
    ...(truncated && { NextMarker: encodeIndexToken(start + limit) }),
  };
}

export function kmsOperations(state: AccountState): Record<string, Operation> {
  return {
    CreateKey: (input, context) => createKey(state, input, context),
    CreateAlias: (input, context) => createAlias(state, input, context),
    ListAliases: (input, context) => listAliases(state, input, context),
    DescribeKey: (input, context) => {
      const key = resolve(state, requiredString(input.KeyId, 'KeyId', invalid), context);
      return { KeyMetadata: keyMetadata(key, context.accountId) };
    },
  };
}

/** KMS records list the key a call acted on (`resources: [{type: AWS::KMS::Key, ARN}]`). */
export function kmsAudit(state: AccountState): AuditMapper {
  return {
    resources(operation, input, output, context) {
      const fromOutput =
        isRecord(output) && isRecord(output.KeyMetadata) ? output.KeyMetadata.Arn : undefined;
      let arn = typeof fromOutput === 'string' ? fromOutput : undefined;
      const named = operation === 'CreateAlias' ? input.TargetKeyId : input.KeyId;
      if (!arn && typeof named === 'string') {
        const reference = parseKeyReference(named);
        arn = reference && findKey(state, reference, context.region)?.arn;
      }
      return arn ? [{ accountId: context.accountId, type: 'AWS::KMS::Key', ARN: arn }] : undefined;
    },
  };
}
