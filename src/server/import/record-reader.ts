// One file's bytes to records: gunzip when gzip, refuse what does not start like JSON, cut the JSON into
// pieces (json-splitter.ts), parse and normalise each. Used in process and in the import worker.
import { isUtf8 } from 'node:buffer';
import type { RecordWithJson } from '../store/event-rows';
import { decodeStream } from './decode-stream';
import { JsonSplitter, type Piece } from './json-splitter';
import { LineSplitter, looksLikeJsonLines } from './line-splitter';
import { normaliseRecord } from '@/domain/record-normalise';

/** Why a record was not usable, and its line in JSON lines. */
export interface Rejection {
  reason: string;
  line?: number;
}

/** A usable record, or why a record was not usable. */
export type Outcome = RecordWithJson | Rejection;

export interface FileResult {
  /** Why the file was not read at all (not JSON, empty). */
  skipped?: string;
  /** Why reading stopped before the end; the records before it were given. */
  failure?: string;
}

/** Reads a file, handing its outcomes over chunk by chunk (awaited: the caller sets the pace). */
export async function readRecords(
  source: AsyncIterable<Uint8Array>,
  onOutcomes: (outcomes: Outcome[]) => void | Promise<void>,
  onRawBytes?: (n: number) => void,
): Promise<FileResult> {
  const pieces: Piece[] = [];
  let failure: string | undefined;
  let splitter: { push(chunk: Buffer): void; finish(): void } | undefined;
  // The file's first bytes wait until it is clear whether they are JSON lines.
  let head: Buffer[] = [];
  const start = (jsonLines: boolean) => {
    splitter = jsonLines
      ? new LineSplitter((piece) => pieces.push(piece))
      : new JsonSplitter(
          (piece) => pieces.push(piece),
          (reason) => (failure ??= reason),
        );
    const buffered = head;
    head = [];
    for (const chunk of buffered) splitter.push(chunk);
  };
  let first = true;
  try {
    for await (const chunk of decodeStream(source, onRawBytes)) {
      if (first) {
        first = false;
        if (!startsLikeJson(chunk)) return { skipped: 'not JSON' };
      }
      if (splitter) {
        splitter.push(chunk);
      } else {
        head.push(chunk);
        const jsonLines = looksLikeJsonLines(Buffer.concat(head), false);
        if (jsonLines !== undefined) start(jsonLines);
      }
      await onOutcomes(pieces.splice(0).flatMap(parsePiece));
      if (failure) break;
    }
    if (first) return { skipped: 'empty file' };
    if (!splitter) start(looksLikeJsonLines(Buffer.concat(head), true) ?? false);
    if (!failure) splitter!.finish();
  } catch (error) {
    failure ??= error instanceof Error ? error.message : String(error);
  }
  await onOutcomes(pieces.splice(0).flatMap(parsePiece));
  return failure ? { failure } : {};
}

export function parsePiece(piece: Piece): Outcome[] {
  const at = piece.line === undefined ? {} : { line: piece.line };
  if (piece.kind === 'too-large') return [{ reason: 'record larger than 64 MB', ...at }];
  let value: unknown;
  try {
    value = JSON.parse(piece.text);
  } catch {
    return [{ reason: 'invalid JSON', ...at }];
  }
  const placed = (outcome: Outcome) => ('reason' in outcome ? { ...outcome, ...at } : outcome);
  if (piece.kind === 'events') return [placed(fromLookupEvent(value))];
  // A small wrapper that arrived whole: a JSON line holding a log file, or an array element holding one.
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const { Records, Events } = value as { Records?: unknown; Events?: unknown };
    if (Array.isArray(Records)) return Records.map((r) => placed(fromValue(r)));
    if (Array.isArray(Events)) return Events.map((e) => placed(fromLookupEvent(e)));
    if (Records !== undefined && !('eventID' in value))
      return [placed({ reason: 'Records is not an array' })];
  }
  return [placed(fromValue(value, piece.text, piece.bytes))];
}

function fromValue(value: unknown, text?: string, bytes?: Uint8Array): Outcome {
  const result = normaliseRecord(value);
  if (!result.record) return { reason: result.reason };
  // Bytes that are not UTF-8 would be stored as they are and fail every SQL that reads the record.
  if (bytes && !isUtf8(bytes)) return { reason: 'not UTF-8 text' };
  // Keep the text (and bytes) as received unless normalising changed the record.
  if (result.changed || !text) return { record: result.record };
  return bytes ? { record: result.record, json: text, bytes } : { record: result.record, json: text };
}

/** A LookupEvents `Event`: the record is the JSON string in its CloudTrailEvent member. */
function fromLookupEvent(value: unknown): Outcome {
  const text = (value as { CloudTrailEvent?: unknown } | null)?.CloudTrailEvent;
  if (typeof text !== 'string') return { reason: 'LookupEvents event without CloudTrailEvent' };
  try {
    return fromValue(JSON.parse(text), text);
  } catch {
    return { reason: 'invalid JSON' };
  }
}

function startsLikeJson(chunk: Buffer): boolean {
  for (const byte of chunk) {
    if (byte === 0x7b || byte === 0x5b) return true;
    if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return false;
  }
  return true;
}
