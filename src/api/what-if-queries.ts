// The trail what-if (`trailview/what-if`): what a selection would have delivered of the last days' stored
// events of a Region. The local server and the demo answer it over their stores; the aws and endpoint
// backends have no store, so the forms say so instead of asking (hasInvestigations).
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { WhatIfReport } from '@/domain/trail-selection';
import { getJson } from './investigation-queries';

export const whatIfQueries = {
  all: () => ['what-if'] as const,
  /** `selection`: a SelectingTrail as JSON, so that equal selections share their answer. */
  selection: (region: string, json: string) =>
    queryOptions({
      queryKey: [...whatIfQueries.all(), region, json] as const,
      queryFn: ({ signal }) =>
        getJson<WhatIfReport>(
          `trailview/what-if?${new URLSearchParams({ region, selection: json }).toString()}`,
          signal,
        ),
      // While the next selection is evaluated, the last answer stays on screen.
      placeholderData: keepPreviousData,
      staleTime: 60_000,
      retry: false,
    }),
};
