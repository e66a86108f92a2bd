// #/lake/event-data-stores/create: the Create event data store wizard (query-event-data-store-cloudtrail.html):
// Configure event data store, Choose events, Review and create, one form checked by the domain's rules;
// CreateEventDataStore's errors land on the field they concern or above the review.
import Alert from '@cloudscape-design/components/alert';
import Wizard from '@cloudscape-design/components/wizard';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { FormProvider, useForm, type FieldPath } from 'react-hook-form';
import { toAwsError } from '@/api/aws-error';
import { lakeStoreMutations } from '@/api/lake-store-mutations';
import { useNotifications } from '@/components/notifications';
import { useSettings } from '@/components/settings';
import {
  createEventDataStoreInput,
  defaultEventDataStoreFormValues,
  eventDataStoreFormSchema,
  STORE_STEPS,
  stepOfField,
  type EventDataStoreFormValues,
} from './event-data-store-form';
import { LakeAvailabilityNotice } from './lake-ui';
import { StoreConfigureStep } from './store-configure-step';
import { StoreEventsStep } from './store-events-step';
import { STORE_STEP_TITLES, StoreReviewStep } from './store-review-step';

const schema = eventDataStoreFormSchema();

/** The fields each step checks before Next. */
const STEP_FIELDS: ReadonlyArray<Array<FieldPath<EventDataStoreFormValues>>> = [
  ['name', 'retention', 'tags'],
  ['management', 'read', 'dataSelectors', 'networkSelectors'],
];

export function CreateEventDataStorePage() {
  const { settings } = useSettings();
  const navigate = useNavigate();
  const { notify } = useNotifications();
  const [defaults] = useState(defaultEventDataStoreFormValues);
  const form = useForm<EventDataStoreFormValues>({
    resolver: zodResolver(schema),
    defaultValues: defaults,
    mode: 'onTouched',
  });
  const [step, setStep] = useState(0);
  const create = useMutation(lakeStoreMutations.create(settings.region));

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
    (values) =>
      create.mutate(createEventDataStoreInput(values), {
        onSuccess: () => {
          notify({
            action: 'create-event-data-store',
            type: 'success',
            content: `Event data store ${values.name} successfully created.`,
          });
          void navigate({ to: '/lake/event-data-stores' });
        },
        onError: (error) => {
          const { name, message } = toAwsError(error);
          if (name === 'EventDataStoreAlreadyExistsException') {
            create.reset();
            form.setError('name', { message }, { shouldFocus: true });
            setStep(0);
          }
        },
      }),
    (errors) =>
      setStep(Math.min(...Object.keys(errors).map((field) => STORE_STEPS.indexOf(stepOfField(field))))),
  );

  const failure = create.error && toAwsError(create.error);
  return (
    <FormProvider {...form}>
      <form onSubmit={(event) => event.preventDefault()} noValidate>
        <Wizard
          activeStepIndex={step}
          onNavigate={({ detail }) => void goTo(detail.requestedStepIndex)}
          onCancel={() => void navigate({ to: '/lake/event-data-stores' })}
          onSubmit={() => void submit()}
          isLoadingNextStep={create.isPending}
          submitButtonText="Create event data store"
          steps={[
            { title: STORE_STEP_TITLES[0], content: <StoreConfigureStep /> },
            { title: STORE_STEP_TITLES[1], content: <StoreEventsStep region={settings.region} /> },
            {
              title: STORE_STEP_TITLES[2],
              content: (
                <StoreReviewStep
                  region={settings.region}
                  onEdit={setStep}
                  status={
                    <>
                      <LakeAvailabilityNotice />
                      {failure && (
                        <Alert type="error" header={failure.name}>
                          {failure.message}
                        </Alert>
                      )}
                    </>
                  }
                />
              ),
            },
          ]}
        />
      </form>
    </FormProvider>
  );
}
