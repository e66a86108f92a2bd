// The running Tour, above every page: the step's story and caption, Back, Next and End tour. Each step is
// a real console page; Back and Next navigate to it with its filters set.
import Button from '@cloudscape-design/components/button';
import type { FlashbarProps } from '@cloudscape-design/components/flashbar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useRouter } from '@tanstack/react-router';
import { setTourState, useTourState } from './tour-state';
import { tourSteps } from './tour-steps';

/** The Tour as a Flashbar item for the console's notifications, or undefined when it is not running. */
export function useTourFlash(): FlashbarProps.MessageDefinition | undefined {
  const router = useRouter();
  const state = useTourState();
  if (!state) return undefined;
  const steps = tourSteps(new Date(state.now));
  const step = steps[state.step];
  if (!step) return undefined;
  const go = (index: number) => {
    const target = steps[index];
    if (!target) return;
    setTourState({ ...state, step: index });
    void router.navigate({ href: target.href.slice(1) });
  };
  const last = state.step === steps.length - 1;
  return {
    id: 'tour',
    type: 'info',
    header: `Tour, step ${state.step + 1} of ${steps.length} · ${step.chapter}: ${step.title}`,
    content: step.caption,
    dismissible: false,
    action: (
      <SpaceBetween size="xs" direction="horizontal">
        <Button disabled={state.step === 0} onClick={() => go(state.step - 1)}>
          Back
        </Button>
        {last ? (
          <Button onClick={() => setTourState(undefined)}>Finish tour</Button>
        ) : (
          <Button onClick={() => go(state.step + 1)}>Next</Button>
        )}
        {!last && <Button onClick={() => setTourState(undefined)}>End tour</Button>}
      </SpaceBetween>
    ),
  };
}

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
