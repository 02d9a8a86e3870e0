import { Injectable } from '@nestjs/common';
import { TxRepository } from '@app/database';
import { ExtractionStatus } from './entities/article-extraction.entity';

export interface ExtractionLock {
  status: ExtractionStatus;
  // Set when some engine version extracted the article before: its quotes are replaced, not added.
  engineVersion: string | null;
}

export interface ExtractionCount {
  status: ExtractionStatus | 'none';
  engineVersion: string | null;
  articles: number;
}

// Re-extraction's view of article_extraction: which articles are stale, requests for their
// extraction, and the counts that show a queue draining.
@Injectable()
export class ExtractionStateRepository extends TxRepository {
  // Locked until the transaction ends: two runs of one job (a doubled send, a retry while the
  // first is alive) queue here, and the second finds the article done.
  async lock(articleId: string): Promise<ExtractionLock | null> {
    const rows: { status: ExtractionStatus; engine_version: string | null }[] = await this.db.query(
      `SELECT status, engine_version FROM article_extraction WHERE article_id = $1 FOR UPDATE`,
      [articleId],
    );
    return rows[0] ? { status: rows[0].status, engineVersion: rows[0].engine_version } : null;
  }

  // The same for a batch of articles, locked in id order: article id → its state.
  async lockMany(articleIds: string[]): Promise<Map<string, ExtractionLock>> {
    if (!articleIds.length) return new Map();
    const rows: { article_id: string; status: ExtractionStatus; engine_version: string | null }[] =
      await this.db.query(
        `SELECT article_id, status, engine_version FROM article_extraction
          WHERE article_id = ANY($1::uuid[]) ORDER BY article_id FOR UPDATE`,
        [articleIds],
      );
    return new Map(
      rows.map((r) => [r.article_id, { status: r.status, engineVersion: r.engine_version }]),
    );
  }

  // A page of articles (read through the view articles publishes) not extracted by this engine
  // version, or every article with `all`; in id order, after `after`.
  async stalePage(
    engineVersion: string,
    all: boolean,
    after: string | null,
    limit: number,
  ): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT a.id FROM article_ref a
         LEFT JOIN article_extraction e ON e.article_id = a.id
        WHERE ($3::uuid IS NULL OR a.id > $3)
          AND ($2 OR e.article_id IS NULL OR e.status <> 'done' OR e.engine_version IS DISTINCT FROM $1)
        ORDER BY a.id LIMIT $4`,
      [engineVersion, all, after, limit],
    );
    return rows.map((r) => r.id);
  }

  // Articles stored without any extraction record (a crash before the queue took them).
  async neverExtracted(): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT a.id FROM article_ref a
        WHERE NOT EXISTS (SELECT 1 FROM article_extraction e WHERE e.article_id = a.id)`,
    );
    return rows.map((r) => r.id);
  }

  // Articles a queue worker has yet to take.
  async pendingArticleIds(): Promise<string[]> {
    const rows: { article_id: string }[] = await this.db.query(
      `SELECT article_id FROM article_extraction WHERE status = 'pending'`,
    );
    return rows.map((r) => r.article_id);
  }

  // Articles already extracted by this engine version.
  async currentArticleIds(engineVersion: string): Promise<Set<string>> {
    const rows: { article_id: string }[] = await this.db.query(
      `SELECT article_id FROM article_extraction WHERE status = 'done' AND engine_version = $1`,
      [engineVersion],
    );
    return new Set(rows.map((r) => r.article_id));
  }

  // These articles wait for a queue worker. The engine version stays: it tells the job that the
  // article has quotes to replace, and until the job is done its old quotes are still shown.
  async request(articleIds: string[]): Promise<void> {
    if (!articleIds.length) return;
    await this.db.query(
      `INSERT INTO article_extraction (article_id, status)
       SELECT unnest($1::uuid[]), 'pending'
       ON CONFLICT (article_id) DO UPDATE SET status = 'pending', error = NULL`,
      [articleIds],
    );
  }

  // Articles waiting or given up: cheap at any size (a partial index holds only these rows).
  async waiting(): Promise<{ pending: number; failed: number }> {
    const [row]: { pending: number; failed: number }[] = await this.db.query(
      `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
              count(*) FILTER (WHERE status = 'failed')::int AS failed
         FROM article_extraction WHERE status <> 'done'`,
    );
    return row;
  }

  // Every article by extraction state and engine version ('none': no record at all). A scan of
  // the table: an admin's occasional question, not a hot path.
  async counts(): Promise<ExtractionCount[]> {
    const rows: { status: ExtractionStatus | 'none'; engine_version: string | null; n: number }[] =
      await this.db.query(
        `SELECT status, engine_version, count(*)::int AS n FROM article_extraction
          GROUP BY status, engine_version
         UNION ALL
         SELECT 'none', NULL, count(*)::int FROM article_ref a
          WHERE NOT EXISTS (SELECT 1 FROM article_extraction e WHERE e.article_id = a.id)
         HAVING count(*) > 0
         ORDER BY 1, 2`,
      );
    return rows.map((r) => ({ status: r.status, engineVersion: r.engine_version, articles: r.n }));
  }

  async failures(limit: number): Promise<{ articleId: string; error: string }[]> {
    const rows: { article_id: string; error: string | null }[] = await this.db.query(
      `SELECT article_id, error FROM article_extraction WHERE status = 'failed'
        ORDER BY article_id LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({ articleId: r.article_id, error: r.error ?? '' }));
  }
}
