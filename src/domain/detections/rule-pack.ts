/// <reference types="vite/client" />
// The rules Trailview ships (rules/*.yml), bundled as text so the browser, the server and the CLI read the
// same files. Written for this project from the documented behaviour of each technique.
import { loadRules, type RuleSet } from './rule-set';

const files = import.meta.glob<string>('./rules/*.yml', { query: '?raw', import: 'default', eager: true });

export const RULE_PACK_SOURCES = Object.entries(files)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([path, text]) => ({ file: `trailview/${path.slice('./rules/'.length)}`, text }));

let pack: RuleSet | undefined;

export function rulePack(): RuleSet {
  return (pack ??= loadRules(RULE_PACK_SOURCES));
}
