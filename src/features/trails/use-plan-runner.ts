// Runs a trail plan (src/api/trail-mutations.ts) with its progress, and puts a failure on the form field it
// concerns; what concerns no field is returned for the page to show.
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { UseFormSetError } from 'react-hook-form';
import { toAwsError, type AwsError } from '@/api/aws-error';
import { isTrailPlanError, trailMutations, type TrailPlan } from '@/api/trail-mutations';
import type { PlanProgressState } from './create/plan-progress';
import { fieldForError } from './form/server-errors';
import type { TrailFormValues } from './form/trail-form-values';

export type PlanOutcome = { ok: true } | { ok: false; field?: string; error: AwsError };

export function usePlanRunner(setError: UseFormSetError<TrailFormValues>) {
  const mutation = useMutation(trailMutations.plan());
  // Survives failed attempts, so trying again does not create the same resource twice.
  const done = useRef(new Set<string>());
  const [progress, setProgress] = useState<PlanProgressState>();

  async function run(plan: TrailPlan, values: TrailFormValues): Promise<PlanOutcome> {
    const snapshot = (current?: PlanProgressState['current'], failed = false) =>
      setProgress({ plan, done: new Set(done.current), current, failed });
    snapshot();
    try {
      await mutation.mutateAsync({ plan, done: done.current, onStep: (step) => snapshot(step) });
      snapshot();
      return { ok: true };
    } catch (error) {
      const step = isTrailPlanError(error) ? error.step : undefined;
      snapshot(step, true);
      const awsError = toAwsError(error);
      const field = fieldForError(awsError.name, step, values);
      if (field) setError(field, { type: 'server', message: awsError.message }, { shouldFocus: true });
      return { ok: false, error: awsError, ...(field && { field }) };
    }
  }

  return { run, progress, pending: mutation.isPending };
}
