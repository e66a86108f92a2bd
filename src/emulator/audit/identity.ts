// Who the console acts as in the emulator's own CloudTrail records.
import type { UserIdentity } from '@/domain/record';

export const CONSOLE_USER_NAME = 'console-admin';

/** Default identity: the IAM user `console-admin` of the account, with the request's access key. */
export function defaultIdentity(accountId: string, accessKeyId: string): UserIdentity {
  return {
    type: 'IAMUser',
    // IAM user ids start with AIDA and are 21 characters (reference_identifiers.html#identifiers-unique-ids).
    principalId: `AIDA${accountId}ADMIN`,
    arn: `arn:aws:iam::${accountId}:user/${CONSOLE_USER_NAME}`,
    accountId,
    accessKeyId,
    userName: CONSOLE_USER_NAME,
  };
}
