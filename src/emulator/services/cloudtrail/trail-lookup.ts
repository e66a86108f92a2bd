// Finding a trail by name or ARN as CloudTrail does (docs/cloudtrail-facts.md#trails–4.7).
import { parseTrailArn, trailNameError } from '@/domain/trail-name';
import type { CallContext } from '../../context';
import { ServiceError } from '../../errors';
import type { AccountState, TrailState } from '../../state';
import { requiredString } from '../input';

/** Trails that appear in a Region: those homed there and the shadows of multi-Region trails. */
export function trailsVisibleIn(
  state: AccountState,
  region: string,
  includeShadowTrails = true,
): TrailState[] {
  return [...state.trails.values()].filter(
    (t) => t.HomeRegion === region || (includeShadowTrails && t.IsMultiRegionTrail),
  );
}

export function trailNotFound(nameOrArn: string, context: CallContext): ServiceError {
  const arn = nameOrArn.startsWith('arn:')
    ? nameOrArn
    : `arn:aws:cloudtrail:${context.region}:${context.accountId}:trail/${nameOrArn}`;
  // Real message (docs/cloudtrail-facts.md#insights): "Unknown trail: <arn> for the user: <account>"
  return new ServiceError(
    'TrailNotFoundException',
    `Unknown trail: ${arn} for the user: ${context.accountId}`,
  );
}

const invalidTrailName = (message: string) => new ServiceError('InvalidTrailNameException', message);

export function checkNameOrArn(value: unknown, member = 'Name'): string {
  const nameOrArn = requiredString(value, member, invalidTrailName);
  if (nameOrArn.startsWith('arn:')) {
    if (!parseTrailArn(nameOrArn)) {
      throw new ServiceError('CloudTrailARNInvalidException', `Invalid trail ARN: ${nameOrArn}.`);
    }
    return nameOrArn;
  }
  const problem = trailNameError(nameOrArn);
  if (problem) throw new ServiceError('InvalidTrailNameException', problem);
  return nameOrArn;
}

/**
 * Resolves a name or an ARN to a trail visible in the call's Region, or throws. A name matches only a
 * trail homed in this Region ("To get the status of a shadow trail … you must specify its ARN",
 * API_GetTrailStatus.html; by name from another Region AWS answers TrailNotFoundException — aws-sdk-go-v2
 * issue 1957). An ARN matches the trail or its shadow; an ARN of a trail not visible here whose Region
 * differs answers CloudTrailARNInvalidException "Region in ARN is wrong, you can only access resources in
 * region <r>." (observed: aws-sdk-java issue 1309, cq-provider-aws issue 236).
 */
export function findTrail(state: AccountState, nameOrArn: unknown, context: CallContext, member = 'Name') {
  const key = checkNameOrArn(nameOrArn, member);
  if (!key.startsWith('arn:')) {
    const trail = [...state.trails.values()].find((t) => t.Name === key && t.HomeRegion === context.region);
    if (!trail) throw trailNotFound(key, context);
    return trail;
  }
  const trail = state.trails.get(key);
  if (trail && (trail.HomeRegion === context.region || trail.IsMultiRegionTrail)) return trail;
  if (parseTrailArn(key)!.region !== context.region) throw wrongRegion(context);
  throw trailNotFound(key, context);
}

export function wrongRegion(context: CallContext): ServiceError {
  return new ServiceError(
    'CloudTrailARNInvalidException',
    `Region in ARN is wrong, you can only access resources in region ${context.region}.`,
  );
}

/**
 * A trail to change: only from its home Region ("this operation must be called from the Region in which
 * the trail was created. This operation cannot be called on the shadow trails", API_StartLogging.html).
 * The message is UNCONFIRMED (docs/cloudtrail-facts.md#records).
 */
export function findTrailToChange(
  state: AccountState,
  nameOrArn: unknown,
  context: CallContext,
  member = 'Name',
) {
  const trail = findTrail(state, nameOrArn, context, member);
  if (trail.HomeRegion !== context.region) {
    throw new ServiceError(
      'InvalidHomeRegionException',
      `The trail ${trail.TrailARN} can be changed only from its home Region, ${trail.HomeRegion}.`,
    );
  }
  return trail;
}
