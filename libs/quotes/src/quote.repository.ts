import { ArticleExtractionEntity, ExtractionStatus } from './entities/article-extraction.entity';
import { Injectable } from '@nestjs/common';
import { prepared, TxRepository } from '@app/database';
import type { ArticleQuoteDto } from '@app/articles';
import { QuoteOccurrenceEntity } from './entities/quote-occurrence.entity';
import { QuoteEntity } from './entities/quote.entity';
import { quoteFilterConditions } from './quote-filter.sql';
import { estimateTsQuery, unknownShare } from './tsquery-estimate';

export type NewOccurrence = Omit<QuoteOccurrenceEntity, 'id' | 'createdAt'>;

export interface QuoteFilter {
  q?: string;
  speakerIds?: string[];
  articleId?: string;
  from?: Date;
  to?: Date;
  // Quotes with no dated occurrence. Resolved by QuotesService: `include` means "also", even
  // with a date range.
  undated?: 'include' | 'exclude' | 'only';
  // Said in an article of this publisher (exact, any case).
  publisher?: string;
  quoteIds?: string[]; // pre-filtered by another lib (claims verdicts)
  excludeQuoteIds?: string[];
  // Rejected quotes (not quotations) are left out unless a reviewer asks for them.
  rejected?: 'exclude' | 'include' | 'only';
}

export interface QuoteRow {
  id: string;
  speaker_id: string | null;
  text: string;
  first_seen: Date;
  dated: boolean;
  attribution_status: string;
  version: number;
  occurrences: number;
  rejected_at: Date | null;
}

// A quote row with what a hit shows: speaker, and the first occurrence's role and article.
// A quote as one ingest stores it, its sightings in the batch merged.
export interface NewQuoteRow {
  speakerId: string | null;
  text: string;
  textKey: string;
  firstSeen: Date;
  lastSeen: Date;
  dated: boolean;
}

export interface HitRow extends QuoteRow {
  speaker_name: string | null;
  speaker_native_name: string | null;
  role: string | null;
  organization: string | null;
  speaker_description: string | null;
  article_id: string | null;
  article_kind: string | null;
  article_kicker: string | null;
  article_title: string | null;
  article_lead: string | null;
  article_length: number | null;
  article_url: string | null;
  article_publisher: string | null;
  article_published_at: Date | null;
  article_sources: { documentId: string; filename: string | null }[] | null;
  claim_id: string | null;
  claim_status: string | null;
  claim_reviewed_at: Date | null;
}

export interface LookupRow extends HitRow {
  score: number;
}

const ROW_COLUMNS = `q.id, q.speaker_id, q.text, q.first_seen, q.dated, q.attribution_status, q.version, q.rejected_at,
  (SELECT count(*)::int FROM quote_occurrence o WHERE o.quote_id = q.id) AS occurrences`;

// Joins what a hit shows onto quote rows already chosen and ordered, so a page of hits is one
// statement. The speaker and article columns come from the views speakers and articles publish
// (speaker_ref, article_ref, article_source_ref): plain views, inlined by the planner. The
// verdict comes from the view claims publishes (claim_verdict_ref): the claim a quote belongs
// to, the latest reviewed when it repeats several, as the claims port answered it before in a
// statement of its own (a round trip per page).
function withHitColumns(inner: string, orderBy: string): string {
  return `SELECT q.*, s.name AS speaker_name, s.native_name AS speaker_native_name,
      fo.role, fo.organization, fo.speaker_description,
      a.id AS article_id, a.kind AS article_kind, a.kicker AS article_kicker, a.title AS article_title,
      a.lead AS article_lead, a.body_length AS article_length, a.url AS article_url,
      a.publisher AS article_publisher, a.published_at AS article_published_at,
      (SELECT json_agg(json_build_object('documentId', src.document_id, 'filename', src.filename) ORDER BY src.document_created_at, src.position)
         FROM article_source_ref src WHERE src.article_id = a.id) AS article_sources,
      cv.claim_id, cv.status AS claim_status, cv.reviewed_at AS claim_reviewed_at
    FROM (${inner}) q
    LEFT JOIN speaker_ref s ON s.id = q.speaker_id
    LEFT JOIN LATERAL (
      SELECT o.article_id, o.role, o.organization, o.speaker_description FROM quote_occurrence o
       WHERE o.quote_id = q.id ORDER BY o.dated DESC, o.seen_at, o.start_offset LIMIT 1) fo ON true
    LEFT JOIN article_ref a ON a.id = fo.article_id
    LEFT JOIN LATERAL (
      SELECT v.claim_id, v.status, v.reviewed_at FROM claim_verdict_ref v
       WHERE v.quote_id = q.id ORDER BY v.reviewed_at DESC NULLS LAST LIMIT 1) cv ON true
    ORDER BY ${orderBy}`;
}

