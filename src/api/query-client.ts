import { QueryClient } from '@tanstack/react-query';
import { isThrottling } from './aws-error';

const MAX_THROTTLE_RETRIES = 5;

/** Exponential backoff with full jitter, from 500 ms, capped at 8 s. */
export function throttleDelay(attempt: number): number {
  const cap = Math.min(8_000, 500 * 2 ** attempt);
  return cap / 2 + Math.random() * (cap / 2);
}

/** Retries only ThrottlingException (LookupEvents allows 2 requests per second), with backoff. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => isThrottling(error) && failureCount < MAX_THROTTLE_RETRIES,
        retryDelay: throttleDelay,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}
