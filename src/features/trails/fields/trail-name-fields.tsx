// General details of the Create trail wizard: Trail name and, for a management account, the
// organization option (docs/cloudtrail-facts.md#create-trail-and-trail-details).
import SpaceBetween from '@cloudscape-design/components/space-between';
import { TRAIL_NAME_MAX, TRAIL_NAME_MIN } from '@/domain/trail-name';
import { CheckboxField, TextField } from './controls';

export function TrailNameFields({ organizationAvailable }: { organizationAvailable: boolean }) {
  return (
    <SpaceBetween size="l">
      <TextField
        name="name"
        label="Trail name"
        description="Enter a display name for your trail."
        constraintText={`${TRAIL_NAME_MIN}-${TRAIL_NAME_MAX} characters. Only letters, numbers, periods, underscores, and dashes are allowed.`}
      />
      {organizationAvailable && (
        <CheckboxField
          name="organization"
          description="Log events for all accounts in your organization. The trail is created in every member account."
        >
          Enable for all accounts in my organization
        </CheckboxField>
      )}
    </SpaceBetween>
  );
}
