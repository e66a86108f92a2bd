// DescribeTrails (docs/cloudtrail-facts.md#trails): with no names, the trails this Region shows
// (shadows of multi-Region trails unless includeShadowTrails is false); names match only trails homed in
// this Region, and "To return information about a trail in another Region, you must specify its trail
// ARN." Unknown names and ARNs are left out, not errors.
import type { CallContext } from '../../context';
import { ServiceError } from '../../errors';
import type { AccountState } from '../../state';
import { optionalBoolean, optionalStringList } from '../input';
import { checkNameOrArn, trailsVisibleIn } from './trail-lookup';
import { trailOutput } from './trail-output';

export function describeTrails(state: AccountState, input: Record<string, unknown>, context: CallContext) {
  const invalidName = (message: string) => new ServiceError('InvalidTrailNameException', message);
  const names = optionalStringList(input.trailNameList, 'trailNameList', invalidName);
  const includeShadowTrails =
    optionalBoolean(input.includeShadowTrails, 'includeShadowTrails', invalidName) !== false;
  let trails = trailsVisibleIn(state, context.region, includeShadowTrails);
  if (names && names.length > 0) {
    const wanted = names.map((n) => checkNameOrArn(n, 'trailNameList'));
    trails = [
      ...new Set(
        wanted.flatMap((key) => {
          if (key.startsWith('arn:')) {
            const trail = state.trails.get(key);
            return trail ? [trail] : [];
          }
          return [...state.trails.values()].filter((t) => t.Name === key && t.HomeRegion === context.region);
        }),
      ),
    ];
  }
  return { trailList: trails.map(trailOutput) };
}
