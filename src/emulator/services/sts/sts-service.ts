// STS (Query protocol, 2011-06-15), as far as the console needs it: GetCallerIdentity tells the
// Create trail wizard the account id (for the default bucket name) and Settings who the console is.
import type { UserIdentity } from '@/domain/record';
import { defaultIdentity } from '../../audit/identity';
import { queryErrorCode } from '../../audit/audit-case';
import type { Operation } from '../../context';
import type { AuditMapper } from '../service';

export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';
export const STS_ACTIONS = ['GetCallerIdentity'] as const;

export function stsOperations(identity: UserIdentity | undefined): Record<string, Operation> {
  return {
    GetCallerIdentity: (_input, context) => {
      const caller = identity ?? defaultIdentity(context.accountId, context.accessKeyId);
      // API_GetCallerIdentity.html: UserId is the principal id, Account the 12-digit account id.
      return {
        UserId: caller.principalId ?? '',
        Account: caller.accountId ?? context.accountId,
        Arn: caller.arn ?? '',
      };
    },
  };
}

export const stsAudit: AuditMapper = { errorCode: queryErrorCode };