// With quote-filter.sql.ts, the only code that names quote, quote_occurrence and
// article_extraction. Other libs read the quote_ref and quote_occurrence_ref views this lib
// publishes (migration PublishReadModels).
@Injectable()
export class QuoteRepository extends TxRepository {
  private statistics: (QuoteStatistics & { at: number }) | null = null;

  // A batch's quotes, occurrences and extraction marks in one statement. Quote rows: a dated
  // sighting outranks undated ones (whose date is only the ingest time); among sightings of the
  // same kind the dates widen. The caller gives each (speaker, text key) once, in the order the
  // rows are to be locked; the answer is in that order. A reviewer's correction is never
  // touched: a conflict only widens the dates. Occurrences name their quote by its index in
  // `rows`; they are new rows of new articles, and one already there (a retried job) is skipped.
  // The occurrences' foreign keys are checked at the end of the statement, when the quote rows
  // it inserted are there.
  async store(
    rows: NewQuoteRow[],
    occurrences: (Omit<NewOccurrence, 'quoteId'> & { row: number })[],
    extracted: { articleIds: string[]; engineVersion: string },
  ): Promise<{ quoteId: string; created: boolean; rejected: boolean }[]> {
    const occ = <K extends keyof (typeof occurrences)[number]>(k: K) =>
      occurrences.map((o) => o[k]);
    const stored: { id: string; n: string; created: boolean; rejected: boolean }[] =
      await this.db.query(
        prepared(`WITH v AS (
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::boolean[])
                    WITH ORDINALITY AS v(speaker_id, text, text_key, first_seen, last_seen, dated, n)
         ), up AS (
           INSERT INTO quote (speaker_id, text, text_key, first_seen, last_seen, dated)
           SELECT speaker_id, text, text_key, first_seen, last_seen, dated FROM v ORDER BY n
           ON CONFLICT (speaker_id, md5(text_key)) DO UPDATE SET ${widenDates('quote', 'EXCLUDED')}
           RETURNING id, speaker_id, text_key, (xmax = 0) AS created, (rejected_at IS NOT NULL) AS rejected
         ), stored AS (
           SELECT up.id, v.n, up.created, up.rejected FROM up
             JOIN v ON v.speaker_id IS NOT DISTINCT FROM up.speaker_id AND md5(v.text_key) = md5(up.text_key)
         ), occurrences AS (
           INSERT INTO quote_occurrence (quote_id, article_id, start_offset, end_offset, wording, mention, cue, rule,
             confidence, partial, unterminated, role, organization, speaker_description, seen_at, dated, engine_version)
           SELECT s.id, o.article_id, o.start_offset, o.end_offset, o.wording, o.mention, o.cue, o.rule, o.confidence,
                  o.partial, o.unterminated, o.role, o.organization, o.speaker_description, o.seen_at, o.dated, o.engine_version
             FROM unnest($7::int[], $8::uuid[], $9::int[], $10::int[], $11::text[], $12::text[], $13::text[], $14::text[],
                         $15::real[], $16::boolean[], $17::boolean[], $18::text[], $19::text[], $20::text[], $21::timestamptz[],
                         $22::boolean[], $23::text[])
                  AS o(n, article_id, start_offset, end_offset, wording, mention, cue, rule, confidence, partial,
                       unterminated, role, organization, speaker_description, seen_at, dated, engine_version)
             JOIN stored s ON s.n = o.n
           ON CONFLICT DO NOTHING
         ), extracted AS (
           INSERT INTO article_extraction (article_id, status, engine_version, extracted_at)
           SELECT DISTINCT unnest($24::uuid[]), 'done', $25, now()
           ON CONFLICT (article_id) DO UPDATE
             SET status = 'done', error = NULL, engine_version = EXCLUDED.engine_version, extracted_at = now()
         )
         SELECT id, n, created, rejected FROM stored`),
        [
          rows.map((r) => r.speakerId),
          rows.map((r) => r.text),
          rows.map((r) => r.textKey),
          rows.map((r) => r.firstSeen),
          rows.map((r) => r.lastSeen),
          rows.map((r) => r.dated),
          occurrences.map((o) => o.row + 1),
          occ('articleId'),
          occ('startOffset'),
          occ('endOffset'),
          occ('wording'),
          occ('mention'),
          occ('cue'),
          occ('rule'),
          occ('confidence'),
          occ('partial'),
          occ('unterminated'),
          occ('role'),
          occ('organization'),
          occ('speakerDescription'),
          occ('seenAt'),
          occ('dated'),
          occ('engineVersion'),
          extracted.articleIds,
          extracted.engineVersion,
        ],
      );
    const out: { quoteId: string; created: boolean; rejected: boolean }[] = new Array(rows.length);
    for (const r of stored)
      out[Number(r.n) - 1] = { quoteId: r.id, created: r.created, rejected: r.rejected };
    if (out.some((r) => r === undefined))
      throw new Error('quote upsert answered fewer rows than it was given');
    return out;
  }

