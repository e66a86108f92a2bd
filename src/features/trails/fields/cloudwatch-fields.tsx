// CloudWatch Logs: a new or existing log group and IAM role, and the role's policy document
// (docs/cloudtrail-facts.md#create-trail-and-trail-details). Used by the Create trail wizard and the CloudWatch Logs edit.
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { iamQueries } from '@/api/iam-queries';
import { logsQueries } from '@/api/logs-queries';
import { defaultRoleName, type TrailFormValues } from '../form/trail-form-values';
import { rolePolicyFor } from '../form/trail-plan';
import { ChoiceField, EnabledField, NEW_OR_EXISTING, SelectField, TextField } from './controls';
import { PolicyJson } from './policy-json';

export function CloudWatchFields({ region, accountId }: { region: string; accountId: string | undefined }) {
  const { control, getValues, setValue } = useFormContext<TrailFormValues>();
  const [enabled, logGroup, role] = useWatch({ control, name: ['cloudWatchEnabled', 'logGroup', 'role'] });
  const values = useWatch({ control }) as TrailFormValues;
  const groups = useQuery({ ...logsQueries.logGroups(region), enabled: enabled && logGroup === 'existing' });
  const roles = useQuery({ ...iamQueries.roles(), enabled: enabled && role === 'existing' });

  // The console proposes CloudTrailRoleForCloudWatchLogs_<trail name> for a new role.
  useEffect(() => {
    if (enabled && !getValues('newRoleName')) setValue('newRoleName', defaultRoleName(getValues('name')));
  }, [enabled, getValues, setValue]);

  return (
    <SpaceBetween size="l">
      <EnabledField
        name="cloudWatchEnabled"
        label="CloudWatch Logs"
        description="Also send the trail's events to a CloudWatch Logs log group, to monitor them and alarm on them."
      />
      {enabled && (
        <SpaceBetween size="l">
          <ChoiceField name="logGroup" label="Log group" items={NEW_OR_EXISTING()} />
          {logGroup === 'new' ? (
            <TextField
              name="newLogGroup"
              label="Log group name"
              constraintText="1-512 characters: letters, numbers, underscores (_), hyphens (-), forward slashes (/), periods (.), and number signs (#)."
            />
          ) : (
            <SelectField
              name="existingLogGroup"
              label="Log group name"
              description="The log group must exist in this account and Region."
              options={(groups.data ?? []).map((g) => ({ value: g.name }))}
              loading={groups.isPending}
              placeholder="Choose a log group"
            />
          )}
          <ChoiceField name="role" label="IAM Role" items={NEW_OR_EXISTING()} />
          {role === 'new' ? (
            <TextField
              name="newRoleName"
              label="Role name"
              description="CloudTrail creates the role and gives it the policy below."
              constraintText="1-64 characters: letters, numbers, and + = , . @ _ -"
            />
          ) : (
            <SelectField
              name="existingRoleArn"
              label="Role name"
              description="The role must let CloudTrail create log streams and put log events in the log group."
              options={(roles.data ?? []).map((r) => ({ value: r.arn, label: r.name, description: r.arn }))}
              loading={roles.isPending}
              placeholder="Choose a role"
            />
          )}
          <ExpandableSection headerText="Policy document">
            {accountId ? (
              <PolicyJson label="Policy document" policy={rolePolicyFor(values, { accountId, region })} />
            ) : (
              'The policy names the account, which could not be determined.'
            )}
          </ExpandableSection>
        </SpaceBetween>
      )}
    </SpaceBetween>
  );
}
