// The parts of a trail that each have their own Edit flow on the details page (docs/cloudtrail-facts.md#create-trail-and-trail-details), and what
// each one validates.
import { z } from 'zod';
import type { TrailFormSection } from '../form/trail-form-schema';

export const EDIT_SECTIONS = [
  'general',
  'cloudwatch',
  'tags',
  'management',
  'data',
  'insights',
  'network',
] as const;
export type EditSection = (typeof EDIT_SECTIONS)[number];

export const editSectionSchema = z.enum(EDIT_SECTIONS);

export const EDIT_SECTION_TITLES: Record<EditSection, string> = {
  general: 'General details',
  cloudwatch: 'CloudWatch Logs',
  tags: 'Tags',
  management: 'Management events',
  data: 'Data events',
  insights: 'Insights events',
  network: 'Network activity events',
};

/** Event parts validate with the rest of the selectors they are saved with. */
export const EDIT_SECTION_RULES: Record<EditSection, TrailFormSection[]> = {
  general: ['general'],
  cloudwatch: ['cloudWatch'],
  tags: ['tags'],
  management: ['management', 'insights'],
  data: ['data'],
  insights: ['insights'],
  network: ['network'],
};