  // The article's occurrences take its new date; the quotes seen there recompute their dates
  // from all their occurrences (two statements: a CTE's update is invisible to its outer query).
  async redateArticle(articleId: string, seenAt: Date, dated: boolean): Promise<void> {
    // TypeORM answers an UPDATE with [rows, rowCount].
    const [moved]: [{ quote_id: string }[], number] = await this.db.query(
      `UPDATE quote_occurrence SET seen_at = $2, dated = $3 WHERE article_id = $1 RETURNING quote_id`,
      [articleId, seenAt, dated],
    );
    const quoteIds = [...new Set(moved.map((r) => r.quote_id))];
    if (!quoteIds.length) return;
    await this.db.query(
      `UPDATE quote q SET dated = x.dated, first_seen = x.first_seen, last_seen = x.last_seen
         FROM (SELECT o.quote_id, bool_or(o.dated) AS dated,
                      COALESCE(min(o.seen_at) FILTER (WHERE o.dated), min(o.seen_at)) AS first_seen,
                      COALESCE(max(o.seen_at) FILTER (WHERE o.dated), max(o.seen_at)) AS last_seen
                 FROM quote_occurrence o WHERE o.quote_id = ANY($1::uuid[]) GROUP BY o.quote_id) x
        WHERE q.id = x.quote_id`,
      [quoteIds],
    );
  }

  // Articles whose extraction a queue worker will run.
  async markPending(articleIds: string[]): Promise<void> {
    if (!articleIds.length) return;
    await this.db.query(
      `INSERT INTO article_extraction (article_id, status)
       SELECT unnest($1::uuid[]), 'pending' ON CONFLICT (article_id) DO NOTHING`,
      [articleIds],
    );
  }

  async markFailed(articleId: string, error: string): Promise<void> {
    await this.db.query(
      `UPDATE article_extraction SET status = 'failed', error = $2
        WHERE article_id = $1 AND status <> 'done'`,
      [articleId, error],
    );
  }

  findById(id: string): Promise<QuoteEntity | null> {
    return this.db.findOneBy(QuoteEntity, { id });
  }

