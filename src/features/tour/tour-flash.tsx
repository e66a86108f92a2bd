// The running Tour step, shown above every page (console-layout's Flashbar). The steps and the demo
// stories they open load only once a tour runs, so no other page pays for them.
import Button from '@cloudscape-design/components/button';
import type { FlashbarProps } from '@cloudscape-design/components/flashbar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useRouter } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { setTourState, useTourState } from './tour-state';
import type * as StepsModule from './tour-steps';

type TourSteps = typeof StepsModule;

/** The Tour as a Flashbar item for the console's notifications, or undefined when it is not running. */
export function useTourFlash(): FlashbarProps.MessageDefinition | undefined {
  const router = useRouter();
  const state = useTourState();
  const [module, setModule] = useState<TourSteps>();
  useEffect(() => {
    if (state && !module) void import('./tour-steps').then(setModule);
  }, [state, module]);
  if (!state || !module) return undefined;
  const steps = module.tourSteps(new Date(state.now));
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
