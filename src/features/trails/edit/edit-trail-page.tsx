// #/trails/<name>/edit/<section>: one part of a trail, with Save changes that changes only that part.
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Form from '@cloudscape-design/components/form';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { toAwsError, type AwsError } from '@/api/aws-error';
import { trailMutations } from '@/api/trail-mutations';
import { useNotifications } from '@/components/notifications';
import { PlanProgress } from '../create/plan-progress';
import { useTrail } from '../details/use-trail';
import { trailFormSchema } from '../form/trail-form-schema';
import type { TrailFormValues } from '../form/trail-form-values';
import { bucketNameOf } from '../form/trail-plan';
import { trailToFormValues, type TrailConfiguration } from '../form/trail-to-form-values';
import { useLeavePagePrompt } from '../leave-page-prompt';
import { usePlanRunner } from '../use-plan-runner';
import { WhatIfPanel } from '../fields/what-if-panel';
import { BucketPolicyOffer, type PolicyTarget } from './bucket-policy-offer';
import { EditSectionFields } from './edit-section-fields';
import {
  EDIT_SECTION_RULES,
  EDIT_SECTION_TITLES,
  editSectionSchema,
  type EditSection,
} from './edit-sections';
import { createsResources, editPlan, tagChange } from './edit-submit';

/** The sections that edit what the trail selects, where the what-if is shown. */
const EVENT_SECTIONS: ReadonlySet<EditSection> = new Set(['management', 'data', 'insights', 'network']);

export function EditTrailPage({ trailName, section }: { trailName: string; section: string }) {
  const parsed = editSectionSchema.safeParse(section);
  if (!parsed.success) {
    return (
      <Alert type="error" header="Page not found">
        {`A trail has no part named ${section} to edit.`}
      </Alert>
    );
  }
  return <EditTrail trailName={trailName} section={parsed.data} />;
}

function EditTrail({ trailName, section }: { trailName: string; section: EditSection }) {
  const { configuration, loading, error, home, accountId } = useTrail(trailName);
  if (loading) return <Spinner size="large" />;
  if (!configuration) {
    return (
      <Alert type="error" header="Trail not found">
        {error ? toAwsError(error).message : `There is no trail named ${trailName} in this Region.`}
      </Alert>
    );
  }
  return (
    <EditTrailForm configuration={configuration} section={section} region={home} accountId={accountId} />
  );
}

function EditTrailForm({
  configuration,
  section,
  region,
  accountId,
}: {
  configuration: TrailConfiguration;
  section: EditSection;
  region: string;
  accountId: string | undefined;
}) {
  const { trail } = configuration;
  const name = trail.Name ?? '';
  const navigate = useNavigate();
  const { notify } = useNotifications();
  const [defaults] = useState(() => trailToFormValues(configuration, accountId));
  const form = useForm<TrailFormValues>({
    resolver: zodResolver(trailFormSchema(EDIT_SECTION_RULES[section])),
    defaultValues: defaults,
    mode: 'onTouched',
  });
  const { run, progress, pending } = usePlanRunner(form.setError);
  const tags = useMutation(trailMutations.tags());
  const [failure, setFailure] = useState<AwsError>();
  const [policyTarget, setPolicyTarget] = useState<PolicyTarget>();
  const saving = pending || tags.isPending;
  const { prompt, allowLeave } = useLeavePagePrompt(form.formState.isDirty && !saving);
  const backToDetails = () => navigate({ to: '/trails/$trailName', params: { trailName: name } });

  const save = form.handleSubmit(async (values) => {
    setFailure(undefined);
    setPolicyTarget(undefined);
    if (section === 'tags') {
      try {
        await tags.mutateAsync({
          region,
          trailArn: trail.TrailARN ?? '',
          ...tagChange(values, configuration.tags),
        });
      } catch (e) {
        form.setError('tags', { type: 'server', message: toAwsError(e).message });
        return;
      }
    } else {
      const context = { region, accountId: accountId ?? '' };
      const outcome = await run(editPlan(section, values, trail, configuration.selectors, context), values);
      if (!outcome.ok) {
        if (!outcome.field) setFailure(outcome.error);
        if (outcome.error.name === 'InsufficientS3BucketPolicyException') {
          setPolicyTarget({
            ...context,
            bucket: bucketNameOf(values),
            prefix: values.prefix,
            trailArn: trail.TrailARN ?? '',
          });
        }
        return;
      }
    }
    allowLeave();
    notify({ action: 'update-trail', type: 'success', content: `Trail ${name} successfully updated.` });
    await backToDetails();
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={(event) => event.preventDefault()} noValidate>
        <Form
          header={
            <Header variant="h1" description={`Trail ${name}`}>
              {`Edit ${EDIT_SECTION_TITLES[section].toLowerCase()}`}
            </Header>
          }
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button variant="link" formAction="none" onClick={() => void backToDetails()}>
                Cancel
              </Button>
              <Button variant="primary" loading={saving} onClick={() => void save()}>
                Save changes
              </Button>
            </SpaceBetween>
          }
          errorText={failure && `${failure.name}: ${failure.message}`}
        >
          <SpaceBetween size="l">
            <EditSectionFields section={section} region={region} accountId={accountId} />
            {policyTarget && <BucketPolicyOffer target={policyTarget} onUpdated={save} />}
            {EVENT_SECTIONS.has(section) && (
              <WhatIfPanel
                region={region}
                multiRegion={trail.IsMultiRegionTrail ?? false}
                globalServiceEvents={trail.IncludeGlobalServiceEvents ?? false}
              />
            )}
            {progress && createsResources(progress.plan) && <PlanProgress {...progress} />}
          </SpaceBetween>
        </Form>
      </form>
      {prompt}
    </FormProvider>
  );
}
