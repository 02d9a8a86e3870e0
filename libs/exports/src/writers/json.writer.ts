import type { Writable } from 'node:stream';
import type { SheetRow } from '../sheet-row';
import { SheetFormat, SheetWriter, write } from './sheet-writer';

// A row as JSON: what the sheet leaves blank is null (not ""), dates are ISO 8601 strings
// (a day for `date`, an instant for `reviewedAt`), `dated` is a boolean and `appearances` a
// number. Keys are the sheet's columns, in order.
export interface JsonSheetRow {
  quoteId: string;
  quote: string;
  speaker: string | null;
  nativeName: string | null;
  role: string | null;
  organization: string | null;
  articleTitle: string | null;
  publisher: string | null;
  date: string | null;
  dated: boolean;
  url: string | null;
  verdict: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  evidence: string[];
  appearances: number;
  appearedIn: string[];
  attribution: string;
}

const orNull = (s: string) => (s === '' ? null : s);
const list = (s: string, separator: string) => (s ? s.split(separator) : []);

export function jsonRow(r: SheetRow): JsonSheetRow {
  return {
    quoteId: r.quoteId,
    quote: r.quote,
    speaker: orNull(r.speaker),
    nativeName: orNull(r.nativeName),
    role: orNull(r.role),
    organization: orNull(r.organization),
    articleTitle: orNull(r.articleTitle),
    publisher: orNull(r.publisher),
    date: orNull(r.date),
    dated: r.dated === 'yes',
    url: orNull(r.url),
    verdict: r.verdict,
    reviewedBy: orNull(r.reviewedBy),
    reviewedAt: orNull(r.reviewedAt),
    evidence: list(r.evidence, ' | '),
    appearances: r.appearances,
    appearedIn: list(r.appearedIn, '; '),
    attribution: r.attribution,
  };
}

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
      chunk += `${this.first ? '\n' : ',\n'}${JSON.stringify(jsonRow(r))}`;
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
