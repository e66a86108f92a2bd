// The Settings field for "Simulate LookupEvents throttling (2 requests per second)". The setting itself
// lives in the API layer (api/throttle-simulation.ts: useThrottleSimulation), which sends it to the
// emulator with each request; this is only its control, so components stay free of the API layer.
import FormField from '@cloudscape-design/components/form-field';
import Toggle from '@cloudscape-design/components/toggle';

export interface ThrottleSimulationFieldProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function ThrottleSimulationField({ checked, onChange }: ThrottleSimulationFieldProps) {
  return (
    <FormField
      label="LookupEvents throttling"
      description="CloudTrail answers at most 2 LookupEvents requests per second per account and Region, and throttles the rest. Turn this on to see how Event history retries. Applies to the demo and local backends; AWS always throttles."
    >
      <Toggle checked={checked} onChange={({ detail }) => onChange(detail.checked)}>
        Simulate LookupEvents throttling (2 requests per second)
      </Toggle>
    </FormField>
  );
}
