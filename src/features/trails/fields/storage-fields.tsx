// Storage location, prefix and SSE-KMS encryption (docs/cloudtrail-facts.md#create-trail-and-trail-details). Used by the
// Create trail wizard and the General details edit.
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { kmsQueries } from '@/api/kms-queries';
import { S3_PREFIX_MAX } from '@/domain/s3-bucket-name';
import type { TrailFormValues } from '../form/trail-form-values';
import { BucketBrowser } from './bucket-browser';
import { ChoiceField, EnabledField, NEW_OR_EXISTING, SuggestField, TextField } from './controls';

export function StorageFields({ region, accountId }: { region: string; accountId: string | undefined }) {
  const { control, setValue } = useFormContext<TrailFormValues>();
  const [storage, kmsEnabled, kmsKey] = useWatch({ control, name: ['storage', 'kmsEnabled', 'kmsKey'] });
  const [browsing, setBrowsing] = useState(false);
  const aliases = useQuery({ ...kmsQueries.aliases(region), enabled: kmsEnabled && kmsKey === 'existing' });
  return (
    <SpaceBetween size="l">
      <ChoiceField
        name="storage"
        label="Storage location"
        items={NEW_OR_EXISTING('Create new S3 bucket', 'Use existing S3 bucket')}
      />
      {storage === 'new' ? (
        <TextField
          name="newBucketName"
          label="Trail log bucket and folder"
          description="Enter a new S3 bucket name to store your logs. Bucket names must be globally unique. CloudTrail creates the bucket and applies the bucket policy it needs."
          placeholder={accountId ? undefined : 'Enter a bucket name'}
        />
      ) : (
        <TextField
          name="existingBucketName"
          label="Trail log bucket name"
          description="Enter the name of an existing S3 bucket, or choose Browse. Its bucket policy must allow CloudTrail to write log files."
          secondaryControl={<Button onClick={() => setBrowsing(true)}>Browse</Button>}
        />
      )}
      <TextField
        name="prefix"
        label="Prefix - optional"
        description="The folder in the bucket where CloudTrail delivers log files."
        constraintText={`Up to ${S3_PREFIX_MAX} characters.`}
      />
      <EnabledField
        name="kmsEnabled"
        label="Log file SSE-KMS encryption"
        description="Encrypt log files and digest files with an AWS KMS key. Without it, they are encrypted with SSE-S3."
      />
      {kmsEnabled && (
        // One child of the form's SpaceBetween, spaced inside like the rest.
        <SpaceBetween size="l">
          <ChoiceField name="kmsKey" label="Customer managed AWS KMS key" items={NEW_OR_EXISTING()} />
          {kmsKey === 'new' ? (
            <TextField
              name="newKmsAlias"
              label="AWS KMS alias"
              description="Enter an alias for the new key. CloudTrail creates the key with a key policy that lets it encrypt log files."
              constraintText="Letters, numbers, forward slashes (/), underscores (_), and dashes (-). Cannot begin with aws/."
              placeholder="alias/MyAliasName"
            />
          ) : (
            <SuggestField
              name="existingKmsKey"
              label="AWS KMS alias"
              description="Choose an alias, or enter the ARN of a key. The key must be in the same Region as the bucket."
              options={(aliases.data ?? []).map((a) => ({ value: a.aliasName, description: a.targetKeyId }))}
              loading={aliases.isPending}
              placeholder="Choose an alias"
            />
          )}
        </SpaceBetween>
      )}
      {browsing && (
        <BucketBrowser
          region={region}
          onDismiss={() => setBrowsing(false)}
          onChoose={(bucket) => {
            setValue('existingBucketName', bucket, { shouldDirty: true, shouldValidate: true });
            setBrowsing(false);
          }}
        />
      )}
    </SpaceBetween>
  );
}
