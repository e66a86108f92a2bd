import { MutationCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import { isThrottling } from './aws-error';

declare module '@tanstack/react-query' {
  interface Register {
    /** Mutations declare the query keys they make stale (docs/conventions.md); the MutationCache below acts on them. */
    mutationMeta: { invalidates?: readonly QueryKey[] };
  }
}

const MAX_THROTTLE_RETRIES = 5;

/** Exponential backoff with full jitter, from 500 ms, capped at 8 s. */
export function throttleDelay(attempt: number): number {
  const cap = Math.min(8_000, 500 * 2 ** attempt);
  return cap / 2 + Math.random() * (cap / 2);
}

/** Retries only ThrottlingException (LookupEvents allows 2 requests per second), with backoff. */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    // The one place that invalidates: after any mutation settles (a failed multi-step create may still
    // have created some resources), every key it declared is refetched.
    mutationCache: new MutationCache({
      onSettled: (_data, _error, _variables, _context, mutation) =>
        Promise.all(
          (mutation.meta?.invalidates ?? []).map((queryKey) => client.invalidateQueries({ queryKey })),
        ),
    }),
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
  return client;
}
