// What Create trail (or an edit that creates resources) is doing: one line per call, as it goes.
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { planStepKeys, type TrailPlan, type TrailPlanStep } from '@/api/trail-mutations';

export const PLAN_STEP_LABELS: Record<TrailPlanStep, string> = {
  bucket: 'Create the S3 bucket and its bucket policy',
  key: 'Create the AWS KMS key and its alias',
  topic: 'Create the SNS topic',
  logGroup: 'Create the CloudWatch Logs log group',
  role: 'Create the IAM role and its policy',
  trail: 'Create the trail',
  eventSelectors: 'Configure the event selectors',
  insightSelectors: 'Turn on Insights',
  startLogging: 'Start logging',
};

export interface PlanProgressState {
  plan: TrailPlan;
  done: ReadonlySet<string>;
  current?: TrailPlanStep;
  failed: boolean;
}

export function PlanProgress({ plan, done, current, failed }: PlanProgressState) {
  return (
    <Container header={<Header variant="h2">Progress</Header>}>
      <SpaceBetween size="xxs">
        {planStepKeys(plan).map(([step, key]) => {
          const label = step === 'trail' && plan.update ? 'Update the trail' : PLAN_STEP_LABELS[step];
          const type = done.has(key)
            ? 'success'
            : step === current
              ? failed
                ? 'error'
                : 'in-progress'
              : 'pending';
          return (
            <StatusIndicator key={key} type={type}>
              {label}
            </StatusIndicator>
          );
        })}
      </SpaceBetween>
    </Container>
  );
}
