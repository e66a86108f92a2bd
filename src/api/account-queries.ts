// Who the console is: STS GetCallerIdentity, as the real console learns it from the sign-in. The Create
// trail form needs the account id (the default bucket name, the policies it writes); Settings shows the
// caller. In demo and local mode the emulator answers; in aws mode the server forwards to STS.
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { queryOptions } from '@tanstack/react-query';
import { call } from './aws-error';
import { stsClient } from './service-clients';

export const accountQueries = {
  all: () => ['account'] as const,
  callerIdentity: (region: string) =>
    queryOptions({
      queryKey: [...accountQueries.all(), 'caller-identity', { region }] as const,
      queryFn: ({ signal }) =>
        call(() => stsClient(region).send(new GetCallerIdentityCommand({}), { abortSignal: signal })),
      staleTime: Infinity,
    }),
  /** The 12-digit account id, or null when the caller identity does not carry one. */
  id: (region: string) =>
    queryOptions({
      ...accountQueries.callerIdentity(region),
      select: (identity) => (identity.Account && /^\d{12}$/.test(identity.Account) ? identity.Account : null),
    }),
};
