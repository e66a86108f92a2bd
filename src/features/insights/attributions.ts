// The Attributions tab's tables (docs/cloudtrail-facts.md#insights-console): per attribute, the insight's top values with their
// insight and baseline averages and shares, the remainder as Other; and the baseline's own top values.
import { attributionRows } from '@/domain/insights';
import type { InsightAttribution, InsightType } from '@/domain/record';

export type AttributeName = InsightAttribution['attribute'];

export interface AttributionTableRow {
  value: string;
  insight: { average: number; percent: number };
  /** Absent when the value is not among the baseline's top values (the record does not say). */
  baseline?: { average: number; percent: number };
  other?: true;
}

export const ATTRIBUTION_TITLES: Record<AttributeName, { top: string; baseline: string; column: string }> = {
  userIdentityArn: {
    top: 'Top user identity ARNs',
    baseline: 'Top baseline user identity ARNs',
    column: 'User identity ARN',
  },
  userAgent: { top: 'Top user agents', baseline: 'Top baseline user agents', column: 'User agent' },
  errorCode: { top: 'Top error codes', baseline: 'Top baseline error codes', column: 'Error code' },
};

/** "Top error codes" are shown for API call rate insights only (§3.2). */
export function attributesFor(type: InsightType): AttributeName[] {
  return type === 'ApiCallRateInsight'
    ? ['userIdentityArn', 'userAgent', 'errorCode']
    : ['userIdentityArn', 'userAgent'];
}

/** Records write a call without an error as the value "null"; the console shows None (§3.2, §4.4). */
export function attributionLabel(attribute: AttributeName, value: string): string {
  return attribute === 'errorCode' && value === 'null' ? 'None' : value;
}

export function attributionTable(
  attribution: Pick<InsightAttribution, 'insight' | 'baseline'>,
  insightTotal: number,
  baselineTotal: number,
): AttributionTableRow[] {
  const baseline = new Map(
    attributionRows(attribution.baseline, baselineTotal).map((row) => [row.value, row]),
  );
  return attributionRows(attribution.insight, insightTotal).map((row) => {
    const out: AttributionTableRow = {
      value: row.value,
      insight: { average: row.average, percent: row.percent },
    };
    const match = row.other ? undefined : baseline.get(row.value);
    if (match && !match.other) out.baseline = { average: match.average, percent: match.percent };
    if (row.other) out.other = true;
    return out;
  });
}

export function baselineTable(
  attribution: Pick<InsightAttribution, 'baseline'>,
  baselineTotal: number,
): Array<{ value: string; average: number; percent: number; other?: true }> {
  return attributionRows(attribution.baseline, baselineTotal);
}

/** `13.47 (100%)`, as the tables show an average with its share of the total. */
export function averageWithShare(share: { average: number; percent: number } | undefined): string {
  return share ? `${share.average} (${share.percent}%)` : '-';
}
