// While the investigation routes are still reading the store for the first time (a large local store, or the
// demo filling in its older days), the pages show what is read so far with this bar above it.
import ProgressBar from '@cloudscape-design/components/progress-bar';
import type { ReadProgress } from '@/domain/detections/report';

export function ReadProgressBar({ progress, what }: { progress?: ReadProgress; what: string }) {
  if (!progress || progress.complete) return null;
  const { read, total } = progress;
  return (
    <ProgressBar
      label="Reading events"
      // Rounded down: 162,197 of 162,809 is 99 %, not a full bar while reading goes on.
      value={total > 0 ? Math.min(99, Math.floor((read / total) * 100)) : 0}
      description={`${read.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} events read. ${what}`}
    />
  );
}
