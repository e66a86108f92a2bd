// Cuts a stream of JSON bytes into the pieces that hold one event each, without holding the whole file:
// the elements of a top-level array, the elements of a top-level object's `Records` (S3 log file) or
// `Events` (LookupEvents output) array, and any other top-level object whole (one event, or one line of
// JSON lines). It tracks only strings, escapes and nesting; JSON.parse does the rest, piece by piece.

/** Where a piece was found; 'value' is a non-object element, 'too-large' one that was not buffered. */
export type PieceKind = 'element' | 'records' | 'events' | 'object' | 'value' | 'too-large';

export interface Piece {
  kind: PieceKind;
  text: string;
  /** The piece's UTF-8 bytes as read (a view of the input chunk when the piece lies within one). */
  bytes: Buffer;
  /** The line it is on, in JSON lines (line-splitter.ts). */
  line?: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const COMMA = 0x2c;

/** A single event object above this size is refused rather than buffered (CloudTrail's own limit is 256 KB). */
const MAX_PIECE_BYTES = 64 * 1024 * 1024;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

export class JsonSplitter {
  private readonly stack: number[] = [];
  private inString = false;
  private escapePending = false;
  /** Depth whose direct children are pieces: 1 in a top-level array, 2 in Records/Events; -1 otherwise. */
  private pieceDepth = -1;
  private pieceKind: PieceKind = 'element';
  private awaitingPiece = false;
  /** The piece being cut: its parts so far, where it starts in this chunk, and how it ends. */
  private parts: Buffer[] = [];
  private partBytes = 0;
  private start = -1;
  private primitive = false;
  private stringPiece = false;
  /** Keys of the top-level object, to spot `Records` and `Events`. */
  private expectKey = false;
  private keyStart = -1;
  private keyParts: Buffer[] = [];
  private lastKey: string | undefined;
  private wrapper = false;
  private tooLarge = false;
  private failed = false;
  /** Position of the next backslash in the current chunk, so strings are skipped with two indexOf calls. */
  private nextBackslash = -1;

  private readonly emit: (piece: Piece) => void;
  private readonly fail: (reason: string) => void;

  constructor(emit: (piece: Piece) => void, fail: (reason: string) => void) {
    this.emit = emit;
    this.fail = fail;
  }

  push(chunk: Buffer): void {
    if (this.failed) return;
    const n = chunk.length;
    let i = 0;
    this.nextBackslash = chunk.indexOf(BACKSLASH);
    while (i < n) {
      if (this.inString) {
        i = this.skipString(chunk, i);
        continue;
      }
      const c = chunk[i]!;
      const depth = this.stack.length;
      if (c === QUOTE) {
        if (depth === this.pieceDepth && this.awaitingPiece) this.begin(i, false, true);
        if (depth === 1 && this.stack[0] === LBRACE && this.expectKey) {
          this.keyStart = i + 1;
          this.keyParts = [];
        }
        this.inString = true;
      } else if (c === LBRACE || c === LBRACKET) {
        if (depth === this.pieceDepth && this.awaitingPiece) this.begin(i, false, false);
        if (depth === 0) this.beginTop(i, c);
        else if (depth === 1 && c === LBRACKET && this.stack[0] === LBRACE && !this.expectKey)
          this.maybeWrapper();
        this.stack.push(c);
        if (depth === 0 && c === LBRACKET) this.openPieces(1, 'element');
      } else if (c === RBRACE || c === RBRACKET) {
        if (this.primitive && depth === this.pieceDepth) this.end(chunk, i);
        this.stack.pop();
        if (this.start >= 0 && depth - 1 === this.pieceDepth && !this.primitive && !this.stringPiece) {
          this.end(chunk, i + 1);
        } else if (depth === this.pieceDepth) {
          this.pieceDepth = -1;
          if (depth === 2) this.wrapper = true;
        }
        if (depth === 1) this.endTop(chunk, i);
      } else if (c === COMMA) {
        if (this.primitive && depth === this.pieceDepth) this.end(chunk, i);
        if (depth === this.pieceDepth) this.awaitingPiece = true;
        if (depth === 1 && this.stack[0] === LBRACE) {
          this.expectKey = true;
          this.lastKey = undefined;
        }
      } else if (isSpace(c)) {
        if (this.primitive && depth === this.pieceDepth) this.end(chunk, i);
      } else if (depth === this.pieceDepth && this.awaitingPiece) {
        this.begin(i, true, false);
      } else if (depth === 0) {
        this.failed = true;
        this.fail('The file has text outside JSON values.');
        return;
      }
      i++;
    }
    if (this.start >= 0) this.keep(chunk.subarray(this.start));
    if (this.keyStart >= 0) {
      this.keyParts.push(chunk.subarray(this.keyStart));
      this.keyStart = 0;
    }
  }