  // Keeps the quote from being folded away (deleted) until the transaction ends; false when it
  // is already gone.
  async lockForKeyShare(id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM quote WHERE id = $1 FOR KEY SHARE`, [
      id,
    ]);
    return rows.length > 0;
  }

  // The quote, locked until the transaction ends: concurrent corrections queue behind it.
  findForUpdate(id: string): Promise<QuoteEntity | null> {
    return this.db
      .createQueryBuilder(QuoteEntity, 'q')
      .setLock('pessimistic_write')
      .where('q.id = :id', { id })
      .getOne();
  }

  occurrencesOf(quoteIds: string[]): Promise<QuoteOccurrenceEntity[]> {
    if (!quoteIds.length) return Promise.resolve([]);
    return this.db
      .createQueryBuilder(QuoteOccurrenceEntity, 'o')
      .where('o.quote_id = ANY(:quoteIds)', { quoteIds })
      .orderBy('o.seen_at', 'ASC')
      .addOrderBy('o.start_offset', 'ASC')
      .getMany();
  }

  // What an article response lists: each occurrence with its quote's speaker.
  // The quotes found in these articles and where each article's extraction stands, in one
  // statement: an article's extraction row joined to each of its occurrences (or to none).
  async quotesInArticles(articleIds: string[]): Promise<{
    quotes: Map<string, ArticleQuoteDto[]>;
    states: Map<string, Omit<ArticleExtractionEntity, 'articleId'>>;
  }> {
    const quotes = new Map<string, ArticleQuoteDto[]>();
    const states = new Map<string, Omit<ArticleExtractionEntity, 'articleId'>>();
    if (!articleIds.length) return { quotes, states };
    const rows: (Omit<ArticleQuoteDto, 'speaker'> & {
      article_id: string;
      status: ExtractionStatus | null;
      error: string | null;
      engine_version: string | null;
      extracted_at: Date | null;
      speaker_id: string | null;
      speaker_name: string | null;
    })[] = await this.db.query(
      prepared(`SELECT a.id AS article_id, e.status, e.error, e.engine_version, e.extracted_at,
              o.quote_id AS "quoteId", o.wording AS text, o.start_offset AS start, o.end_offset AS "end",
              q.speaker_id, s.name AS speaker_name, o.speaker_description AS "speakerDescription", o.role, o.organization,
              o.mention, o.cue, o.rule, o.confidence, o.partial, o.unterminated
         FROM unnest($1::uuid[]) AS a(id)
         LEFT JOIN article_extraction e ON e.article_id = a.id
         LEFT JOIN quote_occurrence o ON o.article_id = a.id
         LEFT JOIN quote q ON q.id = o.quote_id LEFT JOIN speaker_ref s ON s.id = q.speaker_id
        ORDER BY a.id, o.start_offset`),
      [articleIds],
    );
    for (const row of rows) {
      const { article_id, status, error, engine_version, extracted_at } = row;
      if (status && !states.has(article_id))
        states.set(article_id, {
          status,
          error,
          engineVersion: engine_version,
          extractedAt: extracted_at,
        });
      if (row.quoteId === null) continue;
      const list = quotes.get(article_id) ?? [];
      list.push({
        quoteId: row.quoteId,
        text: row.text,
        start: row.start,
        end: row.end,
        speakerDescription: row.speakerDescription,
        role: row.role,
        organization: row.organization,
        mention: row.mention,
        cue: row.cue,
        rule: row.rule,
        confidence: Math.round(row.confidence * 1000) / 1000,
        partial: row.partial,
        unterminated: row.unterminated,
        speaker: row.speaker_id ? { id: row.speaker_id, name: row.speaker_name ?? '' } : null,
      });
      quotes.set(article_id, list);
    }
    return { quotes, states };
  }

  occurrencesInArticle(articleId: string): Promise<QuoteOccurrenceEntity[]> {
    return this.db.findBy(QuoteOccurrenceEntity, { articleId });
  }

  // Newest first by the date the quote was first seen; keyset paging on (first_seen, id).
  // The planner has two ways to a page: walk quote_first_seen_idx newest first, testing each
  // quote, until `limit` match (about limit / share rows), or read every match from the GIN
  // index and sort them (share × quotes heap pages). It prices a test as nearly free and walks
  // for a word in one quote of a thousand: 20,000 rows, 20 ms at a million quotes. So the plan
  // is chosen here, from the same statistics (estimateTsQuery):
  // - at most ALL_MATCHES_MAX expected matches: all of them are read and sorted;
  // - a common word (RECENT_MAX_SHARE of the quotes or more): the walk, which stops soon;
  // - in between, the matches among the newest quotes only, enough of them to hold about
  //   three pages (the first_seen bound from the column's histogram): the index answers it by
  //   ANDing the GIN matches with a range of quote_first_seen_idx, and only those rows are read.
  //   When they hold less than a page, all the matches are read. A later page (a cursor) skips
  //   this step.
  // A phrase is estimated as its words together (positions are not in the index): a common one
  // walks the newest PHRASE_WINDOW quotes first and reads all the matches only when they hold
  // less than a page.
  async search(
    f: QuoteFilter,
    limit: number,
    after: { firstSeen: string; id: string } | null,
    plan?: PlanChoice,
  ): Promise<HitRow[]> {
    const chosen: PlanChoice = plan
      ? plan
      : f.q
        ? await this.searchPlan(f.q, limit, after !== null)
        : { plan: 'planner' };
    if (chosen.plan === 'nothing') return [];
    if (chosen.plan === 'planner' || chosen.plan === 'all-matches')
      return this.db.query(...searchStatement(f, limit, after, chosen.plan));
    const since = chosen.plan === 'recent' ? (chosen.since ?? null) : null;
    const first: HitRow[] = await this.db.query(
      ...searchStatement(f, limit, after, chosen.plan, since),
    );
    return first.length === limit
      ? first
      : this.db.query(...searchStatement(f, limit, after, 'all-matches'));
  }

  private async searchPlan(q: string, limit: number, paging: boolean): Promise<PlanChoice> {
    const [{ query }]: { query: string }[] = await this.db.query(
      `SELECT websearch_to_tsquery('english', $1)::text AS query`,
      [q],
    );
    // Stopwords only: `search @@ ''` is false for every quote.
    if (!query.trim()) return { plan: 'nothing' };
    const stats = await this.lexemeStatistics();
    let estimate;
    try {
      estimate = estimateTsQuery(query, stats.shares, stats.unknown);
    } catch {
      return { plan: 'planner' }; // a tsquery form the estimate does not know: Postgres still does
    }
    const { share, phrase } = estimate;
    if (share * stats.quotes <= ALL_MATCHES_MAX) return { plan: 'all-matches' };
    if (phrase) return { plan: 'window' };
    if (paging || share >= RECENT_MAX_SHARE) return { plan: 'planner' };
    const since = newestBound(stats.firstSeenBounds, (3 * limit) / share / stats.quotes);
    return since ? { plan: 'recent', since } : { plan: 'planner' };
  }

  // "Who said this?": candidates are the quotes that contain most of the asked words (all but a
  // quarter, then all but a third: typos, paraphrase), rarest 8 words first (frequencies from the
  // planner statistics). Such a quote misses at most `misses` words, so it has one word of every
  // group of misses + 1: for many words the GIN index is asked for (rarest group) & (next group)
  // & ..., which reads few entries, and the exact "all but `misses`" test runs on those rows
  // only. The best 50 by full-text rank are scored by how much of the asked text they contain
  // (pg_trgm word similarity). When no quote has most of four or more words, any one will do.
  // No step scans every quote: the trigram scan used before took seconds at a million quotes,
  // so a text of stopwords only ("to be or not to be") finds nothing.
  // A misspelt word is in no quote, so it is one of the misses for sure: the index is asked for
  // all but the remaining misses of the other words, the same quotes. That matters: the GIN index
  // answers "three of these four common words" by testing every quote that has either of the two
  // rarest (75,000 at a million quotes, 30 ms), and "all of these three" by skipping through them.
  async lookup(text: string, key: string, limit: number): Promise<LookupRow[]> {
    const { words, freq } = await this.rarestLexemes(text);
    if (!words.length) return [];
    const absent = await this.absentLexemes(words.filter((w) => !freq.has(w)));
    const present = words.filter((w) => !absent.has(w));
    const any = words.map(tsLexeme).join(' | ');
    // With one or two words any match is about as good as another: read fewer. Any single word of
    // four or more is the last resort.
    const tries = [
      Math.floor(words.length / 4),
      Math.floor(words.length / 3),
      ...(words.length >= 4 ? [words.length - 1] : []),
    ];
    for (const misses of [...new Set(tries)]) {
      if (absent.size > misses || !present.length) continue;
      const last = misses === words.length - 1 || words.length <= 2;
      const rest = misses - absent.size;
      const rows: LookupRow[] = await this.db.query(
        withHitColumns(
          `WITH candidates AS MATERIALIZED (
           SELECT c.id, ts_rank_cd(c.search, $2::tsquery, 1 | 32) AS rank
             FROM (SELECT q.id, q.search FROM quote q WHERE q.search @@ ANY($3::tsquery[]) AND q.rejected_at IS NULL LIMIT ${last ? LOOKUP_MAX_MATCHES / 10 : LOOKUP_MAX_MATCHES}) c
            WHERE ts_match_vq(c.search, $4::tsquery)
         ), best AS (SELECT id FROM candidates ORDER BY rank DESC LIMIT ${LOOKUP_CANDIDATES})
         SELECT ${ROW_COLUMNS},
                round((0.5 * word_similarity($1, q.text_key) + 0.5 * ts_rank_cd(q.search, $2::tsquery, 1 | 32) * 2)::numeric, 3)::float AS score
           FROM quote q JOIN best b ON b.id = q.id
          ORDER BY score DESC, q.first_seen DESC LIMIT $5`,
          'q.score DESC, q.first_seen DESC',
        ),
        [key, any, indexQueries(present, rest), allBut(present, rest), limit],
      );
      if (rows.length) return rows;
    }
    return [];
  }

  // The text's lexemes, rarest in the stored quotes first (then longest), at most
  // LOOKUP_MAX_WORDS: the words that narrow a lookup fastest through the full-text index.
  private async rarestLexemes(
    text: string,
  ): Promise<{ words: string[]; freq: Map<string, number> }> {
    const [{ lexemes }]: { lexemes: string[] }[] = await this.db.query(
      `SELECT COALESCE(array_agg(lexeme), '{}') AS lexemes FROM unnest(to_tsvector('english', $1))`,
      [text],
    );
    const freq = (await this.lexemeStatistics()).shares;
    const words = lexemes
      .sort(
        (a, b) =>
          (freq.get(a) ?? 0) - (freq.get(b) ?? 0) || b.length - a.length || (a < b ? -1 : 1),
      )
      .slice(0, LOOKUP_MAX_WORDS);
    return { words, freq };
  }

  // Quotes whose wording is near-same as `key` (pg_trgm similarity of `threshold` or more), for a
  // new claim. No trigram index on quote text (SpeedUpLookups dropped it: every ingest paid
  // for ~150 trigrams a quote, and a scan of all quotes takes seconds at a million): such a
  // quote shares most words, so the candidates are the quotes holding all but a third of the
  // key's rarest words, read from the full-text index (quote_search_idx) as the lookup does, and
  // the similarity is computed on those only. A key of stopwords only finds nothing.
  async similarTo(
    key: string,
    threshold: number,
    limit: number,
  ): Promise<{ id: string; speaker_id: string | null; similarity: number }[]> {
    const { words } = await this.rarestLexemes(key);
    if (!words.length) return [];
    const misses = Math.floor(words.length / 3);
    return this.db.query(
      `WITH candidates AS MATERIALIZED (
         SELECT q.id FROM quote q
          WHERE q.search @@ ANY($2::tsquery[]) AND ts_match_vq(q.search, $3::tsquery) AND q.rejected_at IS NULL
          LIMIT ${SIMILAR_MAX_CANDIDATES})
       SELECT q.id, q.speaker_id, similarity(q.text_key, $1)::float AS similarity
         FROM quote q JOIN candidates c ON c.id = q.id
        WHERE similarity(q.text_key, $1) >= $4
        ORDER BY similarity DESC, q.id LIMIT $5`,
      [key, indexQueries(words, misses), allBut(words, misses), threshold, limit],
    );
  }

  // The words no quote contains (misspelt, or never said), one bitmap probe each. Only words
  // missing from the statistics are asked about: the others are in some quote.
  private async absentLexemes(words: string[]): Promise<Set<string>> {
    if (!words.length) return new Set();
    const rows: { i: number }[] = await this.db.query(
      words
        .map(
          (_, i) =>
            `SELECT ${i} AS i WHERE NOT EXISTS (SELECT 1 FROM quote q WHERE q.search @@ $${i + 1}::tsquery)`,
        )
        .join(' UNION ALL '),
      words.map(tsLexeme),
    );
    return new Set(rows.map((r) => words[r.i]));
  }

  // Share of quotes that contain each common word, from the planner's statistics on quote.search,
  // the planner's count of quotes and its histogram of first_seen (kept for ten minutes; ANALYZE
  // refreshes them). Words missing from it are rarer than all of them.
  private async lexemeStatistics(): Promise<QuoteStatistics> {
    if (this.statistics && Date.now() - this.statistics.at < 600_000) return this.statistics;
    const rows: { lexeme: string; freq: number }[] = await this.db.query(
      `SELECT u.lexeme, u.freq FROM pg_stats s,
              unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS u(lexeme, freq)
        WHERE s.schemaname = current_schema() AND s.tablename = 'quote' AND s.attname = 'search' AND u.lexeme IS NOT NULL`,
    );
    const [{ quotes, bounds }]: { quotes: number; bounds: Date[] | null }[] = await this.db.query(
      `SELECT GREATEST(c.reltuples, 0)::float AS quotes,
              (SELECT s.histogram_bounds::text::timestamptz[] FROM pg_stats s
                WHERE s.schemaname = current_schema() AND s.tablename = 'quote' AND s.attname = 'first_seen') AS bounds
         FROM pg_class c WHERE c.oid = to_regclass(quote_ident(current_schema()) || '.quote')`,
    );
    const shares = new Map(rows.map((r) => [r.lexeme, Number(r.freq)]));
    const statistics = {
      at: Date.now(),
      shares,
      unknown: unknownShare(shares),
      quotes: Number(quotes),
      firstSeenBounds: bounds ?? [],
    };
    this.statistics = statistics;
    return statistics;
  }

  async speakerStats(
    speakerId: string,
  ): Promise<{ quotes: number; occurrences: number; articles: number }> {
    const [row] = await this.db.query(
      `SELECT count(DISTINCT q.id)::int AS quotes, count(o.id)::int AS occurrences, count(DISTINCT o.article_id)::int AS articles
         FROM quote q LEFT JOIN quote_occurrence o ON o.quote_id = q.id WHERE q.speaker_id = $1`,
      [speakerId],
    );
    return row;
  }

  findByKey(speakerId: string | null, textKey: string): Promise<QuoteEntity | null> {
    return this.db
      .createQueryBuilder(QuoteEntity, 'q')
      .where('q.speaker_id IS NOT DISTINCT FROM :speakerId AND md5(q.text_key) = md5(:textKey)', {
        speakerId,
        textKey,
      })
      .getOne();
  }

  quotesOfSpeaker(speakerId: string): Promise<QuoteEntity[]> {
    return this.db.findBy(QuoteEntity, { speakerId });
  }

  async setSpeakerAndText(
    id: string,
    change: { speakerId: string | null; text: string; textKey: string; correctedBy: string | null },
  ): Promise<void> {
    await this.db.query(
      `UPDATE quote SET speaker_id = $2, text = $3, text_key = $4, corrected_at = now(), corrected_by = $5,
              updated_at = now() WHERE id = $1`,
      [id, change.speakerId, change.text, change.textKey, change.correctedBy],
    );
  }

  async setAttributionStatus(id: string, status: string, by: string | null): Promise<void> {
    await this.db.query(
      `UPDATE quote SET attribution_status = $2, corrected_by = COALESCE($3, corrected_by), updated_at = now() WHERE id = $1`,
      [id, status, by],
    );
  }

  // A rejected quote is also a corrected one, so re-extraction keeps it (and keeps it rejected).
  async setRejected(
    id: string,
    rejection: { by: string | null; reason: string | null } | null,
  ): Promise<void> {
    await this.db.query(
      `UPDATE quote SET rejected_at = CASE WHEN $2 THEN now() END, rejected_by = $3, rejected_reason = $4,
              corrected_at = now(), corrected_by = COALESCE($3, corrected_by), updated_at = now()
        WHERE id = $1`,
      [id, rejection !== null, rejection?.by ?? null, rejection?.reason ?? null],
    );
  }

  // One reviewer's change is one version, whatever it touched.
  async bumpVersion(id: string): Promise<void> {
    await this.db.query(`UPDATE quote SET version = version + 1 WHERE id = $1`, [id]);
  }

  // The speaker's role and organisation as of that article, after a speaker correction.
  async setOccurrenceAffiliation(
    occurrenceId: string,
    affiliation: { role: string | null; organization: string | null } | null,
  ): Promise<void> {
    await this.db.query(
      `UPDATE quote_occurrence SET role = $2, organization = $3, speaker_description = NULL WHERE id = $1`,
      [occurrenceId, affiliation?.role ?? null, affiliation?.organization ?? null],
    );
  }

  async reassignSpeaker(id: string, speakerId: string | null): Promise<void> {
    await this.db.query(
      `UPDATE quote SET speaker_id = $2, version = version + 1, updated_at = now() WHERE id = $1`,
      [id, speakerId],
    );
  }

  // Folds a duplicate quote into another: its occurrences move, its dates widen it, it goes.
  async foldInto(fromId: string, intoId: string): Promise<void> {
    await this.db.query(
      `UPDATE quote_occurrence o SET quote_id = $2 WHERE o.quote_id = $1
          AND NOT EXISTS (SELECT 1 FROM quote_occurrence x WHERE x.quote_id = $2 AND x.article_id = o.article_id AND x.start_offset = o.start_offset)`,
      [fromId, intoId],
    );
    await this.db.query(
      `UPDATE quote t SET ${widenDates('t', 'f')}, version = t.version + 1, updated_at = now()
         FROM quote f WHERE t.id = $2 AND f.id = $1`,
      [fromId, intoId],
    );
    await this.db.query(`DELETE FROM quote WHERE id = $1`, [fromId]);
  }

  async deleteOccurrences(ids: string[]): Promise<void> {
    if (ids.length)
      await this.db.query(`DELETE FROM quote_occurrence WHERE id = ANY($1::uuid[])`, [ids]);
  }

  // The quotes' keys (the lock order) and whether a reviewer corrected them, in one read.
  async keysOf(
    ids: string[],
  ): Promise<{ id: string; speakerId: string | null; textKey: string; corrected: boolean }[]> {
    if (!ids.length) return [];
    const rows: { id: string; speaker_id: string | null; text_key: string; corrected: boolean }[] =
      await this.db.query(
        `SELECT id, speaker_id, text_key, corrected_at IS NOT NULL AS corrected FROM quote
          WHERE id = ANY($1::uuid[])`,
        [ids],
      );
    return rows.map((r) => ({
      id: r.id,
      speakerId: r.speaker_id,
      textKey: r.text_key,
      corrected: r.corrected,
    }));
  }

  // Locks the quotes (FOR UPDATE) one after the other in the order given, until the
  // transaction ends: the rows are locked as the sort above the join hands them out. FOR
  // UPDATE, not a weaker mode, because it is what waits for (and holds off) the FOR KEY SHARE
  // that adding an occurrence or a claim link to the quote takes through its foreign key.
  async lockInOrder(ids: string[]): Promise<void> {
    if (!ids.length) return;
    await this.db.query(
      `SELECT q.id FROM unnest($1::uuid[]) WITH ORDINALITY AS v(id, n) JOIN quote q ON q.id = v.id
        ORDER BY v.n FOR UPDATE OF q`,
      [ids],
    );
  }

  // Quotes left with no occurrence and no reviewer correction; the caller keeps referenced ones.
  // Run after lockInOrder, in a statement of its own: its snapshot then holds everything that
  // committed while the locks were awaited.
  async orphanIds(candidateIds: string[]): Promise<string[]> {
    if (!candidateIds.length) return [];
    const rows: { id: string }[] = await this.db.query(
      `SELECT q.id FROM quote q WHERE q.id = ANY($1::uuid[]) AND q.corrected_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM quote_occurrence o WHERE o.quote_id = q.id)`,
      [candidateIds],
    );
    return rows.map((r) => r.id);
  }

  async deleteQuotes(ids: string[]): Promise<void> {
    if (ids.length) await this.db.query(`DELETE FROM quote WHERE id = ANY($1::uuid[])`, [ids]);
  }
}

// SET clause merging the dates of quote row `b` into quote row `a` (the dated side wins).
function widenDates(a: string, b: string): string {
  return `first_seen = CASE WHEN ${a}.dated = ${b}.dated THEN LEAST(${a}.first_seen, ${b}.first_seen)
                            WHEN ${b}.dated THEN ${b}.first_seen ELSE ${a}.first_seen END,
          last_seen = CASE WHEN ${a}.dated = ${b}.dated THEN GREATEST(${a}.last_seen, ${b}.last_seen)
                           WHEN ${b}.dated THEN ${b}.last_seen ELSE ${a}.last_seen END,
          dated = ${a}.dated OR ${b}.dated`;
}

// How a page of search hits is found (QuoteRepository.search); 'nothing' when no quote can match.
export type SearchPlan = 'planner' | 'window' | 'recent' | 'all-matches' | 'nothing';
export type PlanChoice = { plan: SearchPlan; since?: Date };

interface QuoteStatistics {
  shares: Map<string, number>;
  unknown: number;
  quotes: number;
  firstSeenBounds: Date[]; // pg_stats.histogram_bounds of quote.first_seen, oldest first
}

// A first_seen at or before which at least `fraction` of the quotes are newer, from the
// histogram (each bucket holds about as many quotes); null when that is all of them, or there is
// no histogram. Quotes added since ANALYZE are all newer: the range holds more, never fewer.
export function newestBound(bounds: Date[], fraction: number): Date | null {
  if (bounds.length < 2 || !(fraction < 1)) return null;
  const i = Math.floor((1 - fraction) * (bounds.length - 1));
  return i > 0 ? new Date(bounds[i]) : null;
}

const PHRASE_WINDOW = 5000;
// Expected matches read and sorted outright: each is a heap page, mostly outside shared_buffers
// (5 to 7 us each here).
const ALL_MATCHES_MAX = 600;
// A word in this share of the quotes or more is walked for: a page of 21 is within the newest
// 4,200 quotes.
const RECENT_MAX_SHARE = 0.005;

function searchStatement(
  f: QuoteFilter,
  limit: number,
  after: { firstSeen: string; id: string } | null,
  plan: Exclude<SearchPlan, 'nothing'>,
  since: Date | null = null,
): [string, unknown[]] {
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const where = quoteFilterConditions(plan === 'window' ? { ...f, q: undefined } : f, p);
  if (plan === 'recent' && since) where.push(`q.first_seen >= ${p(since)}::timestamptz`);
  if (after)
    where.push(`(q.first_seen, q.id) < (${p(after.firstSeen)}::timestamptz, ${p(after.id)}::uuid)`);
  const matches = `quote q ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const order = 'q.first_seen DESC, q.id DESC';
  let from = matches;
  if (plan === 'window')
    from = `(SELECT q.* FROM ${matches} ORDER BY ${order} LIMIT ${PHRASE_WINDOW}) q WHERE ${quoteFilterConditions({ q: f.q, rejected: 'include' }, p).join(' AND ')}`;
  if (plan === 'all-matches' || plan === 'recent')
    from = `(WITH m AS MATERIALIZED (SELECT q.* FROM ${matches}) SELECT * FROM m) q`;
  return [
    withHitColumns(`SELECT ${ROW_COLUMNS} FROM ${from} ORDER BY ${order} LIMIT ${p(limit)}`, order),
    params,
  ];
}

