// KMS as the Create trail flow needs it: the customer managed key aliases behind "Existing", and a new
// key (with the key policy CloudTrail needs) and its alias.
import { CreateAliasCommand, CreateKeyCommand, ListAliasesCommand } from '@aws-sdk/client-kms';
import { queryOptions } from '@tanstack/react-query';
import { call } from './aws-error';
import { kmsClient } from './service-clients';

export interface AliasSummary {
  aliasName: string;
  aliasArn?: string;
  targetKeyId?: string;
}

/** Every page of ListAliases; AWS managed aliases (`alias/aws/…`) cannot encrypt trail logs. */
async function listCustomerAliases(region: string, signal?: AbortSignal): Promise<AliasSummary[]> {
  const aliases: AliasSummary[] = [];
  let marker: string | undefined;
  do {
    const output = await call(() =>
      kmsClient(region).send(new ListAliasesCommand({ Marker: marker }), { abortSignal: signal }),
    );
    for (const alias of output.Aliases ?? []) {
      if (!alias.AliasName || alias.AliasName.startsWith('alias/aws/') || !alias.TargetKeyId) continue;
      aliases.push({
        aliasName: alias.AliasName,
        ...(alias.AliasArn && { aliasArn: alias.AliasArn }),
        targetKeyId: alias.TargetKeyId,
      });
    }
    marker = output.Truncated ? output.NextMarker : undefined;
  } while (marker);
  return aliases;
}

export const kmsQueries = {
  all: () => ['kms'] as const,
  aliases: (region: string) =>
    queryOptions({
      queryKey: [...kmsQueries.all(), 'aliases', { region }] as const,
      queryFn: ({ signal }) => listCustomerAliases(region, signal),
    }),
};

/** CreateKey with the policy, then CreateAlias; returns the key ARN. */
export async function createKeyWithAlias(region: string, aliasName: string, policy: object): Promise<string> {
  const key = await call(() =>
    kmsClient(region).send(
      new CreateKeyCommand({
        Description: 'The key for CloudTrail log files, created by the Create trail flow.',
        Policy: JSON.stringify(policy),
      }),
    ),
  );
  const keyId = key.KeyMetadata?.KeyId ?? '';
  await call(() =>
    kmsClient(region).send(new CreateAliasCommand({ AliasName: aliasName, TargetKeyId: keyId })),
  );
  return key.KeyMetadata?.Arn ?? keyId;
}
