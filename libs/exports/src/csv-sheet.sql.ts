import { escapeIdentifier, escapeLiteral } from 'pg';
import { neutralisedSql } from './formula-cells';
import { SHEET_COLUMNS, SheetColumnKey } from './sheet-row';

// The CSV quote sheet as one SELECT for COPY … (FORMAT csv, HEADER): the cells toSheetRow and
// the JS writer used to make, made in SQL, so Postgres writes the file and the API only passes
// bytes on (about 3x the rows per second at a million quotes, docs/DECISIONS.md).
// - The inner query computes each cell once over the sheet's joins (SMALL_FROM or LARGE_FROM,
//   aliases q s o a cl ap) and sorts; its ORDER BY keeps it from being flattened into the outer
//   one, so the outer neutralisation reads plain columns, and the sort is not repeated.
// - Empty cells are NULL: COPY writes NULL as an empty field and '' as "".
// - Free text is neutralised against formula injection (formula-cells.ts, the JS rule in SQL).
// COPY quotes a field with a comma, quote or line break, as RFC 4180 asks; CsvRows turns its
// LF row ends into CRLF.
const CELLS: Record<SheetColumnKey, { sql: string; text?: true }> = {
  quote: { sql: 'q.text', text: true },
  speaker: {
    sql: `COALESCE(s.name, '(unnamed: ' || NULLIF(o.speaker_description, '') || ')')`,
    text: true,
  },
  nativeName: { sql: 's.native_name', text: true },
  role: { sql: 'o.role', text: true },
  organization: { sql: 'o.organization', text: true },
  articleTitle: { sql: 'COALESCE(a.title, left(a.lead, 100))', text: true },
  publisher: { sql: 'a.publisher', text: true },
  date: {
    sql: `CASE WHEN q.dated THEN to_char(q.first_seen AT TIME ZONE 'UTC', 'YYYY-MM-DD') END`,
  },
  dated: { sql: `CASE WHEN q.dated THEN 'yes' ELSE 'no' END` },
  url: { sql: 'a.url', text: true },
  verdict: { sql: `COALESCE(cl.status::text, 'unreviewed')` },
  reviewedBy: { sql: `CASE WHEN cl.status <> 'unreviewed' THEN cl.reviewer_name END`, text: true },
  reviewedAt: {
    sql: `CASE WHEN cl.status <> 'unreviewed' THEN to_char(cl.reviewed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') END`,
  },
  evidence: { sql: 'cl.evidence', text: true },
  appearances: { sql: 'COALESCE(ap.appearances, 0)' },
  // The whole-table plan aggregates without sorting: the names in code point order, as before.
  appearedIn: {
    sql: `CASE WHEN strpos(ap.appeared_in, '; ') > 0
      THEN (SELECT string_agg(n, '; ' ORDER BY n COLLATE "C") FROM unnest(string_to_array(ap.appeared_in, '; ')) n)
      ELSE ap.appeared_in END`,
    text: true,
  },
  attribution: { sql: 'q.attribution_status::text' },
  quoteId: { sql: 'q.id' },
};

const column = (key: string) => `c_${key}`;

export function CSV_SELECT(fromWhere: string): string {
  const inner = SHEET_COLUMNS.map(({ key }) => `${CELLS[key].sql} AS ${column(key)}`).join(',\n');
  const outer = SHEET_COLUMNS.map(({ key, header }) => {
    const c = `r.${column(key)}`;
    const cell = CELLS[key].text ? `NULLIF(${neutralisedSql(c)}, '')` : c;
    return `${cell} AS ${escapeIdentifier(header)}`;
  }).join(',\n');
  return `SELECT ${outer} FROM (
    SELECT ${inner}, q.first_seen AS sort_at ${fromWhere} ORDER BY q.first_seen DESC, q.id DESC
  ) r ORDER BY r.sort_at DESC, r.${column('quoteId')} DESC`;
}

// A filter value as an SQL literal: strings, arrays of strings (text[]) and instants.
export function sqlLiteral(value: unknown): string {
  if (typeof value === 'string') return escapeLiteral(value);
  if (value instanceof Date) return `${escapeLiteral(value.toISOString())}::timestamptz`;
  if (Array.isArray(value))
    return `ARRAY[${value.map((v) => escapeLiteral(String(v))).join(',')}]::text[]`;
  throw new TypeError(`no SQL literal for ${typeof value}`);
}
