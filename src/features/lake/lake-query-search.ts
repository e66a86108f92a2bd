// The query editor's chosen event data store, kept in the URL so another page can open the editor on a store:
// `#/lake/query?store=<event data store ID>` (an integration's Query events). Anything else is dropped. The
// page parses it itself (no validateSearch on the route), so the parser stays out of the first page's bundle.
import * as z from 'zod/mini';

const schema = z.object({
  store: z.catch(z.optional(z.string().check(z.regex(/^[A-Za-z0-9-]{1,128}$/))), undefined),
});

export interface LakeQuerySearch {
  store?: string;
}

export function parseLakeQuerySearch(search: Record<string, unknown>): LakeQuerySearch {
  const { store } = schema.parse(search);
  return store ? { store } : {};
}
