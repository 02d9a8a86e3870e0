import type { Writable } from 'node:stream';
import type { SheetRow } from '../sheet-row';

export interface SheetWriter {
  begin(): Promise<void>;
  rows(rows: SheetRow[]): Promise<void>;
  end(): Promise<void>;
}

export interface SheetFileType {
  contentType: string;
  extension: string;
}

export interface SheetFormat extends SheetFileType {
  create(out: Writable): SheetWriter;
}

// Written by Postgres (SheetRepository.copyCsv), not by a SheetWriter.
export const CSV: SheetFileType = {
  contentType: 'text/csv; charset=utf-8; header=present',
  extension: 'csv',
};

// Writes with backpressure: waits for 'drain' instead of buffering a whole sheet, and stops
// when the reader has gone (a closed download would otherwise never drain).
export async function write(out: Writable, chunk: string): Promise<void> {
  if (out.destroyed) throw new Error('output closed');
  if (!out.write(chunk)) {
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off('drain', done);
        out.off('close', done);
        resolve();
      };
      out.on('drain', done);
      out.on('close', done);
    });
    if (out.destroyed) throw new Error('output closed');
  }
}
