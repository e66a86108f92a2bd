// What a wire protocol does for the handler: turn a request into (operation, input) and an operation's
// output or error into a response in that protocol's shape. Service logic never sees HTTP.
import type { ServiceError } from '../errors';

export interface DecodedCall {
  operation: string;
  input: Record<string, unknown>;
}

export interface ProtocolCodec {
  decode(request: Request, url: URL): Promise<DecodedCall>;
  encode(operation: string, output: unknown, requestId: string, request: Request): Response;
  /** `call` is undefined when the request could not be decoded. */
  encodeError(
    error: ServiceError,
    requestId: string,
    call: DecodedCall | undefined,
    request: Request,
  ): Response;
  /** Request ids in the service's own format (S3's are 16 hex digits); default a UUID. */
  newRequestId?(): string;
  /** The protocol's error for an operation the service does not have (JSON: UnknownOperationException). */
  unknownOperation?(operation: string): ServiceError;
}
