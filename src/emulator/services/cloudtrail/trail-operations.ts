// The trail operations of CloudTrail (docs/cloudtrail-facts.md#trails): settings, logging, selectors, tags.
import type { Operation } from '../../context';
import type { AccountState } from '../../state';
import { describeTrails } from './describe-trails';
import { createTrail } from './trail-create';
import { findTrail, trailsVisibleIn } from './trail-lookup';
import { trailOutput, trailStatusOutput } from './trail-output';
import {
  getEventSelectors,
  getInsightSelectors,
  putEventSelectors,
  putInsightSelectors,
} from './trail-selectors';
import { listPublicKeys } from './signing-keys';
import { addTags, listTags, removeTags } from './trail-tags';
import { deleteTrail, startLogging, stopLogging, updateTrail } from './trail-update';

export function trailOperations(state: AccountState): Record<string, Operation> {
  return {
    CreateTrail: (input, context) => createTrail(state, input, context),
    UpdateTrail: (input, context) => updateTrail(state, input, context),
    DeleteTrail: (input, context) => deleteTrail(state, input, context),
    DescribeTrails: (input, context) => describeTrails(state, input, context),
    GetTrail: (input, context) => ({ Trail: trailOutput(findTrail(state, input.Name, context)) }),
    ListTrails: (_input, context) => ({
      Trails: trailsVisibleIn(state, context.region).map((t) => ({
        TrailARN: t.TrailARN,
        Name: t.Name,
        HomeRegion: t.HomeRegion,
      })),
    }),
    GetTrailStatus: (input, context) => trailStatusOutput(findTrail(state, input.Name, context)),
    StartLogging: (input, context) => startLogging(state, input, context),
    StopLogging: (input, context) => stopLogging(state, input, context),
    PutEventSelectors: (input, context) => putEventSelectors(state, input, context),
    GetEventSelectors: (input, context) => getEventSelectors(state, input, context),
    PutInsightSelectors: (input, context) => putInsightSelectors(state, input, context),
    GetInsightSelectors: (input, context) => getInsightSelectors(state, input, context),
    ListPublicKeys: (input, context) => listPublicKeys(state, input, context),
    AddTags: (input, context) => addTags(state, input, context),
    RemoveTags: (input, context) => removeTags(state, input, context),
    ListTags: (input, context) => listTags(state, input, context),
  };
}
