import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@app/common';
import { QuoteFilter, quoteFilterConditions } from '@app/quotes';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource, QueryRunner } from 'typeorm';
import { CSV_SELECT, sqlLiteral } from './csv-sheet.sql';
import { COLUMNS, LARGE_FROM, SMALL_FROM } from './sheet.sql';
import { SheetRow } from './sheet-row';
import { CsvRows } from './writers/csv-rows';

export type SheetOrder = 'date' | 'speaker';

// Dates and evidence arrive as text: parsing a million Dates and JSON arrays costs more than
// formatting them in SQL.
interface RawRow {
  id: string;
  text: string;
  day: string | null; // null: seen only in undated articles
  speaker: string | null;
  native_name: string | null;
  speaker_description: string | null;
  role: string | null;
  organization: string | null;
  title: string | null;
  lead: string | null;
  publisher: string | null;
  url: string | null;
  status: string | null;
  reviewer_name: string | null;
  reviewed_at: string | null;
  evidence: string | null;
  appearances: number;
  appeared_in: string | null;
  attribution_status: string;
}

@Injectable()
export class SheetRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async count(filter: QuoteFilter): Promise<number> {
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      return await countOn(runner, filter);
    } finally {
      await runner.release();
    }
  }

  async *batches(filter: QuoteFilter, order: SheetOrder, size = 1000): AsyncGenerator<SheetRow[]> {
    const runner = this.dataSource.createQueryRunner('slave');
    const client = (await runner.connect()) as PoolClient;
    let open = false;
    try {
      await beginReadOnly(client);
      open = true;
      const large = await this.large(runner, filter);
      const params: unknown[] = [];
      const where = quoteFilterConditions(filter, (v) => `$${params.push(v)}`);
      const orderBy =
        order === 'date'
          ? 'q.first_seen DESC, q.id DESC'
          : // Unattributed rows last and together (one heading in the Markdown sheet); a speaker's
            // rows together even when two speakers share a name.
            `s.name IS NULL, s.name, s.id, q.first_seen, q.id`;
      const sql = `SELECT ${COLUMNS} ${large ? LARGE_FROM : SMALL_FROM} ${whereClause(where)} ORDER BY ${orderBy}`;
      await client.query(`DECLARE sheet NO SCROLL CURSOR FOR ${sql}`, params);
      // The next batch is fetched while the caller writes this one; plain pg rows, no
      // TypeORM wrapping, as this is the per-row hot path.
      const fetchNext = () => {
        const p = client.query<RawRow>(`FETCH ${size} FROM sheet`).then((r) => r.rows);
        p.catch(() => undefined); // abandoned when the reader leaves; awaited otherwise
        return p;
      };
      let next = fetchNext();
      for (;;) {
        const rows = await next;
        if (rows.length === 0) break;
        next = rows.length < size ? Promise.resolve([]) : fetchNext();
        yield rows.map(toSheetRow);
      }
      await client.query('COMMIT');
      open = false;
    } finally {
      // Also reached when the client goes away mid-download: the transaction is rolled back.
      if (open) await client.query('ROLLBACK').catch(() => undefined);
      await runner.release();
    }
  }

  // The CSV sheet, written by Postgres: COPY (the sheet query, cells formatted in SQL) TO STDOUT,
  // streamed to `out` with backpressure (a slow reader pauses the COPY, memory stays flat).
  // Returns the number of quote rows. COPY takes no parameters, so the filter's values are
  // inlined as escaped literals (pg's escapeLiteral).
  async copyCsv(
    filter: QuoteFilter,
    out: Writable,
    progress?: (rows: number) => void,
  ): Promise<number> {
    const runner = this.dataSource.createQueryRunner('slave');
    const client = (await runner.connect()) as PoolClient;
    const rows = new CsvRows(progress && ((n) => progress(n - 1)));
    try {
      await beginReadOnly(client);
      const large = await this.large(runner, filter);
      // One statement writes the whole sheet, at the pace of the reader: its own time limit.
      await client.query(`SET LOCAL statement_timeout = ${this.config.EXPORT_TIMEOUT_MS}`);
      const where = whereClause(quoteFilterConditions(filter, sqlLiteral));
      const from = `${large ? LARGE_FROM : SMALL_FROM} ${where}`;
      await pipeline(
        client.query(copyTo(`COPY (${CSV_SELECT(from)}) TO STDOUT WITH (FORMAT csv, HEADER)`)),
        rows,
        out,
        { end: false },
      );
      await client.query('COMMIT');
      return rows.rows - 1;
    } catch (err) {
      // A reader that went away leaves the COPY mid-stream: the connection cannot be reused.
      // end() closes its socket (the server backend stops and rolls back) and the pool drops it.
      await client.end().catch(() => undefined);
      throw err;
    } finally {
      await runner.release();
    }
  }

  // Small or large plan, read in the sheet's own transaction; large ones get more work_mem.
  private async large(runner: QueryRunner, filter: QuoteFilter): Promise<boolean> {
    const large = (await countOn(runner, filter)) > this.config.EXPORT_LARGE_SHEET_ROWS;
    if (large) await runner.query(`SET LOCAL work_mem = '256MB'`);
    return large;
  }
}

// One consistent snapshot for the whole sheet, and nothing written by mistake.
async function beginReadOnly(client: PoolClient): Promise<void> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
}

async function countOn(runner: QueryRunner, filter: QuoteFilter): Promise<number> {
  const params: unknown[] = [];
  const where = quoteFilterConditions(filter, (v) => `$${params.push(v)}`);
  const [row] = await runner.query(
    `SELECT count(*)::int AS n FROM quote_ref q ${whereClause(where)}`,
    params,
  );
  return row.n;
}

function whereClause(where: string[]): string {
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}

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
    date: r.day ?? '',
    dated: r.day === null ? 'no' : 'yes',
    url: r.url ?? '',
    verdict: r.status ?? 'unreviewed',
    reviewedBy: r.status && r.status !== 'unreviewed' ? (r.reviewer_name ?? '') : '',
    reviewedAt: r.status && r.status !== 'unreviewed' ? (r.reviewed_at ?? '') : '',
    evidence: r.evidence ?? '',
    appearances: r.appearances ?? 0,
    // The whole-table plan aggregates without sorting; sort the (few) names here.
    appearedIn: r.appeared_in?.includes('; ')
      ? r.appeared_in.split('; ').sort().join('; ')
      : (r.appeared_in ?? ''),
    attribution: r.attribution_status,
    named: r.speaker !== null,
  };
}
