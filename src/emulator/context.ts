// What a service operation knows about the call it is answering.
export interface CallContext {
  region: string;
  accountId: string;
  accessKeyId: string;
  requestId: string;
  userAgent: string;
  sourceIp: string;
  /** The Host the request was sent to (S3 records it in requestParameters). */
  host: string;
  /** Epoch ms at the time of the call. */
  now: number;
  /** The request carried `x-trailview-throttle: on`: simulate LookupEvents' rate limit (lookup-throttle.ts). */
  throttleLookups?: boolean;
}

export type Operation = (input: Record<string, unknown>, context: CallContext) => unknown;
