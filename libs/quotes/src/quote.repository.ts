import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ArticleQuoteDto } from '@app/articles';
import { QuoteOccurrenceEntity } from './entities/quote-occurrence.entity';
import { QuoteEntity } from './entities/quote.entity';

export type NewOccurrence = Omit<QuoteOccurrenceEntity, 'id' | 'createdAt'>;

export interface QuoteFilter {
  q?: string;
  speakerIds?: string[];
  articleId?: string;
  from?: Date;
  to?: Date;
  quoteIds?: string[]; // pre-filtered by another lib (claims verdicts)
  excludeQuoteIds?: string[];
}

export interface QuoteRow {
  id: string;
  speaker_id: string | null;
  text: string;
  first_seen: Date;
  attribution_status: string;
  version: number;
  occurrences: number;
}

export interface LookupRow extends QuoteRow {
  score: number;
}

const ROW_COLUMNS = `q.id, q.speaker_id, q.text, q.first_seen, q.attribution_status, q.version,
  (SELECT count(*)::int FROM quote_occurrence o WHERE o.quote_id = q.id) AS occurrences`;

// The only code that touches quote, quote_occurrence and article_extraction.
@Injectable()
export class QuoteRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async upsertQuote(m: EntityManager, q: { speakerId: string | null; text: string; textKey: string; seenAt: Date }): Promise<string> {
    const [row]: { id: string }[] = await m.query(
      `INSERT INTO quote (speaker_id, text, text_key, first_seen, last_seen) VALUES ($1, $2, $3, $4, $4)
       ON CONFLICT (speaker_id, md5(text_key)) DO UPDATE SET
         first_seen = LEAST(quote.first_seen, EXCLUDED.first_seen),
         last_seen = GREATEST(quote.last_seen, EXCLUDED.last_seen)
       RETURNING id`,
      [q.speakerId, q.text, q.textKey, q.seenAt],
    );
    return row.id;
  }

  async insertOccurrence(m: EntityManager, o: NewOccurrence): Promise<void> {
    await m.createQueryBuilder().insert().into(QuoteOccurrenceEntity).values(o).orIgnore().execute();
  }

  async markExtracted(m: EntityManager, articleId: string, engineVersion: string): Promise<void> {
    await m.query(
      `INSERT INTO article_extraction (article_id, engine_version, extracted_at) VALUES ($1, $2, now())
       ON CONFLICT (article_id) DO UPDATE SET engine_version = EXCLUDED.engine_version, extracted_at = now()`,
      [articleId, engineVersion],
    );
  }

  async staleArticleIds(engineVersion: string, all: boolean): Promise<string[]> {
    const rows: { article_id: string }[] = await this.dataSource.query(
      `SELECT article_id FROM article_extraction WHERE $2 OR engine_version <> $1 ORDER BY extracted_at`,
      [engineVersion, all],
    );
    return rows.map((r) => r.article_id);
  }

  findById(id: string, m: EntityManager = this.dataSource.manager): Promise<QuoteEntity | null> {
    return m.findOneBy(QuoteEntity, { id });
  }

  occurrencesOf(quoteIds: string[], m: EntityManager = this.dataSource.manager): Promise<QuoteOccurrenceEntity[]> {
    if (!quoteIds.length) return Promise.resolve([]);
    return m
      .createQueryBuilder(QuoteOccurrenceEntity, 'o')
      .where('o.quote_id = ANY(:quoteIds)', { quoteIds })
      .orderBy('o.seen_at', 'ASC')
      .addOrderBy('o.start_offset', 'ASC')
      .getMany();
  }

  // What an article response lists: each occurrence with its quote's speaker.
  async quotesInArticles(articleIds: string[]): Promise<Map<string, ArticleQuoteDto[]>> {
    const rows: (ArticleQuoteDto & { article_id: string; speaker_id: string | null; speaker_name: string | null })[] = await this.dataSource.query(
      `SELECT o.article_id, o.quote_id AS "quoteId", o.wording AS text, o.start_offset AS start, o.end_offset AS "end",
              q.speaker_id, s.name AS speaker_name, o.speaker_description AS "speakerDescription", o.role, o.organization,
              o.mention, o.cue, o.rule, o.confidence, o.partial, o.unterminated
         FROM quote_occurrence o JOIN quote q ON q.id = o.quote_id LEFT JOIN speaker s ON s.id = q.speaker_id
        WHERE o.article_id = ANY($1::uuid[]) ORDER BY o.article_id, o.start_offset`,
      [articleIds],
    );
    const byArticle = new Map<string, ArticleQuoteDto[]>();
    for (const { article_id, speaker_id, speaker_name, ...q } of rows) {
      const list = byArticle.get(article_id) ?? [];
      list.push({ ...q, confidence: Math.round(q.confidence * 1000) / 1000, speaker: speaker_id ? { id: speaker_id, name: speaker_name ?? '' } : null });
      byArticle.set(article_id, list);
    }
    return byArticle;
  }

  occurrencesInArticle(m: EntityManager, articleId: string): Promise<QuoteOccurrenceEntity[]> {
    return m.findBy(QuoteOccurrenceEntity, { articleId });
  }

  // Newest first by the date the quote was first seen; keyset paging on (first_seen, id).
  async search(f: QuoteFilter, limit: number, after: { firstSeen: string; id: string } | null): Promise<QuoteRow[]> {
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const where: string[] = [];
    const range: PeriodRange = {};
    if (f.speakerIds) where.push(`q.speaker_id = ANY(${p(f.speakerIds)}::uuid[])`);
    if (f.articleId) where.push(`EXISTS (SELECT 1 FROM quote_occurrence o WHERE o.quote_id = q.id AND o.article_id = ${p(f.articleId)})`);
    if (f.from) where.push(`q.first_seen >= ${(range.from = `${p(f.from)}::timestamptz`)}`);
    if (f.to) where.push(`q.first_seen <= ${(range.to = `${p(f.to)}::timestamptz`)}`);
    if (f.quoteIds) where.push(`q.id = ANY(${p(f.quoteIds)}::uuid[])`);
    if (f.excludeQuoteIds?.length) where.push(`NOT (q.id = ANY(${p(f.excludeQuoteIds)}::uuid[]))`);
    if (after) where.push(`(q.first_seen, q.id) < (${(range.after = `${p(after.firstSeen)}::timestamptz`)}, ${p(after.id)}::uuid)`);
    // A speaker, an article or a list of ids narrows enough on its own: one plain query.
    if (!f.q || f.speakerIds || f.articleId || f.quoteIds) {
      if (f.q) where.push(`q.search @@ websearch_to_tsquery('english', ${p(f.q)})`);
      return this.dataSource.query(
        `SELECT ${ROW_COLUMNS} FROM quote q ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
          ORDER BY q.first_seen DESC, q.id DESC LIMIT ${p(limit)}`,
        params,
      );
    }
    return this.dataSource.query(searchByPeriod(p(f.q), p(limit), where, range), params);
  }

  // "Who said this?": candidates from full-text (any of the words) and from trigrams,
  // scored by how much of the asked text the quote contains.
  async lookup(text: string, key: string, limit: number): Promise<LookupRow[]> {
    return this.dataSource.query(
      `WITH asked AS (
         SELECT NULLIF(replace(plainto_tsquery('english', $1)::text, '&', '|'), '')::tsquery AS tsq
       ), candidates AS (
         (SELECT q.id FROM quote q, asked WHERE q.search @@ asked.tsq
           ORDER BY ts_rank_cd(q.search, asked.tsq) DESC LIMIT 200)
         UNION
         (SELECT q.id FROM quote q WHERE $2 <% q.text_key ORDER BY $2 <<-> q.text_key LIMIT 50)
       )
       SELECT ${ROW_COLUMNS},
              round((0.5 * word_similarity($2, q.text_key)
                   + 0.5 * COALESCE(ts_rank_cd(q.search, asked.tsq, 1 | 32), 0) * 2)::numeric, 3)::float AS score
         FROM quote q JOIN candidates c ON c.id = q.id, asked
        ORDER BY score DESC, q.first_seen DESC
        LIMIT $3`,
      [text, key, limit],
    );
  }

  async speakerStats(speakerId: string): Promise<{ quotes: number; occurrences: number; articles: number }> {
    const [row] = await this.dataSource.query(
      `SELECT count(DISTINCT q.id)::int AS quotes, count(o.id)::int AS occurrences, count(DISTINCT o.article_id)::int AS articles
         FROM quote q LEFT JOIN quote_occurrence o ON o.quote_id = q.id WHERE q.speaker_id = $1`,
      [speakerId],
    );
    return row;
  }

  findByKey(m: EntityManager, speakerId: string | null, textKey: string): Promise<QuoteEntity | null> {
    return m
      .createQueryBuilder(QuoteEntity, 'q')
      .where('q.speaker_id IS NOT DISTINCT FROM :speakerId AND md5(q.text_key) = md5(:textKey)', { speakerId, textKey })
      .getOne();
  }

  quoteIdsOfSpeaker(m: EntityManager, speakerId: string): Promise<QuoteEntity[]> {
    return m.findBy(QuoteEntity, { speakerId });
  }

  async setSpeakerAndText(m: EntityManager, id: string, change: { speakerId: string | null; text: string; textKey: string; correctedBy: string | null }): Promise<void> {
    await m.query(
      `UPDATE quote SET speaker_id = $2, text = $3, text_key = $4, corrected_at = now(), corrected_by = $5,
              version = version + 1, updated_at = now() WHERE id = $1`,
      [id, change.speakerId, change.text, change.textKey, change.correctedBy],
    );
  }

  async setAttributionStatus(m: EntityManager, id: string, status: string, by: string | null): Promise<void> {
    await m.query(`UPDATE quote SET attribution_status = $2, corrected_by = COALESCE($3, corrected_by), version = version + 1, updated_at = now() WHERE id = $1`, [id, status, by]);
  }

  async reassignSpeaker(m: EntityManager, id: string, speakerId: string | null): Promise<void> {
    await m.query(`UPDATE quote SET speaker_id = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, speakerId]);
  }

  // Folds a duplicate quote into another: its occurrences move, its dates widen it, it goes.
  async foldInto(m: EntityManager, fromId: string, intoId: string): Promise<void> {
    await m.query(
      `UPDATE quote_occurrence o SET quote_id = $2 WHERE o.quote_id = $1
          AND NOT EXISTS (SELECT 1 FROM quote_occurrence x WHERE x.quote_id = $2 AND x.article_id = o.article_id AND x.start_offset = o.start_offset)`,
      [fromId, intoId],
    );
    await m.query(
      `UPDATE quote t SET first_seen = LEAST(t.first_seen, f.first_seen), last_seen = GREATEST(t.last_seen, f.last_seen),
              version = t.version + 1, updated_at = now()
         FROM quote f WHERE t.id = $2 AND f.id = $1`,
      [fromId, intoId],
    );
    await m.query(`DELETE FROM quote WHERE id = $1`, [fromId]);
  }

  async updateOccurrence(m: EntityManager, id: string, o: Partial<NewOccurrence>): Promise<void> {
    await m.update(QuoteOccurrenceEntity, { id }, o);
  }

  async deleteOccurrences(m: EntityManager, ids: string[]): Promise<void> {
    if (ids.length) await m.query(`DELETE FROM quote_occurrence WHERE id = ANY($1::uuid[])`, [ids]);
  }

  // Quotes left with no occurrence and no reviewer correction; the caller keeps referenced ones.
  async orphanIds(m: EntityManager, candidateIds: string[]): Promise<string[]> {
    if (!candidateIds.length) return [];
    const rows: { id: string }[] = await m.query(
      `SELECT q.id FROM quote q WHERE q.id = ANY($1::uuid[]) AND q.corrected_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM quote_occurrence o WHERE o.quote_id = q.id)`,
      [candidateIds],
    );
    return rows.map((r) => r.id);
  }

  async deleteQuotes(m: EntityManager, ids: string[]): Promise<void> {
    if (ids.length) await m.query(`DELETE FROM quote WHERE id = ANY($1::uuid[])`, [ids]);
  }
}

interface PeriodRange {
  from?: string;
  to?: string;
  after?: string;
}

// Full-text search, newest first, without visiting every match of a frequent word: matches are
// read week by week backwards (year by year past the latest 26 weeks), each step one scan of the
// (search, week, year) GIN index for that period only, and the outer LIMIT ends the loop as soon
// as enough rows came back. Periods are visited newest first and each step is sorted, so rows
// come out in (first_seen, id) order. Rare words cost a few dozen cheap steps instead.
function searchByPeriod(q: string, limit: string, where: string[], r: PeriodRange): string {
  const hi = `LEAST(${['max(first_seen)', r.to, r.after].filter(Boolean).join(', ')})`;
  const lo = `GREATEST(${['min(first_seen)', r.from].filter(Boolean).join(', ')})`;
  const filters = where.map((w) => ` AND ${w}`).join('');
  const step = (period: 'week' | 'year', extra = '') => `
         CROSS JOIN LATERAL (
           SELECT q.id, q.speaker_id, q.text, q.first_seen, q.attribution_status, q.version FROM quote q
            WHERE q.search @@ tsq.q AND date_trunc('${period}', q.first_seen AT TIME ZONE 'UTC') = p.start${extra}${filters}
            ORDER BY q.first_seen DESC, q.id DESC LIMIT ${limit}) x
        WHERE numnode(tsq.q) > 0`;
  return `WITH tsq AS MATERIALIZED (SELECT websearch_to_tsquery('english', ${q}) AS q),
    bounds AS MATERIALIZED (
      SELECT date_trunc('week', ${hi} AT TIME ZONE 'UTC') AS hi, date_trunc('week', ${lo} AT TIME ZONE 'UTC') AS lo FROM quote
    ), hits AS (
      (SELECT x.* FROM bounds, tsq,
              generate_series(bounds.hi, GREATEST(bounds.lo, bounds.hi - interval '25 weeks'), interval '-1 week') AS p(start)
         ${step('week')})
      UNION ALL
      (SELECT x.* FROM bounds, tsq,
              generate_series(date_trunc('year', bounds.hi - interval '25 weeks 1 microsecond'), date_trunc('year', bounds.lo), interval '-1 year') AS p(start)
         ${step('year', ` AND q.first_seen < (bounds.hi - interval '25 weeks') AT TIME ZONE 'UTC'`)})
      LIMIT ${limit})
    SELECT h.*, (SELECT count(*)::int FROM quote_occurrence o WHERE o.quote_id = h.id) AS occurrences FROM hits h`;
}
