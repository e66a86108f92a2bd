// The events a view shows: LookupEvents pages (50 per call) loaded as the view needs them, refined on the
// client. With Refine on, further pages are scanned while fewer than `wanted` events match, up to a cap
// the user can extend, and a Stop the user can press: "N scanned, M matched".
import type { Event } from '@aws-sdk/client-cloudtrail';
import { useInfiniteQuery, type InfiniteData, type UseInfiniteQueryResult } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { CONSOLE_CREDENTIALS } from '@/api/clients';
import { eventQueries, type EventFilter, type EventPage } from '@/api/event-queries';
import { createRefineIndex, type RefineIndex, type RefineQuery } from '@/domain/refine';

/** Refine scans this many events (100 LookupEvents calls) before it asks to continue. */
export const SCAN_STEP = 5_000;

// One refine index per loaded result set, keyed by its first page: pages appended later are added to it,
// so each keystroke refines columns already built (domain/refine.ts). A refetch brings new page objects,
// hence a new index.
const indexes = new WeakMap<EventPage, { pages: EventPage[]; index: RefineIndex<Event> }>();

function indexFor(pages: readonly EventPage[]): RefineIndex<Event> {
  const first = pages[0];
  if (!first) return createRefineIndex<Event>();
  let entry = indexes.get(first);
  if (!entry || entry.pages.length > pages.length || entry.pages.some((page, i) => page !== pages[i])) {
    entry = { pages: [], index: createRefineIndex<Event>() };
    indexes.set(first, entry);
  }
  for (let i = entry.pages.length; i < pages.length; i++) {
    entry.index.append(pages[i]!.events);
    entry.pages.push(pages[i]!);
  }
  return entry.index;
}

export interface EventResults {
  query: UseInfiniteQueryResult<InfiniteData<EventPage, unknown>, Error>;
  /** Every event loaded so far ("scanned"). */
  loaded: readonly Event[];
  /** The loaded events that pass Refine (all of them without Refine). */
  matched: Event[];
  refining: boolean;
  /** Refine is fetching further pages to find matches. */
  scanning: boolean;
  /** Refine stopped at its cap or at the user's Stop, with more pages to scan. */
  paused: boolean;
  stop: () => void;
  continueScan: () => void;
}

/** The console's own read calls, recorded as AWS records them (its requests carry the console's key). */
export const isConsoleRead = (event: Event) =>
  event.ReadOnly === 'true' && event.AccessKeyId === CONSOLE_CREDENTIALS.accessKeyId;

export function useEventResults(
  filter: EventFilter,
  refine: RefineQuery,
  wanted: number,
  hideConsoleReads = false,
): EventResults {
  const query = useInfiniteQuery(eventQueries.list(filter));
  const pages = query.data?.pages;
  const refineKey = JSON.stringify(refine);
  const stableRefine = useMemo(() => JSON.parse(refineKey) as RefineQuery, [refineKey]);
  const refining = stableRefine.tokens.length > 0;

  // Apart, so a new Refine query keeps the loaded list (and what is derived from it, like suggestions).
  // The index is extended in place as pages arrive: a new `scanned` object marks each new set of pages.
  const scanned = useMemo(() => {
    const index = indexFor(pages ?? []);
    return { index, loaded: index.events.slice() };
  }, [pages]);
  const { loaded } = scanned;
  const matched = useMemo(() => {
    const refined = scanned.index.filter(stableRefine);
    return hideConsoleReads ? refined.filter((event) => !isConsoleRead(event)) : refined;
  }, [scanned, stableRefine, hideConsoleReads]);
  // Hiding the console's reads narrows like Refine: further pages are scanned, up to the same cap.
  const narrowing = refining || hideConsoleReads;

  // A new lookup or a new Refine starts a new scan (state reset during render, as React recommends).
  const scanKey = JSON.stringify([filter, refineKey, hideConsoleReads]);
  const [scan, setScan] = useState({ key: scanKey, cap: SCAN_STEP, stopped: false });
  if (scan.key !== scanKey) setScan({ key: scanKey, cap: loaded.length + SCAN_STEP, stopped: false });

  const held = narrowing && (scan.stopped || loaded.length >= scan.cap);
  const needMore =
    query.hasNextPage && !query.isFetching && !query.isError && matched.length < wanted && !held;
  const { fetchNextPage } = query;
  // Depends on the number loaded too: a page can arrive without a render in between that shows it loading.
  const loadedCount = loaded.length;
  useEffect(() => {
    if (needMore) void fetchNextPage();
  }, [needMore, fetchNextPage, loadedCount]);

  return {
    query,
    loaded,
    matched,
    refining,
    scanning: narrowing && !held && (query.isFetchingNextPage || needMore),
    paused: held && query.hasNextPage && matched.length < wanted,
    stop: () => setScan((current) => ({ ...current, stopped: true })),
    continueScan: () =>
      setScan((current) => ({ ...current, cap: loaded.length + SCAN_STEP, stopped: false })),
  };
}
