// Settings: how times are shown, the theme and the Region, kept in this browser (localStorage).
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import { useNotifications } from '@/components/notifications';
import { AWS_REGION_GROUPS } from '@/components/regions';
import { settingsSchema, useSettings, type Settings } from '@/components/settings';
import { ThrottleSimulationField } from '@/components/throttle-simulation-field';
import { useThrottleSimulation } from '@/api/throttle-simulation';
import { BackendDetails } from './backend-details';

const REGION_OPTIONS: SelectProps.OptionGroup[] = AWS_REGION_GROUPS.map((group) => ({
  label: group.area,
  options: group.regions.map((region) => ({ value: region.code, label: region.name, labelTag: region.code })),
}));
const REGION_OPTION_LIST = REGION_OPTIONS.flatMap((group) => group.options);

export function SettingsPage() {
  const { settings, updateSettings } = useSettings();
  const { notify } = useNotifications();
  const form = useForm<Settings>({ resolver: zodResolver(settingsSchema), values: settings });
  const [throttling, setThrottling] = useThrottleSimulation();

  const onSubmit = form.handleSubmit((values) => {
    updateSettings(values);
    notify({ action: 'settings', type: 'success', content: 'Your settings have been saved.' });
  });

  return (
    <ContentLayout
      header={
        <Header variant="h1" description="These settings are kept in this browser.">
          Settings
        </Header>
      }
    >
      <SpaceBetween size="l">
        <form onSubmit={(event) => void onSubmit(event)} noValidate>
          <Form
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button formAction="none" variant="link" onClick={() => form.reset(settings)}>
                  Cancel
                </Button>
                <Button variant="primary" formAction="submit">
                  Save changes
                </Button>
              </SpaceBetween>
            }
          >
            <Container header={<Header variant="h2">Display</Header>}>
              <SpaceBetween size="l">
                <Controller
                  control={form.control}
                  name="timeDisplay"
                  render={({ field }) => (
                    <FormField
                      label="Event time display"
                      description="The console shows times in UTC by default."
                    >
                      <RadioGroup
                        value={field.value}
                        onChange={({ detail }) => field.onChange(detail.value)}
                        items={[
                          { value: 'utc', label: 'UTC' },
                          { value: 'local', label: 'Local time zone' },
                        ]}
                      />
                    </FormField>
                  )}
                />
                <Controller
                  control={form.control}
                  name="theme"
                  render={({ field }) => (
                    <FormField label="Theme">
                      <RadioGroup
                        value={field.value}
                        onChange={({ detail }) => field.onChange(detail.value)}
                        items={[
                          { value: 'light', label: 'Light' },
                          { value: 'dark', label: 'Dark' },
                        ]}
                      />
                    </FormField>
                  )}
                />
                <Controller
                  control={form.control}
                  name="region"
                  render={({ field, fieldState }) => (
                    <FormField
                      label="Region"
                      description="Event history, Insights and trails are shown for this Region."
                      errorText={fieldState.error?.message}
                    >
                      <Select
                        selectedOption={
                          REGION_OPTION_LIST.find((option) => option.value === field.value) ?? null
                        }
                        onChange={({ detail }) => field.onChange(detail.selectedOption.value)}
                        options={REGION_OPTIONS}
                        filteringType="auto"
                      />
                    </FormField>
                  )}
                />
              </SpaceBetween>
            </Container>
          </Form>
        </form>
        <Container header={<Header variant="h2">Emulator</Header>}>
          <ThrottleSimulationField checked={throttling} onChange={setThrottling} />
        </Container>
        <BackendDetails />
      </SpaceBetween>
    </ContentLayout>
  );
}
