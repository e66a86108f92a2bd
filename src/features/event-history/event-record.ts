// The few record fields the event page shows that LookupEvents does not return at the top level.
// CloudTrailEvent is untrusted JSON: a field that is not a string is treated as absent.
import { z } from 'zod';

const text = z.string().optional().catch(undefined);

const recordFieldsSchema = z
  .object({
    sourceIPAddress: text,
    requestID: text,
    awsRegion: text,
    errorCode: text,
  })
  .catch({});

export type EventRecordFields = z.infer<typeof recordFieldsSchema>;

export interface ParsedEventRecord {
  /** The parsed JSON, or undefined when CloudTrailEvent is not valid JSON. */
  json: unknown;
  fields: EventRecordFields;
}

export function parseEventRecord(cloudTrailEvent: string | undefined): ParsedEventRecord {
  if (!cloudTrailEvent) return { json: undefined, fields: {} };
  try {
    const json: unknown = JSON.parse(cloudTrailEvent);
    return { json, fields: recordFieldsSchema.parse(json) };
  } catch {
    return { json: undefined, fields: {} };
  }
}
