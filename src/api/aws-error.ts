// One error value for everything the API layer throws: the AWS exception name and its message.

export interface AwsError {
  name: string;
  message: string;
  status?: number;
  requestId?: string;
}

interface SdkLikeError {
  name?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

export function toAwsError(error: unknown): AwsError {
  if (typeof error === 'object' && error !== null) {
    const e = error as SdkLikeError;
    const name = typeof e.name === 'string' && e.name ? e.name : 'Error';
    const message = typeof e.message === 'string' && e.message ? e.message : 'The request failed.';
    const out: AwsError = { name, message };
    if (e.$metadata?.httpStatusCode) out.status = e.$metadata.httpStatusCode;
    if (e.$metadata?.requestId) out.requestId = e.$metadata.requestId;
    return out;
  }
  return { name: 'Error', message: String(error) };
}

export function isThrottling(error: unknown): boolean {
  const name = toAwsError(error).name;
  return name === 'ThrottlingException' || name === 'Throttling' || name === 'TooManyRequestsException';
}

/** Runs an SDK call and rethrows its failure as an AwsError. */
export async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw Object.assign(new Error(toAwsError(error).message), toAwsError(error));
  }
}
