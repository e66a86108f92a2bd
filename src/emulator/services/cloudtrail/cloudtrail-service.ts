// CloudTrail's operations over the event store and the account state.
import type { Operation } from '../../context';
import type { AccountState } from '../../state';
import type { EventStore } from '../../store/event-store';
import type { InsightsEngine } from '../../insights/engine';
import { insightsOperations } from './insights-metric-data';
import { lookupEvents } from './lookup-events';
import { createLookupThrottle } from './lookup-throttle';
import { trailOperations } from './trail-operations';

export const CLOUDTRAIL_TARGET_PREFIX = 'CloudTrail_20131101';

export interface CloudTrailDeps {
  store: EventStore;
  state: AccountState;
  /** Without it ListInsightsMetricData answers UnsupportedOperationException. */
  insights?: InsightsEngine;
  /** Rate-limit every LookupEvents call, not only those asking for it by header (lookup-throttle.ts). */
  throttleLookupEvents?: boolean;
}

export function cloudTrailOperations(deps: CloudTrailDeps): Record<string, Operation> {
  const { store, state, insights } = deps;
  const throttle = createLookupThrottle();
  return {
    LookupEvents: (input, context) => {
      if (deps.throttleLookupEvents || context.throttleLookups) {
        throttle.admit(context.accountId, context.region, context.now);
      }
      return lookupEvents(store, input, context);
    },
    ...insightsOperations({ insights }),

    ...trailOperations(state),
  };
}
