// CloudWatch Logs filter patterns, as far as the common forms on CloudTrail's JSON log events go
// (FilterAndPatternSyntax.html, "Using metric filters to match terms in JSON log events"):
// `{ $.eventName = "ConsoleLogin" }`, `!=`, `*` wildcards in the value, numbers, and terms joined with `&&`
// or `||` (each term optionally in parentheses); otherwise a pattern of plain terms, all of which must
// occur in the message (quoted terms as written). The empty pattern matches every event.

export type LogFilter = (message: string) => boolean;

interface Comparison {
  path: string[];
  negate: boolean;
  value: string | number;
}

const TERM = /^\(?\s*\$((?:\.[A-Za-z0-9_-]+|\[\d+\])+)\s*(=|!=)\s*("(?:[^"\\]|\\.)*"|[^\s()&|]+)\s*\)?$/;

function parseTerm(text: string): Comparison | undefined {
  const match = TERM.exec(text.trim());
  if (!match) return undefined;
  const path = [...match[1]!.matchAll(/\.([A-Za-z0-9_-]+)|\[(\d+)\]/g)].map((m) => m[1] ?? m[2]!);
  const raw = match[3]!;
  const value = raw.startsWith('"')
    ? (JSON.parse(raw) as string)
    : Number.isNaN(Number(raw))
      ? raw
      : Number(raw);
  return { path, negate: match[2] === '!=', value };
}

function valueAt(document: unknown, path: string[]): unknown {
  let value = document;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function compare(actual: unknown, expected: string | number): boolean {
  if (typeof expected === 'number') return typeof actual === 'number' && actual === expected;
  if (typeof actual !== 'string' && typeof actual !== 'number' && typeof actual !== 'boolean') return false;
  const text = String(actual);
  if (!expected.includes('*')) return text === expected;
  const regex = new RegExp(
    `^${expected
      .split('*')
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return regex.test(text);
}

/** A matcher for the pattern, or an error message for a pattern it does not understand. */
export function parseFilterPattern(pattern: string): LogFilter | { error: string } {
  const text = pattern.trim();
  if (text === '') return () => true;
  if (text.startsWith('{')) {
    if (!text.endsWith('}')) return { error: 'Invalid filter pattern: a JSON pattern ends with "}".' };
    const body = text.slice(1, -1);
    const any = body.split('||').map((alternative) => alternative.split('&&').map(parseTerm));
    if (any.some((all) => all.some((term) => !term))) return { error: `Invalid filter pattern: ${pattern}` };
    const terms = any as Comparison[][];
    return (message) => {
      let document: unknown;
      try {
        document = JSON.parse(message);
      } catch {
        return false;
      }
      return terms.some((all) => all.every((t) => compare(valueAt(document, t.path), t.value) !== t.negate));
    };
  }
  const words = [...text.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
  return (message) => words.every((word) => message.includes(word));
}
