import type { Writable } from 'node:stream';
import { SHEET_COLUMNS, SheetRow } from '../sheet-row';
import { SheetFormat, SheetWriter, write } from './sheet-writer';

// A cell a spreadsheet would run as a formula is neutralised with a leading apostrophe
// (OWASP CSV injection): = + - @ tab and carriage return.
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

// RFC 4180: fields with a comma, quote or line break are quoted; quotes are doubled; CRLF rows.
export function csvField(value: string | number): string {
  const s = typeof value === 'number' ? String(value) : neutralise(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: (string | number)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

class CsvWriter implements SheetWriter {
  constructor(private readonly out: Writable) {}

  begin(): Promise<void> {
    return write(this.out, csvLine(SHEET_COLUMNS.map((c) => c.header)));
  }

  rows(rows: SheetRow[]): Promise<void> {
    return write(this.out, rows.map((r) => csvLine(SHEET_COLUMNS.map((c) => r[c.key]))).join(''));
  }

  async end(): Promise<void> {}
}

export const CSV: SheetFormat = { contentType: 'text/csv; charset=utf-8; header=present', extension: 'csv', create: (out) => new CsvWriter(out) };
