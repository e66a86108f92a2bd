// A detection rule's level (Sigma: informational, low, medium, high, critical) as a coloured badge. The
// colours follow Cloudscape's severity badges.
import Badge, { type BadgeProps } from '@cloudscape-design/components/badge';
import type { Level } from '@/domain/detections/sigma-rule';

const COLORS: Record<Level, BadgeProps['color']> = {
  critical: 'severity-critical',
  high: 'severity-high',
  medium: 'severity-medium',
  low: 'severity-low',
  informational: 'severity-neutral',
};

export const LEVEL_LABELS: Record<Level, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  informational: 'Informational',
};

export function LevelBadge({ level }: { level: Level }) {
  return <Badge color={COLORS[level]}>{LEVEL_LABELS[level]}</Badge>;
}