const LOOKUP_MAX_WORDS = 8; // the rarest words of the asked text
const LOOKUP_MAX_MATCHES = 2000; // rows read from the index: bounds the work when all words are common (a tenth when loose)
const LOOKUP_CANDIDATES = 50;
const SIMILAR_MAX_CANDIDATES = 5000; // rows whose similarity a new claim computes, at most

function tsLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

// A tsquery true when all but `misses` of the words are present: the OR of every subset that
// leaves out that many (checked on candidate rows, not through the index: GIN would test every
// row that has any of the rarest words against the whole tree).
export function allBut(words: string[], misses: number): string {
  const keep = words.length - misses;
  const groups: string[] = [];
  const pick = (from: number, chosen: string[]) => {
    if (chosen.length === keep) return void groups.push(`(${chosen.map(tsLexeme).join(' & ')})`);
    for (let i = from; i <= words.length - (keep - chosen.length); i++)
      pick(i + 1, [...chosen, words[i]]);
  };
  pick(0, []);
  return groups.join(' | ');
}

// Words sorted rarest first, in groups of misses + 1: a quote that lacks at most `misses` of the
// words has one of each group.
function oneOfEachGroup(words: string[], misses: number): string {
  const groups: string[] = [];
  for (let i = 0; i + misses + 1 <= words.length; i += misses + 1)
    groups.push(
      `(${words
        .slice(i, i + misses + 1)
        .map(tsLexeme)
        .join(' | ')})`,
    );
  return groups.join(' & ');
}

