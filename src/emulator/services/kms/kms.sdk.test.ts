// @vitest-environment node
// KMS through the AWS SDK v3 against the in-process emulator.
import {
  CreateAliasCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  ListAliasesCommand,
} from '@aws-sdk/client-kms';
import { beforeEach, describe, expect, it } from 'vitest';
import { T0, TEST_ACCOUNT } from '@/test/records';
import { kmsClient, useEmulatorServer } from '@/test/sdk';
import { createEmulator, type EmulatorHandler } from '../../handler';
import { createAccountState } from '../../state';
import { MemoryEventStore } from '../../store/memory-event-store';

let handle: EmulatorHandler;
beforeEach(() => {
  handle = createEmulator({
    store: new MemoryEventStore(),
    state: createAccountState(TEST_ACCOUNT),
    clock: () => T0,
  });
});
useEmulatorServer(() => handle);

async function newKey(region = 'us-east-1') {
  const out = await kmsClient(region).send(new CreateKeyCommand({ Description: 'CloudTrail logs' }));
  return out.KeyMetadata!;
}

describe('KMS through the SDK', () => {
  it('creates a symmetric customer managed key', async () => {
    const key = await newKey();
    expect(key).toMatchObject({
      AWSAccountId: TEST_ACCOUNT,
      Description: 'CloudTrail logs',
      Enabled: true,
      KeyState: 'Enabled',
      KeyUsage: 'ENCRYPT_DECRYPT',
      KeySpec: 'SYMMETRIC_DEFAULT',
      KeyManager: 'CUSTOMER',
      Origin: 'AWS_KMS',
      CreationDate: new Date(T0),
    });
    expect(key.Arn).toBe(`arn:aws:kms:us-east-1:${TEST_ACCOUNT}:key/${key.KeyId}`);
  });

  it('names a key by alias and describes it by id, key ARN, alias name and alias ARN', async () => {
    const key = await newKey();
    await kmsClient().send(new CreateAliasCommand({ AliasName: 'alias/trail-logs', TargetKeyId: key.KeyId }));
    const aliasArn = `arn:aws:kms:us-east-1:${TEST_ACCOUNT}:alias/trail-logs`;
    for (const id of [key.KeyId!, key.Arn!, 'alias/trail-logs', aliasArn]) {
      const out = await kmsClient().send(new DescribeKeyCommand({ KeyId: id }));
      expect(out.KeyMetadata?.Arn).toBe(key.Arn);
    }
    const aliases = await kmsClient().send(new ListAliasesCommand({}));
    expect(aliases.Aliases).toEqual([
      {
        AliasName: 'alias/trail-logs',
        AliasArn: aliasArn,
        TargetKeyId: key.KeyId,
        CreationDate: new Date(T0),
        LastUpdatedDate: new Date(T0),
      },
    ]);
    expect(aliases.Truncated).toBe(false);
  });

  it('keeps keys and aliases to their Region', async () => {
    const key = await newKey('eu-west-1');
    await expect(kmsClient().send(new DescribeKeyCommand({ KeyId: key.KeyId }))).rejects.toMatchObject({
      name: 'NotFoundException',
      message: `Key 'arn:aws:kms:us-east-1:${TEST_ACCOUNT}:key/${key.KeyId}' does not exist`,
    });
    expect((await kmsClient().send(new ListAliasesCommand({}))).Aliases).toEqual([]);
  });

  it('pages ListAliases with Limit and Marker', async () => {
    const key = await newKey();
    for (const name of ['a', 'b', 'c']) {
      await kmsClient().send(new CreateAliasCommand({ AliasName: `alias/${name}`, TargetKeyId: key.Arn }));
    }
    const first = await kmsClient().send(new ListAliasesCommand({ Limit: 2 }));
    expect(first.Aliases!.map((a) => a.AliasName)).toEqual(['alias/a', 'alias/b']);
    expect(first.Truncated).toBe(true);
    const second = await kmsClient().send(new ListAliasesCommand({ Limit: 2, Marker: first.NextMarker }));
    expect(second.Aliases!.map((a) => a.AliasName)).toEqual(['alias/c']);
  });

  it.each([
    ['an alias without the alias/ prefix', 'trail-logs', 'InvalidAliasNameException'],
    ['a reserved alias/aws/ alias', 'alias/aws/cloudtrail', 'NotAuthorizedException'],
    ['characters outside the pattern', 'alias/bad name', 'ValidationException'],
  ])('rejects %s', async (_label, aliasName, name) => {
    const key = await newKey();
    await expect(
      kmsClient().send(new CreateAliasCommand({ AliasName: aliasName, TargetKeyId: key.KeyId })),
    ).rejects.toMatchObject({
      name,
    });
  });

  it('answers AlreadyExistsException and NotFoundException', async () => {
    const key = await newKey();
    await kmsClient().send(new CreateAliasCommand({ AliasName: 'alias/once', TargetKeyId: key.KeyId }));
    await expect(
      kmsClient().send(new CreateAliasCommand({ AliasName: 'alias/once', TargetKeyId: key.KeyId })),
    ).rejects.toMatchObject({
      name: 'AlreadyExistsException',
      message: `An alias with the name arn:aws:kms:us-east-1:${TEST_ACCOUNT}:alias/once already exists`,
    });
    await expect(kmsClient().send(new DescribeKeyCommand({ KeyId: 'alias/nope' }))).rejects.toMatchObject({
      name: 'NotFoundException',
      message: `Alias arn:aws:kms:us-east-1:${TEST_ACCOUNT}:alias/nope is not found.`,
    });
    await expect(kmsClient().send(new DescribeKeyCommand({ KeyId: 'not-a-key' }))).rejects.toMatchObject({
      name: 'NotFoundException',
      message: "Invalid keyId 'not-a-key'",
    });
  });

  it('rejects a key policy that is not a policy', async () => {
    await expect(kmsClient().send(new CreateKeyCommand({ Policy: '{"nope": true}' }))).rejects.toMatchObject({
      name: 'MalformedPolicyDocumentException',
    });
  });
});
