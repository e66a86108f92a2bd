// Finding a trail by name or ARN as CloudTrail does (reference/trails-lake-logs.md §4.5–4.7).
import { parseTrailArn, trailNameError } from '@/domain/trail-name';
import type { CallContext } from '../../context';
import { ServiceError } from '../../errors';
import type { AccountState, TrailState } from '../../state';

/** Trails that appear in a Region: those homed there and the shadows of multi-Region trails. */
export function trailsVisibleIn(state: AccountState, region: string, includeShadowTrails = true): TrailState[] {
  return [...state.trails.values()].filter(
    (t) => t.HomeRegion === region || (includeShadowTrails && t.IsMultiRegionTrail),
  );
}

export function trailNotFound(nameOrArn: string, context: CallContext): ServiceError {
  const arn = nameOrArn.startsWith('arn:')
    ? nameOrArn
    : `arn:aws:cloudtrail:${context.region}:${context.accountId}:trail/${nameOrArn}`;
  // Real message (reference §4.5): "Unknown trail: <arn> for the user: <account>"
  return new ServiceError('TrailNotFoundException', `Unknown trail: ${arn} for the user: ${context.accountId}`);
}

export function checkNameOrArn(nameOrArn: unknown, member = 'Name'): string {
  if (typeof nameOrArn !== 'string' || nameOrArn === '') {
    throw new ServiceError('InvalidTrailNameException', `${member} is required.`);
  }
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

/** Resolves a name (trails visible in this Region) or an ARN (any Region), or throws TrailNotFoundException. */
export function findTrail(state: AccountState, nameOrArn: unknown, context: CallContext, member = 'Name') {
  const key = checkNameOrArn(nameOrArn, member);
  const trail = key.startsWith('arn:')
    ? state.trails.get(key)
    : trailsVisibleIn(state, context.region).find((t) => t.Name === key);
  if (!trail) throw trailNotFound(key, context);
  return trail;
}
