// Starting the Tour (the Tour page): each step is a real console page, opened with its filters set; the
// running step is shown by tour-flash.tsx.
import { useRouter } from '@tanstack/react-router';
import { setTourState } from './tour-state';
import { tourSteps } from './tour-steps';

/** Starts the tour at a step (the Tour page's Start tour and its step links). */
export function useStartTour() {
  const router = useRouter();
  return (step = 0) => {
    const now = Date.now();
    const target = tourSteps(new Date(now))[step];
    if (!target) return;
    setTourState({ step, now });
    void router.navigate({ href: target.href.slice(1) });
  };
}