// What the GIN index is asked, as tsqueries whose matches one bitmap scan unites (`@@ ANY`): a
// quote with all but `misses` of the words (rarest first) either has words[i] and none of the
// rarer ones, so all but misses - i of the words after it, for some i < misses, or lacks all
// of words[0..misses) and has every other word. Each of these queries has a word (or, the
// last, all of its words) that every match carries, so GIN walks that word's entries and skips
// through the others. As one tree, the same test made GIN try every quote that has any of the
// misses + 1 rarest words (the OR of the subsets has no required word), 2 to 3 times the work.
// Inside a query the test is exact while it is small, else one word of each group (a superset:
// the rows get the exact test).
export function indexQueries(words: string[], misses: number): string[] {
  const queries: string[] = [];
  for (let i = 0; i < misses; i++) {
    const rest = words.slice(i + 1);
    const left = misses - i;
    queries.push(
      left >= rest.length
        ? tsLexeme(words[i])
        : `${tsLexeme(words[i])} & (${smallOrGroups(rest, left)})`,
    );
  }
  queries.push(words.slice(misses).map(tsLexeme).join(' & '));
  return queries;
}

function smallOrGroups(words: string[], misses: number): string {
  let subsets = 1;
  for (let i = 0; i < misses; i++) subsets = (subsets * (words.length - i)) / (i + 1);
  return subsets * (words.length - misses) <= 60
    ? allBut(words, misses)
    : oneOfEachGroup(words, misses);
}
