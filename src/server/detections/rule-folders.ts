// The rules a server or `npm run detect` evaluates: the shipped pack plus every .yml/.yaml file under the
// folders the user names (read at each evaluation, so an edited or added rule takes effect without a rebuild).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { RULE_PACK_SOURCES } from '@/domain/detections/rule-pack';
import { loadRules, type RuleSet, type RuleSource } from '@/domain/detections/rule-set';

function ruleFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...ruleFiles(path));
    else if (/\.ya?ml$/i.test(entry.name)) out.push(path);
  }
  return out.sort();
}

/** Reads the folders; a folder that is missing is an error the caller shows as it is. */
export function readRuleFolders(dirs: readonly string[]): RuleSource[] {
  const sources: RuleSource[] = [];
  for (const dir of dirs) {
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory())
      throw new Error(`--rules ${dir}: no such folder.`);
    for (const file of ruleFiles(dir))
      sources.push({ file: join(dir, relative(dir, file)), text: readFileSync(file, 'utf8') });
  }
  return sources;
}

export function loadRuleSet(dirs: readonly string[], withPack = true): RuleSet {
  return loadRules([...(withPack ? RULE_PACK_SOURCES : []), ...readRuleFolders(dirs)]);
}
