// PutResourcePolicy, GetResourcePolicy and DeleteResourcePolicy on event data stores, dashboards and
// channels (rules in domain/lake-resource-policy.ts). Each kind of resource keeps its own policy beside its
// other settings (the store catalog, the dashboards, the channels), so it persists where they do and goes
// when the resource is deleted.
import {
  parseResourceArn,
  RESOURCE_POLICY_MESSAGES as MESSAGES,
  resourcePolicyError,
  type PolicyResourceKind,
} from '@/domain/lake-resource-policy';
import type { CallContext, Operation } from '../../context';
import { ServiceError } from '../../errors';
import { requiredString } from '../input';

/** Where one kind of resource keeps its policy. */
export interface PolicyResources {
  /** The resource with exactly this ARN (undefined when there is none) and its policy, if it has one. */
  find(arn: string, context: CallContext): Promise<{ policy?: string } | undefined>;
  /** Attaches (or, with undefined, removes) the policy; resolves once that is durable. */
  setPolicy(arn: string, policy: string | undefined, context: CallContext): Promise<void>;
}

const invalidArn = (message: string) => new ServiceError('ResourceARNNotValidException', message);

export function resourcePolicyOperations(
  resources: Readonly<Record<PolicyResourceKind, PolicyResources>>,
): Record<string, Operation> {
  /** The resource a ResourceArn names: its kind, and its policy as kept. */
  const resolve = async (input: Record<string, unknown>, context: CallContext) => {
    const arn = requiredString(input.ResourceArn, 'ResourceArn', invalidArn);
    const parsed = parseResourceArn(arn);
    if (typeof parsed === 'string') throw invalidArn(parsed);
    if (parsed.accountId !== context.accountId) {
      throw invalidArn(MESSAGES.otherAccount(arn, context.accountId));
    }
    if (parsed.type !== 'eventdatastore' && parsed.type !== 'dashboard' && parsed.type !== 'channel') {
      throw new ServiceError('ResourceTypeNotSupportedException', MESSAGES.typeNotSupported(parsed.type));
    }
    const kind: PolicyResourceKind = parsed.type;
    const found = await resources[kind].find(arn, context);
    if (!found) throw new ServiceError('ResourceNotFoundException', MESSAGES.notFound(arn));
    return { arn, kind, policy: found.policy };
  };

  const noPolicy = (arn: string) =>
    new ServiceError('ResourcePolicyNotFoundException', MESSAGES.policyNotFound(arn));

  return {
    async PutResourcePolicy(input, context) {
      const { arn, kind } = await resolve(input, context);
      const policy = requiredString(
        input.ResourcePolicy,
        'ResourcePolicy',
        (m) => new ServiceError('ResourcePolicyNotValidException', m),
      );
      const problem = resourcePolicyError(policy, kind, arn);
      if (problem) throw new ServiceError('ResourcePolicyNotValidException', problem);
      await resources[kind].setPolicy(arn, policy, context);
      return { ResourceArn: arn, ResourcePolicy: policy };
    },

    async GetResourcePolicy(input, context) {
      const { arn, policy } = await resolve(input, context);
      if (policy === undefined) throw noPolicy(arn);
      // DelegatedAdminResourcePolicy belongs to organization event data stores, which are not emulated.
      return { ResourceArn: arn, ResourcePolicy: policy };
    },

    async DeleteResourcePolicy(input, context) {
      const { arn, kind, policy } = await resolve(input, context);
      if (policy === undefined) throw noPolicy(arn);
      await resources[kind].setPolicy(arn, undefined, context);
      return {};
    },
  };
}
