// The console setting "Simulate LookupEvents throttling (2 requests per second)", kept in this browser.
// While it is on, the CloudTrail client sends `x-trailview-throttle: on` with each request (clients.ts),
// and the emulator then enforces LookupEvents' real rate limit and answers ThrottlingException "Rate
// exceeded" (src/emulator/services/cloudtrail/lookup-throttle.ts), so the console's retry with backoff
// can be seen. It is a request header because in local mode the emulator is the server: the browser
// reaches it only through the API. Real AWS ignores the header and throttles on its own.
import { useSyncExternalStore } from 'react';

export const THROTTLE_SIMULATION_STORAGE_KEY = 'trailview.simulate-throttling';
export const THROTTLE_SIMULATION_HEADER = 'x-trailview-throttle';

const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return globalThis.localStorage?.getItem(THROTTLE_SIMULATION_STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

let enabled = read();

export function isThrottleSimulationOn(): boolean {
  return enabled;
}

export function setThrottleSimulation(on: boolean): void {
  enabled = on;
  try {
    if (on) globalThis.localStorage?.setItem(THROTTLE_SIMULATION_STORAGE_KEY, 'on');
    else globalThis.localStorage?.removeItem(THROTTLE_SIMULATION_STORAGE_KEY);
  } catch {
    // Storage blocked: the setting still applies in this tab.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The setting as React state, for the Settings page: `[on, setOn]`. */
export function useThrottleSimulation(): [boolean, (on: boolean) => void] {
  return [useSyncExternalStore(subscribe, isThrottleSimulationOn, () => false), setThrottleSimulation];
}
