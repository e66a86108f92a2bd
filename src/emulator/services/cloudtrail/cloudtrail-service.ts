// CloudTrail's operations over the event store and the account state.
import type { Operation } from '../../context';
import { ServiceError } from '../../errors';
import type { AccountState } from '../../state';
import type { EventStore } from '../../store/event-store';
import { lookupEvents } from './lookup-events';
import { checkNameOrArn, findTrail, trailsVisibleIn } from './trail-lookup';
import { trailOutput, trailStatusOutput } from './trail-output';

export const CLOUDTRAIL_TARGET_PREFIX = 'CloudTrail_20131101';

export interface CloudTrailDeps {
  store: EventStore;
  state: AccountState;
}

export function cloudTrailOperations({ store, state }: CloudTrailDeps): Record<string, Operation> {
  return {
    LookupEvents: (input, context) => lookupEvents(store, input, context),

    DescribeTrails: (input, context) => {
      const names = input.trailNameList;
      if (names !== undefined && names !== null && !Array.isArray(names)) {
        throw new ServiceError('InvalidTrailNameException', 'trailNameList must be a list.');
      }
      const includeShadowTrails = input.includeShadowTrails !== false;
      let trails = trailsVisibleIn(state, context.region, includeShadowTrails);
      if (names && names.length > 0) {
        const wanted = names.map((n) => checkNameOrArn(n, 'trailNameList'));
        trails = wanted.flatMap((key) => {
          if (key.startsWith('arn:')) {
            const trail = state.trails.get(key);
            return trail ? [trail] : [];
          }
          return trails.filter((t) => t.Name === key);
        });
      }
      return { trailList: trails.map(trailOutput) };
    },

    GetTrail: (input, context) => ({ Trail: trailOutput(findTrail(state, input.Name, context)) }),

    ListTrails: (_input, context) => ({
      Trails: trailsVisibleIn(state, context.region).map((t) => ({
        TrailARN: t.TrailARN,
        Name: t.Name,
        HomeRegion: t.HomeRegion,
      })),
    }),

    GetTrailStatus: (input, context) => trailStatusOutput(findTrail(state, input.Name, context), context.now),
  };
}
