import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QuoteFilter, quoteFilterConditions } from '@app/quotes';
import { DataSource } from 'typeorm';
import { SheetRow } from './sheet-row';

export type SheetOrder = 'date' | 'speaker';

interface RawRow {
  id: string;
  text: string;
  first_seen: Date;
  speaker: string | null;
  native_name: string | null;
  speaker_description: string | null;
  role: string | null;
  organization: string | null;
  title: string | null;
  lead: string | null;
  publisher: string | null;
  published_at: Date | null;
  url: string | null;
  status: string | null;
  reviewer_name: string | null;
  reviewed_at: Date | null;
  evidence: { url: string }[] | null;
  appearances: number;
  appeared_in: string | null;
  attribution_status: string;
  sort_speaker: string;
}

// Exports are a read model: one SQL per batch joins quote, speaker, first occurrence, article,
// sources and the latest review, so a million rows stream in seconds. It writes nothing.
const SELECT = `
  SELECT q.id, q.text, q.first_seen, q.attribution_status, s.name AS speaker, s.native_name,
         o.speaker_description, o.role, o.organization,
         a.title, left(a.body, 100) AS lead, a.publisher, a.published_at, a.url,
         cl.status, cl.reviewer_name, cl.reviewed_at, cl.evidence,
         ap.appearances, ap.appeared_in,
         COALESCE(s.name, '~') AS sort_speaker
    FROM quote q
    LEFT JOIN speaker s ON s.id = q.speaker_id
    LEFT JOIN LATERAL (SELECT * FROM quote_occurrence o WHERE o.quote_id = q.id ORDER BY o.seen_at, o.start_offset LIMIT 1) o ON true
    LEFT JOIN article a ON a.id = o.article_id
    LEFT JOIN LATERAL (
      SELECT count(DISTINCT x.id)::int AS appearances,
             string_agg(DISTINCT COALESCE(d.filename, d.url, 'document ' || d.id::text), '; ') AS appeared_in
        FROM quote_occurrence x
        JOIN article_source src ON src.article_id = x.article_id
        JOIN document d ON d.id = src.document_id
       WHERE x.quote_id = q.id) ap ON true
    LEFT JOIN LATERAL (
      SELECT c.status, r.reviewer_name, r.created_at AS reviewed_at, r.evidence
        FROM claim_quote l JOIN claim c ON c.id = l.claim_id
        LEFT JOIN LATERAL (SELECT * FROM claim_review r WHERE r.claim_id = c.id ORDER BY r.created_at DESC LIMIT 1) r ON true
       WHERE l.quote_id = q.id AND l.relation IN ('source', 'same-speaker')
       ORDER BY c.reviewed_at DESC NULLS LAST LIMIT 1) cl ON true`;

@Injectable()
export class SheetRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async count(filter: QuoteFilter): Promise<number> {
    const params: unknown[] = [];
    const where = quoteFilterConditions(filter, (v) => `$${params.push(v)}`);
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM quote q ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`, params);
    return row.n;
  }

  // Keyset batches: constant memory whatever the size of the sheet.
  async *batches(filter: QuoteFilter, order: SheetOrder, size = 5000): AsyncGenerator<SheetRow[]> {
    let after: RawRow | null = null;
    for (;;) {
      const params: unknown[] = [];
      const p = (v: unknown) => `$${params.push(v)}`;
      const where = quoteFilterConditions(filter, p);
      if (after && order === 'date') where.push(`(q.first_seen, q.id) < (${p(after.first_seen)}, ${p(after.id)}::uuid)`);
      if (after && order === 'speaker') {
        where.push(`(COALESCE(s.name, '~'), q.first_seen, q.id) > (${p(after.sort_speaker)}, ${p(after.first_seen)}, ${p(after.id)}::uuid)`);
      }
      const orderBy = order === 'date' ? 'q.first_seen DESC, q.id DESC' : `COALESCE(s.name, '~'), q.first_seen, q.id`;
      const rows: RawRow[] = await this.dataSource.query(
        `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${orderBy} LIMIT ${p(size)}`,
        params,
      );
      if (rows.length === 0) return;
      yield rows.map(toSheetRow);
      if (rows.length < size) return;
      after = rows[rows.length - 1];
    }
  }
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : '');

function toSheetRow(r: RawRow): SheetRow {
  return {
    quoteId: r.id,
    quote: r.text,
    speaker: r.speaker ?? (r.speaker_description ? `(unnamed: ${r.speaker_description})` : ''),
    nativeName: r.native_name ?? '',
    role: r.role ?? '',
    organization: r.organization ?? '',
    articleTitle: r.title ?? r.lead ?? '',
    publisher: r.publisher ?? '',
    date: iso(r.published_at ?? r.first_seen).slice(0, 10),
    url: r.url ?? '',
    verdict: r.status ?? 'unreviewed',
    reviewedBy: r.status && r.status !== 'unreviewed' ? (r.reviewer_name ?? '') : '',
    reviewedAt: r.status && r.status !== 'unreviewed' ? iso(r.reviewed_at) : '',
    evidence: (r.evidence ?? []).map((e) => e.url).join(' | '),
    appearances: r.appearances ?? 0,
    appearedIn: r.appeared_in ?? '',
    attribution: r.attribution_status,
  };
}
