import type { Writable } from 'node:stream';
import type { SheetRow } from '../sheet-row';
import { SheetFormat, SheetWriter, write } from './sheet-writer';

// A JSON array, one row object per line, streamed.
class JsonWriter implements SheetWriter {
  private first = true;

  constructor(private readonly out: Writable) {}

  begin(): Promise<void> {
    return write(this.out, '[');
  }

  rows(rows: SheetRow[]): Promise<void> {
    let chunk = '';
    for (const r of rows) {
      chunk += `${this.first ? '\n' : ',\n'}${JSON.stringify(r)}`;
      this.first = false;
    }
    return write(this.out, chunk);
  }

  end(): Promise<void> {
    return write(this.out, '\n]\n');
  }
}

export const JSON_FORMAT: SheetFormat = {
  contentType: 'application/json; charset=utf-8',
  extension: 'json',
  create: (out) => new JsonWriter(out),
};
