// Lake > Integrations > Add integration: a custom integration (CreateChannel with Source `Custom`) that
// delivers to existing event data stores that collect integration events, or to a new one made in the same
// flow (CreateEventDataStore with the eventCategory = ActivityAuditLog selector). The fields are checked by
// the rules the API applies (src/domain/lake-channels.ts, the event data store and tag rules) before any
// call; the API's own refusal shows as its message, a taken name on the name field.
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { toAwsError } from '@/api/aws-error';
import { channelMutations } from '@/api/channel-mutations';
import { channelIdOf, channelQueries } from '@/api/channel-queries';
import { lakeQueries } from '@/api/lake-queries';
import { useSettings } from '@/components/settings';
import { eventDataStoreNameError } from '@/domain/lake';
import { CHANNEL_MESSAGES, channelNameError, MAX_CHANNELS, MAX_DESTINATIONS } from '@/domain/lake-channels';
import { tagCountError, tagErrors } from '@/domain/trail-rules';
import { IntegrationTagsField, type TagRow } from './integration-tags-field';
import { DestinationStorePicker } from './integration-ui';
import { LakeAvailabilityNotice, LakeErrorAlert } from './lake-ui';

type Delivery = 'existing' | 'new';

export function CreateIntegrationPage() {
  const { settings } = useSettings();
  const navigate = useNavigate();
  const stores = useQuery(lakeQueries.stores(settings.region));
  const channels = useQuery(channelQueries.list(settings.region));
  const [name, setName] = useState('');
  const [delivery, setDelivery] = useState<Delivery>('new');
  const [chosen, setChosen] = useState<string[]>([]);
  const [storeName, setStoreName] = useState('');
  const [tags, setTags] = useState<TagRow[]>([]);
  const [tried, setTried] = useState(false);
  const create = useMutation({
    ...channelMutations.create(settings.region),
    onSuccess: (created) =>
      void navigate({
        to: '/lake/integrations/$channelId',
        params: { channelId: channelIdOf(created.ChannelArn) },
      }),
  });

  const failure = create.error ? toAwsError(create.error) : undefined;
  const taken = (channels.data ?? []).some((c) => c.Name === name);
  const nameError =
    channelNameError(name) ??
    (taken || failure?.name === 'ChannelAlreadyExistsException' ? CHANNEL_MESSAGES.alreadyExists : undefined);
  const storeNameError = delivery === 'new' ? eventDataStoreNameError(storeName) : undefined;
  const destinationError =
    delivery === 'existing' && chosen.length === 0
      ? 'Choose at least one event data store.'
      : chosen.length > MAX_DESTINATIONS
        ? `Choose at most ${MAX_DESTINATIONS} event data stores.`
        : undefined;
  const kept = tags.map((t) => ({ key: t.key, value: t.value || undefined }));
  const tagError =
    tagCountError(kept.length) ??
    tagErrors(kept.map((t) => ({ Key: t.key, Value: t.value })))
      .map((p) => `Tag ${p.index + 1}: ${p.message}`)
      .join(' ');

  // At the limit CreateChannel would refuse, after a new store had been made: say so first.
  const atLimit = (channels.data?.length ?? 0) >= MAX_CHANNELS;

  const submit = () => {
    setTried(true);
    if (nameError || storeNameError || destinationError || tagError || atLimit) return;
    create.mutate({
      name,
      storeArns: delivery === 'existing' ? chosen : [],
      ...(delivery === 'new' && { newStoreName: storeName }),
      tags: kept.map((t) => ({ Key: t.key, Value: t.value })),
    });
  };

  const fieldError = (error: string | undefined) => (tried ? error : undefined) || undefined;

  return (
    <form onSubmit={(e) => e.preventDefault()}>
      <Form
        header={
          <Header variant="h1" description="Send events from your own applications to CloudTrail Lake.">
            Add integration
          </Header>
        }
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={() => void navigate({ to: '/lake/integrations' })}>
              Cancel
            </Button>
            <Button variant="primary" loading={create.isPending} onClick={submit}>
              Add integration
            </Button>
          </SpaceBetween>
        }
      >
        <SpaceBetween size="l">
          <LakeAvailabilityNotice />
          <Container header={<Header variant="h2">Integration source</Header>}>
            <SpaceBetween size="s">
              <FormField label="Source">
                <RadioGroup
                  value="Custom"
                  items={[
                    {
                      value: 'Custom',
                      label: 'My custom integration',
                      description: 'Events from your own applications, sent with PutAuditEvents.',
                    },
                  ]}
                />
              </FormField>
              <Alert type="info">
                Integrations with partner sources are not emulated: Trailview offers custom integrations only.
              </Alert>
            </SpaceBetween>
          </Container>
          <Container header={<Header variant="h2">Integration details</Header>}>
            <FormField
              label="Integration name"
              constraintText="3–128 characters: letters, numbers, periods (.), underscores (_) and hyphens (-)."
              errorText={fieldError(nameError)}
            >
              <Input value={name} onChange={({ detail }) => setName(detail.value)} />
            </FormField>
          </Container>
          <Container
            header={
              <Header
                variant="h2"
                description="The event data stores that receive the integration's events. They must collect events from integrations."
              >
                Event delivery location
              </Header>
            }
          >
            <SpaceBetween size="l">
              <RadioGroup
                ariaLabel="Event delivery location"
                value={delivery}
                onChange={({ detail }) => setDelivery(detail.value as Delivery)}
                items={[
                  { value: 'new', label: 'Create new event data store' },
                  { value: 'existing', label: 'Use existing event data stores' },
                ]}
              />
              {delivery === 'new' ? (
                <FormField
                  label="Event data store name"
                  description="A store for integration events (eventCategory ActivityAuditLog), with the default pricing option and retention period."
                  errorText={fieldError(storeNameError)}
                >
                  <Input value={storeName} onChange={({ detail }) => setStoreName(detail.value)} />
                </FormField>
              ) : (
                <FormField label="Event data stores" errorText={fieldError(destinationError)} stretch>
                  <DestinationStorePicker
                    stores={stores.data ?? []}
                    loading={stores.isPending}
                    chosen={chosen}
                    onChange={setChosen}
                  />
                </FormField>
              )}
            </SpaceBetween>
          </Container>
          <Container
            header={
              <Header
                variant="h2"
                description="Tags are key-value pairs that help you identify and organize the integration."
              >
                Tags - optional
              </Header>
            }
          >
            <FormField errorText={fieldError(tagError || undefined)} stretch>
              <IntegrationTagsField tags={tags} onChange={setTags} />
            </FormField>
          </Container>
          {tried && atLimit && (
            <Alert type="error" header="ChannelMaxLimitExceededException">
              {CHANNEL_MESSAGES.maxLimit} Delete an integration first: a Region holds at most {MAX_CHANNELS}.
            </Alert>
          )}
          {failure && failure.name !== 'ChannelAlreadyExistsException' && (
            <LakeErrorAlert error={create.error} />
          )}
        </SpaceBetween>
      </Form>
    </form>
  );
}
