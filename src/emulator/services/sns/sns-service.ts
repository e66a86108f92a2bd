// SNS (Query protocol, 2010-03-31), as far as the Create trail flow needs it: CreateTopic and ListTopics.
// Topics are per Region. Error codes and messages: SNS API reference (InvalidParameter is "Invalid
// parameter: <what>").
import { snsTopicArn } from '@/domain/aws-arn';
import { snsTopicNameError } from '@/domain/trail-rules';
import { queryErrorCode } from '../../audit/audit-case';
import type { CallContext, Operation } from '../../context';
import { ServiceError } from '../../errors';
import type { AccountState, Tag } from '../../state';
import {
  decodeIndexToken,
  encodeIndexToken,
  isRecord,
  optionalList,
  optionalString,
  queryProtocol,
  requiredString,
} from '../input';
import type { AuditMapper } from '../service';

export const SNS_NAMESPACE = 'http://sns.amazonaws.com/doc/2010-03-31/';
export const SNS_ACTIONS = ['CreateTopic', 'ListTopics'] as const;

const invalid = (what: string) => new ServiceError('InvalidParameter', `Invalid parameter: ${what}`);
/** Query protocol: members arrive as text, so a member of the wrong shape is InvalidParameter too. */
const invalidMember = (what: string) => queryProtocol(() => invalid(what));
/** "Each call returns a limited list of topics, up to 100." (API_ListTopics.html) */
const LIST_TOPICS_PAGE = 100;

function createTopic(state: AccountState, input: Record<string, unknown>, context: CallContext) {
  const name = requiredString(input.Name, 'Name', invalidMember('Topic Name'));
  const attributes = input.Attributes ?? {};
  if (!isRecord(attributes) || Object.values(attributes).some((v) => typeof v !== 'string')) {
    throw invalid('Attributes');
  }
  const fifo = attributes.FifoTopic === 'true';
  // FIFO topic names end in `.fifo` (API_CreateTopic.html); CloudTrail cannot deliver to them.
  const base = fifo && name.endsWith('.fifo') ? name.slice(0, -'.fifo'.length) : name;
  if (snsTopicNameError(base) || fifo !== name.endsWith('.fifo')) throw invalid('Topic Name');
  if (attributes.Policy !== undefined) {
    try {
      const policy: unknown = JSON.parse(attributes.Policy as string);
      if (!isRecord(policy)) throw new Error('not an object');
    } catch {
      throw invalid('Policy Error: null');
    }
  }
  const tags: Tag[] = (optionalList(input.Tags, 'Tags', invalidMember('Tags')) ?? []).map((t) => {
    if (!isRecord(t) || typeof t.Key !== 'string' || typeof t.Value !== 'string') throw invalid('Tags');
    return { Key: t.Key, Value: t.Value };
  });
  const arn = snsTopicArn(context.region, context.accountId, name);
  const existing = state.snsTopics.get(arn);
  if (existing) {
    // CreateTopic is idempotent; with other attributes it fails (API_CreateTopic.html).
    const same = Object.entries(attributes).every(([k, v]) => existing.attributes[k] === v);
    if (!same) throw invalid('Attributes Reason: Topic already exists with different attributes');
    return { TopicArn: arn };
  }
  state.snsTopics.set(arn, {
    arn,
    name,
    region: context.region,
    attributes: attributes as Record<string, string>,
    tags,
  });
  return { TopicArn: arn };
}

function listTopics(state: AccountState, input: Record<string, unknown>, context: CallContext) {
  const token = optionalString(input.NextToken, 'NextToken', invalidMember('NextToken'));
  const start = token ? decodeIndexToken(token, invalidMember('NextToken')) : 0;
  const topics = [...state.snsTopics.values()]
    .filter((t) => t.region === context.region)
    .sort((a, b) => (a.arn < b.arn ? -1 : 1));
  const page = topics.slice(start, start + LIST_TOPICS_PAGE);
  return {
    Topics: page.map((t) => ({ TopicArn: t.arn })),
    ...(start + LIST_TOPICS_PAGE < topics.length && {
      NextToken: encodeIndexToken(start + LIST_TOPICS_PAGE),
    }),
  };
}

export function snsOperations(state: AccountState): Record<string, Operation> {
  return {
    CreateTopic: (input, context) => createTopic(state, input, context),
    ListTopics: (input, context) => listTopics(state, input, context),
  };
}

export const snsAudit: AuditMapper = { mapMembers: ['Attributes'], errorCode: queryErrorCode };
