// GetEventConfiguration and PutEventConfiguration (rules in domain/lake-event-configuration.ts): an event
// data store's MaxEventSize and ContextKeySelectors, kept in the store catalog; a trail's
// AggregationConfigurations, kept on the trail in the account state. Either EventDataStore or TrailName
// names the resource, never both. The emulator keeps the settings; it does not enlarge or enrich events.
import {
  DEFAULT_MAX_EVENT_SIZE,
  ENRICHABLE_EVENT_CATEGORIES,
  EVENT_CONFIGURATION_MESSAGES as MESSAGES,
  MAX_EVENT_SIZES,
  eventSizeCombinationError,
  readAggregationConfigurations,
  readContextKeySelectors,
  type MaxEventSize,
} from '@/domain/lake-event-configuration';
import { LAKE_MESSAGES, type EventDataStoreState } from '@/domain/lake';
import { selectorEventCategories } from '@/domain/lake-import';
import type { CallContext, Operation } from '../../context';
import { ServiceError } from '../../errors';
import type { AccountState, TrailState } from '../../state';
import { optionalString } from '../input';
import type { LakeCatalog } from './lake-stores';
import { findTrail, findTrailToChange } from './trail-lookup';

const invalidParameter = (message: string) => new ServiceError('InvalidParameterException', message);
const invalidCombination = (message: string) =>
  new ServiceError('InvalidParameterCombinationException', message);

type Target = { store: string; trail?: undefined } | { trail: string; store?: undefined };

/** Exactly one of EventDataStore and TrailName. */
function targetOf(input: Record<string, unknown>): Target {
  const store = optionalString(input.EventDataStore, 'EventDataStore', invalidParameter) || undefined;
  const trail = optionalString(input.TrailName, 'TrailName', invalidParameter) || undefined;
  if (store && trail) throw invalidCombination(MESSAGES.bothTargets);
  if (store) return { store };
  if (trail) return { trail };
  throw invalidCombination(MESSAGES.noTarget);
}

/** Only stores of management and data events can be enriched (cloudtrail-context-events.html). */
function checkCategory(store: EventDataStoreState): void {
  const categories = selectorEventCategories(store.advancedEventSelectors);
  if (categories.some((c) => !ENRICHABLE_EVENT_CATEGORIES.has(c))) {
    throw new ServiceError('InvalidEventDataStoreCategoryException', MESSAGES.category);
  }
}

function storeOutput(store: EventDataStoreState) {
  return {
    EventDataStoreArn: store.arn,
    MaxEventSize: store.eventConfiguration?.maxEventSize ?? DEFAULT_MAX_EVENT_SIZE,
    ContextKeySelectors: store.eventConfiguration?.contextKeySelectors ?? [],
  };
}

const trailOutput = (trail: TrailState) => ({
  TrailARN: trail.TrailARN,
  AggregationConfigurations: trail.aggregationConfigurations ?? [],
});

export function eventConfigurationOperations(
  catalog: LakeCatalog,
  state: AccountState,
): Record<string, Operation> {
  const findStore = async (id: string, context: CallContext) => {
    await catalog.ready(context.now);
    const store = catalog.find(id, context);
    checkCategory(store);
    return store;
  };

  return {
    async GetEventConfiguration(input, context) {
      const target = targetOf(input);
      if (target.trail !== undefined)
        return trailOutput(findTrail(state, target.trail, context, 'TrailName'));
      return storeOutput(await findStore(target.store, context));
    },

    async PutEventConfiguration(input, context) {
      const target = targetOf(input);
      if (target.trail !== undefined) {
        if (input.MaxEventSize !== undefined || input.ContextKeySelectors !== undefined) {
          throw invalidCombination(MESSAGES.storeMembersOnTrail);
        }
        const trail = findTrailToChange(state, target.trail, context, 'TrailName');
        const read = readAggregationConfigurations(input.AggregationConfigurations ?? []);
        if (typeof read === 'string') throw invalidParameter(read);
        const next: TrailState = { ...trail, aggregationConfigurations: read };
        if (read.length === 0) delete next.aggregationConfigurations;
        state.trails.set(trail.TrailARN, next);
        return trailOutput(next);
      }
      if (input.AggregationConfigurations !== undefined) {
        throw invalidCombination(MESSAGES.aggregationOnStore);
      }
      const store = await findStore(target.store, context);
      if (store.status === 'PENDING_DELETION') {
        throw new ServiceError('InactiveEventDataStoreException', LAKE_MESSAGES.edsInactive);
      }
      const size = optionalString(input.MaxEventSize, 'MaxEventSize', invalidParameter);
      if (size !== undefined && !MAX_EVENT_SIZES.includes(size as MaxEventSize)) {
        throw invalidParameter(MESSAGES.maxEventSize);
      }
      // A member left out keeps its setting; an empty ContextKeySelectors list removes the keys.
      const maxEventSize =
        (size as MaxEventSize | undefined) ??
        store.eventConfiguration?.maxEventSize ??
        DEFAULT_MAX_EVENT_SIZE;
      let contextKeySelectors = store.eventConfiguration?.contextKeySelectors ?? [];
      if (input.ContextKeySelectors !== undefined) {
        const read = readContextKeySelectors(input.ContextKeySelectors);
        if (typeof read === 'string') throw invalidParameter(read);
        contextKeySelectors = read;
      }
      const problem = eventSizeCombinationError(maxEventSize, contextKeySelectors);
      if (problem) throw invalidCombination(problem);
      const next: EventDataStoreState = {
        ...store,
        eventConfiguration: { maxEventSize, contextKeySelectors },
        updatedMs: context.now,
      };
      await catalog.put(next);
      return storeOutput(next);
    },
  };
}
