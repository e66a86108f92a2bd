// The Create trail wizard (docs/cloudtrail-facts.md#create-trail-and-trail-details): three steps over one form, inline validation
// from the domain rules, the console's create sequence, and server errors on the field they concern.
import Alert from '@cloudscape-design/components/alert';
import Wizard from '@cloudscape-design/components/wizard';
import { zodResolver } from '@hookform/resolvers/zod';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import type { AwsError } from '@/api/aws-error';
import { useNotifications } from '@/components/notifications';
import { trailFormSchema, ATTRIBUTE_SECTIONS, EVENT_SECTIONS } from '../form/trail-form-schema';
import { defaultTrailFormValues, type TrailFormValues } from '../form/trail-form-values';
import { createTrailPlan } from '../form/trail-plan';
import { STEP_FIELDS, STEP_TITLES, stepOfField } from '../form/wizard-steps';
import { useLeavePagePrompt } from '../leave-page-prompt';
import { usePlanRunner } from '../use-plan-runner';
import { AttributesStep, type StepContext } from './attributes-step';
import { EventsStep } from './events-step';
import { PlanProgress } from './plan-progress';
import { ReviewStep } from './review-step';

const schema = trailFormSchema([...ATTRIBUTE_SECTIONS, ...EVENT_SECTIONS]);

export function CreateTrailWizard(context: StepContext) {
  const { region, accountId } = context;
  const navigate = useNavigate();
  const { notify } = useNotifications();
  const [defaults] = useState(() => defaultTrailFormValues(accountId));
  const form = useForm<TrailFormValues>({
    resolver: zodResolver(schema),
    defaultValues: defaults,
    mode: 'onTouched',
  });
  const [step, setStep] = useState(0);
  const [failure, setFailure] = useState<AwsError>();
  const { run, progress, pending } = usePlanRunner(form.setError);
  const { prompt, allowLeave } = useLeavePagePrompt(form.formState.isDirty && !pending);

  /** Next (or a later step in the navigation) only when every step before it is valid. */
  async function goTo(requested: number) {
    for (let s = step; s < requested; s++) {
      if (!(await form.trigger(STEP_FIELDS[s], { shouldFocus: true }))) {
        setStep(s);
        return;
      }
    }
    setStep(requested);
  }

  const submit = form.handleSubmit(
    async (values) => {
      setFailure(undefined);
      const outcome = await run(createTrailPlan(values, { region, accountId: accountId ?? '' }), values);
      if (outcome.ok) {
        allowLeave();
        notify({
          action: 'create-trail',
          type: 'success',
          content: `Trail ${values.name} successfully created.`,
        });
        await navigate({ to: '/trails' });
      } else if (outcome.field) {
        setStep(stepOfField(outcome.field));
      } else {
        setFailure(outcome.error);
      }
    },
    (errors) => setStep(Math.min(...Object.keys(errors).map(stepOfField))),
  );

  const status = useMemo(
    () => (
      <>
        {failure && (
          <Alert type="error" header={failure.name}>
            {failure.message}
          </Alert>
        )}
        {progress && <PlanProgress {...progress} />}
      </>
    ),
    [failure, progress],
  );

  return (
    <FormProvider {...form}>
      <form onSubmit={(event) => event.preventDefault()} noValidate>
        <Wizard
          activeStepIndex={step}
          onNavigate={({ detail }) => void goTo(detail.requestedStepIndex)}
          onCancel={() => void navigate({ to: '/trails' })}
          onSubmit={() => void submit()}
          isLoadingNextStep={pending}
          submitButtonText="Create trail"
          steps={[
            { title: STEP_TITLES[0], content: <AttributesStep {...context} /> },
            { title: STEP_TITLES[1], content: <EventsStep region={region} /> },
            {
              title: STEP_TITLES[2],
              content: <ReviewStep accountId={accountId} onEdit={setStep} status={status} />,
            },
          ]}
        />
      </form>
      {prompt}
    </FormProvider>
  );
}
