// One emulated AWS service as the handler sees it: its signing name, wire protocol, operations and how
// its calls read as CloudTrail events.
import type { JsonObject, RecordResource } from '@/domain/record';
import type { CallContext, Operation } from '../context';
import type { ProtocolCodec } from '../protocol/codec';

/** Service-specific parts of the CloudTrail record of a call; each falls back to a generic rule. */
export interface AuditMapper {
  /** Default: the input with lowerCamelCase member names. */
  requestParameters?(
    operation: string,
    input: Record<string, unknown>,
    context: CallContext,
  ): JsonObject | null;
  /** Default: the output with lowerCamelCase member names; null for reads and empty outputs. */
  responseElements?(operation: string, output: unknown, context: CallContext): JsonObject | null;
  resources?(
    operation: string,
    input: Record<string, unknown>,
    output: unknown,
    context: CallContext,
  ): RecordResource[] | undefined;
  /** The Region the event is recorded in; default the call's Region. */
  region?(operation: string, input: Record<string, unknown>, context: CallContext): string;
  /** The errorCode CloudTrail writes for a wire error code (IAM's `NoSuchEntity` → `NoSuchEntityException`). */
  errorCode?(code: string): string;
  /** Members whose keys are user data (tag maps, attribute maps): their keys keep their case. */
  mapMembers?: readonly string[];
}

export interface ServiceDefinition {
  /** The SigV4 credential scope's service name. */
  signingName: string;
  eventSource: string;
  codec: ProtocolCodec;
  operations: Record<string, Operation>;
  audit?: AuditMapper;
  /** Operations CloudTrail records as data events: served, but not recorded as management events. */
  dataOperations?: ReadonlySet<string>;
}

/** Operations CloudTrail records with readOnly true. */
export function isReadOnlyOperation(operation: string): boolean {
  return /^(Describe|Get|List|Head|Lookup|Filter|Search)/.test(operation);
}