  /** Call at the end of the input; reports a value left open. */
  finish(): void {
    if (!this.failed && (this.stack.length > 0 || this.inString))
      this.fail('The file ends in the middle of a JSON value.');
  }

  private skipString(chunk: Buffer, from: number): number {
    let i = from;
    if (this.escapePending) {
      this.escapePending = false;
      i++;
    }
    for (;;) {
      const q = chunk.indexOf(QUOTE, i);
      if (this.nextBackslash !== -1 && this.nextBackslash < i)
        this.nextBackslash = chunk.indexOf(BACKSLASH, i);
      const b = this.nextBackslash;
      if (b !== -1 && (q === -1 || b < q)) {
        if (b + 1 >= chunk.length) {
          this.escapePending = true;
          return chunk.length;
        }
        i = b + 2;
        continue;
      }
      if (q === -1) return chunk.length;
      this.inString = false;
      if (this.keyStart >= 0) {
        this.keyParts.push(chunk.subarray(this.keyStart, q));
        this.lastKey = Buffer.concat(this.keyParts).toString('utf8');
        this.keyStart = -1;
        this.keyParts = [];
        this.expectKey = false;
      }
      if (this.stringPiece && this.stack.length === this.pieceDepth) this.end(chunk, q + 1);
      return q + 1;
    }
  }

  private beginTop(i: number, c: number): void {
    this.wrapper = false;
    this.lastKey = undefined;
    this.expectKey = c === LBRACE;
    // A top-level object is cut whole unless it turns out to wrap Records or Events.
    if (c === LBRACE) {
      this.pieceKind = 'object';
      this.begin(i, false, false);
    }
  }

  private maybeWrapper(): void {
    if (this.lastKey !== 'Records' && this.lastKey !== 'Events') return;
    // Drop the buffered start of the wrapper object: only its array's elements matter.
    this.start = -1;
    this.parts = [];
    this.partBytes = 0;
    this.tooLarge = false;
    this.openPieces(2, this.lastKey === 'Records' ? 'records' : 'events');
  }

  private endTop(chunk: Buffer, i: number): void {
    if (this.start >= 0 && this.pieceKind === 'object' && !this.wrapper) this.end(chunk, i + 1);
    this.start = -1;
    this.tooLarge = false;
    this.parts = [];
    this.partBytes = 0;
  }

  private openPieces(depth: number, kind: PieceKind): void {
    this.pieceDepth = depth;
    this.pieceKind = kind;
    this.awaitingPiece = true;
  }

  private begin(i: number, primitive: boolean, stringPiece: boolean): void {
    this.start = i;
    this.parts = [];
    this.partBytes = 0;
    this.tooLarge = false;
    this.primitive = primitive;
    this.stringPiece = stringPiece;
    this.awaitingPiece = false;
  }

  private keep(part: Buffer): void {
    this.start = 0;
    this.partBytes += part.length;
    if (this.partBytes > MAX_PIECE_BYTES) {
      this.tooLarge = true;
      this.parts = [];
      return;
    }
    // No copy: Node's file, zlib and fetch streams hand out a fresh buffer per chunk.
    this.parts.push(part);
  }

  private end(chunk: Buffer, endExclusive: number): void {
    const tail = chunk.subarray(this.start, endExclusive);
    const bytes = this.tooLarge
      ? Buffer.alloc(0)
      : this.parts.length === 0
        ? tail
        : Buffer.concat([...this.parts, tail]);
    const text = bytes.toString('utf8');
    const kind: PieceKind = this.tooLarge
      ? 'too-large'
      : this.primitive || this.stringPiece
        ? 'value'
        : this.pieceKind;
    this.tooLarge = false;
    this.start = -1;
    this.parts = [];
    this.partBytes = 0;
    this.primitive = false;
    this.stringPiece = false;
    this.emit({ kind, text, bytes });
  }
}
