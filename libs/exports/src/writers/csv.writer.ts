import type { Writable } from 'node:stream';
import { SHEET_COLUMNS, SheetRow } from '../sheet-row';
import { SheetFormat, SheetWriter, write } from './sheet-writer';

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

// A cell a spreadsheet would run as a formula is neutralised with a leading apostrophe
// (OWASP CSV injection): = + - @ tab and carriage return, also when whitespace, NBSP or
// zero-width characters come first (spreadsheets skip them) and in their full-width and small
// forms (＝ ＋ － ＠, ﹦ ﹢ ﹣ ﹫), which some spreadsheets fold to ASCII.
const FORMULA =
  /^[\s\u180e\u200b-\u200d\u2060\ufeff]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20\ufe62\ufe63\ufe66\ufe6b]/;

export function neutralise(value: string): string {
  const c = value.charCodeAt(0);
  // Fast path for the million-row export: a letter or most other ASCII cannot start a formula.
  if (c > 64 && c < 127) return value;
  return FORMULA.test(value) ? `'${value}` : value;
}

// RFC 4180: fields with a comma, quote or line break are quoted; quotes are doubled; CRLF rows.
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const s = neutralise(value);
  return NEEDS_QUOTES.test(s) ? `"${s.replace(QUOTE, '""')}"` : s;
}

// The per-row hot path of a million-row export: a plain loop, no intermediate arrays.
export function csvLine(values: (string | number)[]): string {
  let line = csvField(values[0]);
  for (let i = 1; i < values.length; i++) line += `,${csvField(values[i])}`;
  return `${line}\r\n`;
}

const KEYS = SHEET_COLUMNS.map((c) => c.key);

class CsvWriter implements SheetWriter {
  constructor(private readonly out: Writable) {}

  begin(): Promise<void> {
    return write(this.out, csvLine(SHEET_COLUMNS.map((c) => c.header)));
  }

  rows(rows: SheetRow[]): Promise<void> {
    let chunk = '';
    for (const r of rows) chunk += csvLine(KEYS.map((k) => r[k]));
    return write(this.out, chunk);
  }

  async end(): Promise<void> {}
}

export const CSV: SheetFormat = {
  contentType: 'text/csv; charset=utf-8; header=present',
  extension: 'csv',
  create: (out) => new CsvWriter(out),
};
