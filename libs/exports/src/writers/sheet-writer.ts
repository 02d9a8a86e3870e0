import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { SheetRow } from '../sheet-row';

export interface SheetWriter {
  begin(): Promise<void>;
  rows(rows: SheetRow[]): Promise<void>;
  end(): Promise<void>;
}

export interface SheetFormat {
  contentType: string;
  extension: string;
  create(out: Writable): SheetWriter;
}

// Writes with backpressure: waits for 'drain' instead of buffering a whole sheet.
export async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}
