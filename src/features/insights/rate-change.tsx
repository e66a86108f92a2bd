// Rate change as the console shows it (docs/cloudtrail-facts.md#insights-console): the percentage with an up or down arrow; the
// arrow's meaning is spelled out for screen readers.
import Icon from '@cloudscape-design/components/icon';
import { rateChange } from '@/domain/insights';
import { VISUALLY_HIDDEN } from './visually-hidden';

export function RateChange({ baseline, insight }: { baseline?: number; insight?: number }) {
  if (baseline === undefined || insight === undefined) return <>-</>;
  const { percent, direction } = rateChange(baseline, insight);
  // A baseline of 0 has no finite ratio: the arrow alone says which way the rate went.
  const text = percent === undefined ? 'No baseline' : `${percent.toLocaleString('en-US')}%`;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {direction !== 'none' && (
        <>
          <Icon name={direction === 'up' ? 'arrow-up' : 'arrow-down'} />{' '}
          <span style={VISUALLY_HIDDEN}>{direction === 'up' ? 'increase' : 'decrease'}</span>
        </>
      )}
      <span>{text}</span>
    </span>
  );
}
