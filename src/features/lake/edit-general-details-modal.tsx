// General details → Edit: name, pricing option, retention period, termination protection and Regions,
// sent with UpdateEventDataStore (only what changed). A store's pricing can go from seven-year to one-year
// extendable, never back (API_UpdateEventDataStore.html). The domain's rules check the fields first; the
// API's refusals show as its own message, a taken name on the name field.
import type {
  GetEventDataStoreCommandOutput,
  UpdateEventDataStoreCommandInput,
} from '@aws-sdk/client-cloudtrail';
import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { toAwsError } from '@/api/aws-error';
import { lakeStoreMutations } from '@/api/lake-store-mutations';
import { EDS_NAME_CONSTRAINT, eventDataStoreNameError, type BillingMode } from '@/domain/lake';
import { retentionInputError } from './event-data-store-form';
import { LakeErrorAlert, ModalActions } from './lake-ui';
import { PRICING_OPTIONS, retentionConstraint } from './pricing';

export function EditGeneralDetailsModal({
  region,
  storeId,
  store,
  onDismiss,
}: {
  region: string;
  storeId: string;
  store: GetEventDataStoreCommandOutput;
  onDismiss: () => void;
}) {
  const initialBilling = (store.BillingMode ?? 'EXTENDABLE_RETENTION_PRICING') as BillingMode;
  const [name, setName] = useState(store.Name ?? '');
  const [billing, setBilling] = useState<BillingMode>(initialBilling);
  const [retention, setRetention] = useState(String(store.RetentionPeriod ?? ''));
  const [protection, setProtection] = useState(store.TerminationProtectionEnabled ?? false);
  const [currentRegionOnly, setCurrentRegionOnly] = useState(!store.MultiRegionEnabled);
  const [tried, setTried] = useState(false);
  const update = useMutation({ ...lakeStoreMutations.update(region), onSuccess: onDismiss });
  const failure = update.error ? toAwsError(update.error) : undefined;
  const nameTaken = failure?.name === 'EventDataStoreAlreadyExistsException';
  const nameError =
    (tried ? eventDataStoreNameError(name) : undefined) ?? (nameTaken ? failure.message : undefined);
  const retentionError = tried ? retentionInputError(retention, billing) : undefined;

  const save = () => {
    setTried(true);
    if (eventDataStoreNameError(name) || retentionInputError(retention, billing)) return;
    const changes: Omit<UpdateEventDataStoreCommandInput, 'EventDataStore'> = {
      ...(name !== store.Name && { Name: name }),
      ...(billing !== initialBilling && { BillingMode: billing }),
      ...(Number(retention) !== store.RetentionPeriod && { RetentionPeriod: Number(retention) }),
      ...(protection !== store.TerminationProtectionEnabled && { TerminationProtectionEnabled: protection }),
      ...(!currentRegionOnly !== store.MultiRegionEnabled && { MultiRegionEnabled: !currentRegionOnly }),
    };
    if (Object.keys(changes).length === 0) onDismiss();
    else update.mutate({ EventDataStore: storeId, ...changes });
  };

  return (
    <Modal
      visible
      size="medium"
      header="Edit general details"
      onDismiss={onDismiss}
      footer={
        <ModalActions
          primary="Save changes"
          pending={update.isPending}
          onCancel={onDismiss}
          onPrimary={save}
        />
      }
    >
      <SpaceBetween size="l">
        <FormField label="Event data store name" constraintText={EDS_NAME_CONSTRAINT} errorText={nameError}>
          <Input value={name} invalid={!!nameError} onChange={({ detail }) => setName(detail.value)} />
        </FormField>
        <FormField label="Pricing option">
          <RadioGroup
            value={billing}
            onChange={({ detail }) => setBilling(detail.value as BillingMode)}
            items={PRICING_OPTIONS.map((option) =>
              option.value === 'FIXED_RETENTION_PRICING' && initialBilling === 'EXTENDABLE_RETENTION_PRICING'
                ? {
                    ...option,
                    disabled: true,
                    description:
                      'An event data store with one-year extendable retention pricing cannot change to seven-year retention pricing.',
                  }
                : option,
            )}
          />
        </FormField>
        <FormField
          label="Retention period"
          description="Reducing the retention period deletes the events older than the new period."
          constraintText={retentionConstraint(billing)}
          errorText={retentionError}
        >
          <Input
            type="number"
            inputMode="numeric"
            step={1}
            value={retention}
            invalid={!!retentionError}
            onChange={({ detail }) => setRetention(detail.value)}
          />
        </FormField>
        <FormField label="Termination protection">
          <Checkbox checked={protection} onChange={({ detail }) => setProtection(detail.checked)}>
            Enable termination protection
          </Checkbox>
        </FormField>
        <FormField label="Regions">
          <Checkbox
            checked={currentRegionOnly}
            onChange={({ detail }) => setCurrentRegionOnly(detail.checked)}
          >
            Include only the current region in my event data store
          </Checkbox>
        </FormField>
        {!nameTaken && <LakeErrorAlert error={update.error} />}
      </SpaceBetween>
    </Modal>
  );
}
