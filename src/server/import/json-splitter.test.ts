// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { JsonSplitter, type Piece } from './json-splitter';

/** Feeds the text in chunks of every size from 1 byte up, and checks each split gives the same pieces. */
function split(text: string): { pieces: Piece[]; failures: string[] } {
  const bytes = Buffer.from(text, 'utf8');
  let first: { pieces: Piece[]; failures: string[] } | undefined;
  for (const size of [1, 2, 3, 7, 64, bytes.length || 1]) {
    const pieces: Piece[] = [];
    const failures: string[] = [];
    const splitter = new JsonSplitter(
      (p) => pieces.push(p),
      (f) => failures.push(f),
    );
    for (let i = 0; i < bytes.length; i += size) splitter.push(bytes.subarray(i, i + size));
    splitter.finish();
    if (first) expect({ pieces, failures }, `chunk size ${size}`).toEqual(first);
    else first = { pieces, failures };
  }
  return first!;
}

const kinds = (pieces: Piece[]) => pieces.map((p) => [p.kind, JSON.parse(p.text || 'null')]);

describe('JsonSplitter', () => {
  it('cuts the Records of an S3 log file, whatever keys come before and after', () => {
    const text =
      '{"Other":{"Records":[9]},"Records":[{"a":"x\\"}{[,"},{"b":[1,{"c":2}]}, 3],"After":[{"d":1}]}';
    expect(kinds(split(text).pieces)).toEqual([
      ['records', { a: 'x"}{[,' }],
      ['records', { b: [1, { c: 2 }] }],
      ['value', 3],
    ]);
  });

  it('cuts the elements of a top-level array, and LookupEvents output', () => {
    expect(kinds(split('[ {"a":1} ,\n {"b":"\\\\"} ]').pieces)).toEqual([
      ['element', { a: 1 }],
      ['element', { b: '\\' }],
    ]);
    expect(kinds(split('{"Events":[{"CloudTrailEvent":"{\\"x\\":1}"}],"NextToken":"t"}').pieces)).toEqual([
      ['events', { CloudTrailEvent: '{"x":1}' }],
    ]);
    expect(split('[]').pieces).toEqual([]);
  });

  it('gives single objects and JSON lines whole, multi-byte characters included', () => {
    expect(kinds(split('\n{"a":"é€😀"}\n{"b":{"Records":1}}\n').pieces)).toEqual([
      ['object', { a: 'é€😀' }],
      ['object', { b: { Records: 1 } }],
    ]);
  });

  it('reports text outside JSON and a value left open', () => {
    expect(split('{"a":1} garbage').failures).toEqual(['The file has text outside JSON values.']);
    const truncated = split('{"Records":[{"a":1},{"b":');
    expect(kinds(truncated.pieces)).toEqual([['records', { a: 1 }]]);
    expect(truncated.failures).toEqual(['The file ends in the middle of a JSON value.']);
  });
});
