// What a service operation knows about the call it is answering.
export interface CallContext {
  region: string;
  accountId: string;
  accessKeyId: string;
  requestId: string;
  userAgent: string;
  sourceIp: string;
  /** Epoch ms at the time of the call. */
  now: number;
}

export type Operation = (input: Record<string, unknown>, context: CallContext) => unknown;
