// The Create trail wizard's steps and the fields each one shows, so Next validates only its own step and
// an error from the server opens the step where its field is.
import type { FieldPath } from 'react-hook-form';
import type { TrailFormValues } from './trail-form-values';

type Field = FieldPath<TrailFormValues>;

export const STEP_TITLES = ['Choose trail attributes', 'Choose log events', 'Review and create'] as const;

export const STEP_FIELDS: Field[][] = [
  [
    'name',
    'newBucketName',
    'existingBucketName',
    'prefix',
    'newKmsAlias',
    'existingKmsKey',
    'newSnsTopic',
    'existingSnsTopic',
    'newLogGroup',
    'existingLogGroup',
    'newRoleName',
    'existingRoleArn',
    'tags',
  ],
  ['management', 'read', 'dataSelectors', 'networkSelectors', 'apiCallRate', 'apiErrorRate'],
  [],
];

/** The step that shows a field (a nested path belongs to the step of its list). */
export function stepOfField(field: string): number {
  const root = field.split('.')[0] as Field;
  const index = STEP_FIELDS.findIndex((fields) => fields.includes(root));
  return index < 0 ? 0 : index;
}
