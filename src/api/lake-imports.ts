// Copying a trail's events to Lake (StartImport) and following the copies of an event data store
// (ListImports filtered by destination, GetImport for each one's statistics), through the Lake API only.
import {
  GetImportCommand,
  ListImportsCommand,
  StartImportCommand,
  type GetImportCommandOutput,
  type StartImportCommandInput,
} from '@aws-sdk/client-cloudtrail';
import { queryOptions } from '@tanstack/react-query';
import { call } from './aws-error';
import { cloudTrailClient } from './clients';

/** Statuses after which an import no longer changes. */
const SETTLED = new Set(['COMPLETED', 'FAILED', 'STOPPED']);

export const lakeImportQueries = {
  all: () => ['lake', 'imports'] as const,
  /** Every copy into the store, newest first, each with its statistics; polled while one runs. */
  ofStore: (region: string, storeArn: string) =>
    queryOptions({
      queryKey: [...lakeImportQueries.all(), { region, storeArn }] as const,
      queryFn: async ({ signal }): Promise<GetImportCommandOutput[]> => {
        const client = cloudTrailClient(region);
        const ids: string[] = [];
        let token: string | undefined;
        do {
          const page = await call(() =>
            client.send(new ListImportsCommand({ Destination: storeArn, NextToken: token }), {
              abortSignal: signal,
            }),
          );
          for (const item of page.Imports ?? []) if (item.ImportId) ids.push(item.ImportId);
          token = page.NextToken;
        } while (token);
        const imports = await Promise.all(
          ids.map((id) =>
            call(() => client.send(new GetImportCommand({ ImportId: id }), { abortSignal: signal })),
          ),
        );
        return imports.sort(
          (a, b) => (b.CreatedTimestamp?.getTime() ?? 0) - (a.CreatedTimestamp?.getTime() ?? 0),
        );
      },
      refetchInterval: (query) =>
        query.state.data?.some((i) => !SETTLED.has(i.ImportStatus ?? '')) ? 2_000 : false,
    }),
};

export function startImport(region: string, input: StartImportCommandInput) {
  return call(() => cloudTrailClient(region).send(new StartImportCommand(input)));
}
