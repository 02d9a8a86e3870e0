// One row of a quote sheet: a quote with who said it (as of the article), where it first
// appeared, where else, and what reviewers found.
export interface SheetRow {
  quoteId: string;
  quote: string;
  speaker: string;
  nativeName: string;
  role: string;
  organization: string;
  articleTitle: string;
  publisher: string;
  // When it was said: the earliest published date of its articles; '' when all are undated.
  date: string;
  dated: 'yes' | 'no';
  url: string;
  verdict: string;
  reviewedBy: string;
  reviewedAt: string;
  evidence: string;
  appearances: number;
  appearedIn: string;
  attribution: string;
  // Not a column: false when no known speaker said it (the Markdown sheet groups these once).
  named: boolean;
}

export type SheetColumnKey = Exclude<keyof SheetRow, 'named'>;

export const SHEET_COLUMNS: { key: SheetColumnKey; header: string; width: number }[] = [
  { key: 'quote', header: 'Quote', width: 80 },
  { key: 'speaker', header: 'Speaker', width: 24 },
  { key: 'nativeName', header: 'Native name', width: 12 },
  { key: 'role', header: 'Role', width: 30 },
  { key: 'organization', header: 'Organisation', width: 30 },
  { key: 'articleTitle', header: 'Article', width: 40 },
  { key: 'publisher', header: 'Publisher', width: 18 },
  { key: 'date', header: 'Date', width: 12 },
  { key: 'dated', header: 'Dated', width: 8 },
  { key: 'url', header: 'URL', width: 30 },
  { key: 'verdict', header: 'Verdict', width: 12 },
  { key: 'reviewedBy', header: 'Reviewed by', width: 18 },
  { key: 'reviewedAt', header: 'Reviewed at', width: 20 },
  { key: 'evidence', header: 'Evidence', width: 40 },
  { key: 'appearances', header: 'Appearances', width: 8 },
  { key: 'appearedIn', header: 'Appeared in', width: 40 },
  { key: 'attribution', header: 'Attribution', width: 12 },
  { key: 'quoteId', header: 'Quote ID', width: 36 },
];
