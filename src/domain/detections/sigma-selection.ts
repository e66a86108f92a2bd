// One Sigma selection (Sigma specification, "Detection"): a mapping ANDs its fields, a list of mappings ORs
// them, a list of values ORs them (AND with `|all`), a plain list of strings is a keyword search over the
// whole record. `null` matches a missing or null field. Field names are dotted paths into the record.
import type { CloudTrailRecord, JsonValue } from '../record';
import {
  cidrMatcher,
  SUPPORTED_MODIFIERS,
  valuesAt,
  valueText,
  wildcardMatcher,
  type Matcher,
} from './sigma-values';

export interface Selection {
  /** The eventNames this selection can only match, when it pins eventName to plain values. */
  eventNames?: Set<string>;
  matches(record: CloudTrailRecord): boolean;
}

type FieldTest = (record: CloudTrailRecord) => boolean;

/** A problem with one field of a selection: `key` lets the caller point at its line. */
export class FieldError extends Error {
  readonly key: string;

  constructor(key: string, message: string) {
    super(message);
    this.key = key;
  }
}

export function compileSelection(value: JsonValue): Selection {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string' || typeof v === 'number'))
      return keywords(value.map(String));
    const parts = value.map((v) => {
      if (!v || typeof v !== 'object' || Array.isArray(v))
        throw new Error('a list must hold mappings or keywords');
      return compileMap(v);
    });
    const names = parts.map((p) => p.eventNames);
    return {
      ...(names.every(Boolean) ? { eventNames: new Set(names.flatMap((s) => [...s!])) } : {}),
      matches: (r) => parts.some((p) => p.matches(r)),
    };
  }
  if (value && typeof value === 'object') return compileMap(value);
  if (typeof value === 'string') return keywords([value]);
  throw new Error('a selection must be a mapping, a list or a keyword');
}

function keywords(words: string[]): Selection {
  const matchers = words.map((w) => wildcardMatcher(w, 'contains'));
  return { matches: (r) => matchers.some((m) => m(JSON.stringify(r))) };
}

function compileMap(map: { [key: string]: JsonValue }): Selection {
  const tests: FieldTest[] = [];
  let eventNames: Set<string> | undefined;
  for (const [key, raw] of Object.entries(map)) {
    const [field, ...modifiers] = key.split('|');
    if (!field) throw new FieldError(key, `"${key}" has no field name`);
    for (const m of modifiers)
      if (!SUPPORTED_MODIFIERS.has(m)) throw new FieldError(key, `the modifier "${m}" is not supported`);
    try {
      tests.push(fieldTest(field.split('.'), modifiers, raw));
    } catch (error) {
      throw new FieldError(key, (error as Error).message);
    }
    const values = Array.isArray(raw) ? raw : [raw];
    if (
      field === 'eventName' &&
      modifiers.length === 0 &&
      values.every((v) => typeof v === 'string' && !/[*?\\]/.test(v))
    )
      eventNames = new Set(values as string[]);
  }
  return { ...(eventNames ? { eventNames } : {}), matches: (r) => tests.every((t) => t(r)) };
}

function fieldTest(path: string[], modifiers: string[], raw: JsonValue): FieldTest {
  if (modifiers.includes('exists')) {
    if (typeof raw !== 'boolean') throw new Error('"exists" takes true or false');
    return (r) => valuesAt(r, path).some((v) => v !== null) === raw;
  }
  const values = Array.isArray(raw) ? raw : [raw];
  if (values.length === 0) throw new Error(`${path.join('.')} has an empty list of values`);
  const matchers = values.map((v) => valueMatcher(v, modifiers));
  const all = modifiers.includes('all');
  return (r) => {
    const found = valuesAt(r, path);
    const texts = found.map(valueText).filter((t): t is string => t !== undefined);
    const one = (m: Matcher | null) => (m === null ? texts.length === 0 : texts.some(m));
    return all ? matchers.every(one) : matchers.some(one);
  };
}

/** null: the field is missing or null. */
function valueMatcher(value: JsonValue, modifiers: string[]): Matcher | null {
  if (value === null) return null;
  if (typeof value === 'object') throw new Error('a value must be a string, number or boolean');
  const text = String(value);
  if (modifiers.includes('re')) {
    const flags = ['i', 'm', 's'].filter((f) => modifiers.includes(f)).join('');
    let re: RegExp;
    try {
      re = new RegExp(text, flags);
    } catch {
      throw new Error(`"${text}" is not a valid regular expression`);
    }
    return (v) => re.test(v);
  }
  if (modifiers.includes('cidr')) return cidrMatcher(text);
  const mode = modifiers.includes('contains')
    ? 'contains'
    : modifiers.includes('startswith')
      ? 'startswith'
      : modifiers.includes('endswith')
        ? 'endswith'
        : 'equals';
  return wildcardMatcher(text, mode);
}
