// Which backend answers /aws: the demo build knows it is the demo; otherwise the server says, in
// `trailview.json` beside index.html (local, aws or endpoint).
import { queryOptions } from '@tanstack/react-query';

export type BackendMode = 'demo' | 'local' | 'aws' | 'endpoint';

export interface BackendInfo {
  mode: BackendMode;
  defaultRegion?: string;
  readOnly?: boolean;
}

export const IS_DEMO_BUILD = import.meta.env.MODE === 'demo';

export const backendQueries = {
  info: () =>
    queryOptions({
      queryKey: ['backend', 'info'] as const,
      staleTime: Infinity,
      queryFn: async ({ signal }): Promise<BackendInfo> => {
        if (IS_DEMO_BUILD) return { mode: 'demo', defaultRegion: 'us-east-1' };
        const response = await fetch(new URL('trailview.json', globalThis.location.href.split('#')[0]), {
          signal,
        });
        if (!response.ok)
          throw new Error(`The server did not describe its backend (HTTP ${response.status}).`);
        return (await response.json()) as BackendInfo;
      },
    }),
};
