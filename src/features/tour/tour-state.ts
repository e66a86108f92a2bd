// Whether the Tour runs and at which step, kept in sessionStorage so it survives the page changes it makes
// and a reload, and ends with the tab. `now` is fixed when the tour starts, so its time ranges do not move.
import { useSyncExternalStore } from 'react';

export interface TourState {
  step: number;
  now: number;
}

const KEY = 'trailview.tour';
const listeners = new Set<() => void>();
let cached: { raw: string | null; state: TourState | undefined } = { raw: null, state: undefined };

function read(): TourState | undefined {
  let raw: string | null = null;
  try {
    raw = globalThis.sessionStorage?.getItem(KEY) ?? null;
  } catch {
    // Storage blocked: no tour.
  }
  if (raw === cached.raw) return cached.state;
  let state: TourState | undefined;
  try {
    const parsed = raw ? (JSON.parse(raw) as Partial<TourState>) : undefined;
    if (parsed && Number.isInteger(parsed.step) && Number.isFinite(parsed.now))
      state = { step: parsed.step!, now: parsed.now! };
  } catch {
    // Not ours or broken: no tour.
  }
  cached = { raw, state };
  return state;
}

export function setTourState(state: TourState | undefined): void {
  try {
    if (state) globalThis.sessionStorage?.setItem(KEY, JSON.stringify(state));
    else globalThis.sessionStorage?.removeItem(KEY);
  } catch {
    // Storage blocked: the tour cannot keep its place.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const useTourState = () => useSyncExternalStore(subscribe, read, () => undefined);
