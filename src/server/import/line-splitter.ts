// JSON lines: one value per line. Cut by line rather than by nesting, so a broken line (an unclosed
// brace, a stray word) spoils only itself and is reported with its line number; the next line starts
// afresh. `looksLikeJsonLines` decides from the first lines of a file which splitter to use.
import type { Piece } from './json-splitter';

const NEWLINE = 0x0a;

/** A line above this size is refused rather than buffered (as JsonSplitter's pieces). */
const MAX_LINE_BYTES = 64 * 1024 * 1024;

/** Bytes of a file's start looked at to tell JSON lines from other JSON. */
export const HEAD_BYTES = 1024 * 1024;

/**
 * Whether a file starting with `head` is JSON lines: its first two non-blank lines each start with `{`
 * and the second ends with `}` (a pretty-printed object's second line starts with a key, an S3 log
 * file is one line, and a `{"Records": [` line opens a wrapper). Undefined until two lines are there.
 */
export function looksLikeJsonLines(head: Buffer, ended: boolean): boolean | undefined {
  const lines: string[] = [];
  let from = 0;
  while (lines.length < 2) {
    const end = head.indexOf(NEWLINE, from);
    if (end === -1 && !ended) return head.length >= HEAD_BYTES ? false : undefined;
    const line = head.toString('utf8', from, end === -1 ? head.length : end).trim();
    if (line !== '') lines.push(line);
    if (end === -1) break;
    from = end + 1;
  }
  if (lines.length < 2) return false;
  const [first, second] = lines as [string, string];
  return first.startsWith('{') && !first.endsWith('[') && second.startsWith('{') && second.endsWith('}');
}

export class LineSplitter {
  private parts: Buffer[] = [];
  private partBytes = 0;
  private tooLarge = false;
  private line = 1;
  private readonly emit: (piece: Piece) => void;

  constructor(emit: (piece: Piece) => void) {
    this.emit = emit;
  }

  push(chunk: Buffer): void {
    let from = 0;
    for (;;) {
      const end = chunk.indexOf(NEWLINE, from);
      if (end === -1) break;
      this.endLine(chunk.subarray(from, end));
      from = end + 1;
    }
    if (from < chunk.length) this.keep(chunk.subarray(from));
  }

  /** Call at the end of the input: the last line needs no newline. */
  finish(): void {
    this.endLine(Buffer.alloc(0));
  }

  private keep(part: Buffer): void {
    this.partBytes += part.length;
    if (this.partBytes > MAX_LINE_BYTES) {
      this.tooLarge = true;
      this.parts = [];
    } else if (!this.tooLarge) {
      this.parts.push(part);
    }
  }

  private endLine(tail: Buffer): void {
    this.keep(tail);
    const line = this.line++;
    const bytes = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
    const tooLarge = this.tooLarge;
    this.parts = [];
    this.partBytes = 0;
    this.tooLarge = false;
    if (tooLarge) return this.emit({ kind: 'too-large', text: '', bytes: Buffer.alloc(0), line });
    const text = bytes.toString('utf8');
    if (text.trim() === '') return;
    this.emit({ kind: 'object', text, bytes, line });
  }
}
