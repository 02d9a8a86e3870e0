import { Transform, TransformCallback } from 'node:stream';

const LF = 0x0a;
const QUOTE = 0x22;
const CRLF = Buffer.from('\r\n');

// Postgres's COPY (FORMAT csv) ends rows with LF; RFC 4180 (and the sheet as it always was) ends
// them with CRLF. An LF ends a row unless it sits inside a quoted field, which an odd number of
// quotes so far opens (a doubled quote inside a field toggles twice), so the state carries over
// from chunk to chunk. Also counts rows (the header's included) for progress.
export class CsvRows extends Transform {
  rows = 0;
  private quoted = false;

  constructor(private readonly progress?: (rows: number) => void) {
    super();
  }

  _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const end = chunk.length;
    const parts: Buffer[] = [];
    let from = 0;
    let pos = 0;
    // The next quote and LF at or after `pos` (`end`: none); indexOf is native, a byte loop is not.
    let quote = -1;
    let lf = -1;
    const rowsBefore = this.rows;
    while (pos < end) {
      if (this.quoted) {
        const close = chunk.indexOf(QUOTE, pos);
        if (close < 0) break;
        this.quoted = false;
        pos = close + 1;
        continue;
      }
      if (quote < pos) quote = indexOf(chunk, QUOTE, pos);
      if (lf < pos) lf = indexOf(chunk, LF, pos);
      if (quote < lf) {
        this.quoted = true;
        pos = quote + 1;
      } else if (lf < end) {
        parts.push(chunk.subarray(from, lf), CRLF);
        this.rows++;
        from = pos = lf + 1;
      } else break;
    }
    if (from < end) parts.push(chunk.subarray(from));
    if (this.rows !== rowsBefore) this.progress?.(this.rows);
    done(null, parts.length === 1 ? parts[0] : Buffer.concat(parts));
  }
}

function indexOf(chunk: Buffer, byte: number, from: number): number {
  const i = chunk.indexOf(byte, from);
  return i < 0 ? chunk.length : i;
}
