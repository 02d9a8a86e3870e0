import { randomBytes } from 'node:crypto';
import { ClaimsModule } from '@app/claims';
import { ArticleRow, newArticle, newQuote } from '../../../test/medium/factories';
import { createMediumApp, MediumApp } from '../../../test/medium/medium-app';
import { ExtractionJobs } from './extraction-jobs.service';
import { QUOTE_CLAIMS, QuoteClaimsPort } from './quote-claims.port';
import { QuoteRepository } from './quote.repository';
import { QuotesModule } from './quotes.module';

// Re-extraction removes the quotes an article no longer yields when nothing else holds them.
// Two writers at once must not leave a quote with no occurrence (each seeing the other's
// occurrence, not yet deleted) nor delete a quote another article just gave an occurrence (and
// that occurrence with it). The interleavings are forced, not hoped for: a repository method is
// wrapped to pause one transaction at a chosen statement (the database is the real one) while
// the other runs until it commits or waits on a lock.
describe('re-extraction against concurrent writers', () => {
  let t: MediumApp;
  let jobs: ExtractionJobs;
  let repo: QuoteRepository;
  let claims: QuoteClaimsPort;
  const said = 'The harbour bridge will reopen before the winter storms arrive.';

  beforeAll(async () => {
    t = await createMediumApp({ imports: [QuotesModule, ClaimsModule] });
    jobs = t.get(ExtractionJobs);
    repo = t.get(QuoteRepository);
    claims = t.module.get<QuoteClaimsPort>(QUOTE_CLAIMS, { strict: false });
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  const unique = () => randomBytes(4).toString('hex');

  // An article an older engine extracted, waiting for its re-extraction job; its body yields
  // no quote to this engine.
  async function staleArticle(): Promise<ArticleRow> {
    const article = await newArticle(t.dataSource, {
      body: `Council notes ${unique()}. The council met on Tuesday. Nobody spoke to the press.`,
    });
    await t.dataSource.query(
      `INSERT INTO article_extraction (article_id, status, engine_version) VALUES ($1, 'pending', 'old-engine')`,
      [article.id],
    );
    return article;
  }

  // A new article quoting Jane Holt, not extracted yet (its job is a first extraction).
  const quotingArticle = () =>
    newArticle(t.dataSource, { body: `Update ${unique()}. Mayor Jane Holt said: "${said}"` });

  // The quote the engine makes of `said` (its speaker resolved), with its one occurrence moved
  // into `article`: as if an older engine had found it there.
  async function engineQuoteIn(article: ArticleRow): Promise<string> {
    const scratch = await quotingArticle();
    expect(await jobs.run(scratch.id)).toBe('done');
    // TypeORM answers an UPDATE with [rows, rowCount].
    const [[row]]: [{ quote_id: string }[], number] = await t.dataSource.query(
      `UPDATE quote_occurrence SET article_id = $2 WHERE article_id = $1 RETURNING quote_id`,
      [scratch.id, article.id],
    );
    return row.quote_id;
  }

  // Another occurrence of the quote, in `article` at offset `at`.
  async function addOccurrence(quoteId: string, article: ArticleRow, at = 40): Promise<void> {
    await t.dataSource.query(
      `INSERT INTO quote_occurrence (quote_id, article_id, start_offset, end_offset, wording, rule,
         confidence, partial, unterminated, seen_at, engine_version)
       SELECT quote_id, $2, $3, $3 + end_offset - start_offset, wording, rule, confidence, partial, unterminated,
              seen_at, engine_version FROM quote_occurrence WHERE quote_id = $1 LIMIT 1`,
      [quoteId, article.id, at],
    );
  }

  const quoteExists = async (id: string) =>
    (await t.dataSource.query(`SELECT 1 FROM quote WHERE id = $1`, [id])).length === 1;

  const quotesIn = async (article: ArticleRow) =>
    (
      await t.dataSource.query(
        `SELECT q.id, q.text FROM quote_occurrence o JOIN quote q ON q.id = o.quote_id WHERE o.article_id = $1`,
        [article.id],
      )
    ).map((r: { id: string; text: string }) => r);

  // Quotes nothing keeps: no occurrence, no reviewer correction, no claim (asked through the
  // port re-extraction uses). The tests share a database: only quotes created since `since`.
  async function orphans(since: Date): Promise<string[]> {
    const rows: { id: string }[] = await t.dataSource.query(
      `SELECT q.id FROM quote q WHERE q.corrected_at IS NULL AND q.created_at >= $1
          AND NOT EXISTS (SELECT 1 FROM quote_occurrence o WHERE o.quote_id = q.id)`,
      [since],
    );
    const held = await claims.referencedQuoteIds(rows.map((r) => r.id));
    return rows.map((r) => r.id).filter((id) => !held.has(id));
  }

  const now = async (): Promise<Date> =>
    (await t.dataSource.query(`SELECT clock_timestamp() AS now`))[0].now;

  // True while some session of the test database waits on a lock (row or transaction id).
  async function someoneWaits(): Promise<boolean> {
    const [row] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    return row.n > 0;
  }

  // Until `work` has finished or some session waits on a lock (the paused transaction's).
  async function untilDoneOrWaiting(work: Promise<unknown>): Promise<void> {
    let done = false;
    void work.then(
      () => (done = true),
      () => (done = true),
    );
    while (!done && !(await someoneWaits())) await new Promise((r) => setTimeout(r, 20));
  }

  // A point `parties` callers pass together: each waits until all have arrived, or until some
  // session waits on a lock (a caller held up by another's lock never arrives).
  function meetingPoint(parties: number): () => Promise<void> {
    let arrived = 0;
    const all = deferred();
    return async () => {
      if (++arrived >= parties) all.resolve();
      while (arrived < parties && !(await someoneWaits()))
        await Promise.race([all.promise, new Promise((r) => setTimeout(r, 20))]);
    };
  }

  function deferred(): { promise: Promise<void>; resolve: () => void } {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  }

  it('removes the quotes two re-extractions both drop, deleting at the same time', async () => {
    const since = await now();
    const a = await staleArticle();
    const b = await staleArticle();
    const quotes = [await newQuote(t.dataSource, { article: a })];
    quotes.push(await newQuote(t.dataSource, { article: b }));
    for (const q of quotes) await addOccurrence(q.id, q.articleId === a.id ? b : a);
    // Each transaction reads the article's occurrences once; a second read would be a retry.
    const reads = jest.spyOn(repo, 'occurrencesInArticle');
    // Both transactions delete their occurrences before either looks for orphans, and both
    // have looked before either commits: each then sees the other's occurrences, deleted but
    // not committed. A transaction waiting on the other's lock opens a meeting point too.
    const deleted = meetingPoint(2);
    const checked = meetingPoint(2);
    const deleteOccurrences = repo.deleteOccurrences.bind(repo);
    jest.spyOn(repo, 'deleteOccurrences').mockImplementation(async (ids) => {
      await deleteOccurrences(ids);
      await deleted();
    });
    const orphanIds = repo.orphanIds.bind(repo);
    jest.spyOn(repo, 'orphanIds').mockImplementation(async (ids) => {
      const found = await orphanIds(ids);
      await checked();
      return found;
    });

    expect(await Promise.all([jobs.run(a.id), jobs.run(b.id)])).toEqual(['done', 'done']);
    expect(reads).toHaveBeenCalledTimes(2);
    for (const q of quotes) expect(await quoteExists(q.id)).toBe(false);
    expect(await orphans(since)).toEqual([]);
  });

  it('keeps the quote a new article gives an occurrence while re-extraction removes it', async () => {
    const since = await now();
    const a = await staleArticle();
    const quoteId = await engineQuoteIn(a);
    const c = await quotingArticle();
    // Re-extraction has found the quote left with nothing and is about to delete it; the new
    // article's ingest runs now, to its commit or until it waits on the re-extraction.
    const original = repo.deleteQuotes.bind(repo);
    const reached = deferred();
    const release = deferred();
    jest.spyOn(repo, 'deleteQuotes').mockImplementation(async (ids) => {
      if (ids.includes(quoteId)) {
        reached.resolve();
        await release.promise;
      }
      await original(ids);
    });

    const reextraction = jobs.run(a.id);
    await Promise.race([reached.promise, reextraction]);
    const ingest = jobs.run(c.id);
    await untilDoneOrWaiting(ingest);
    release.resolve();
    expect(await Promise.all([reextraction, ingest])).toEqual(['done', 'done']);

    expect(await quotesIn(a)).toEqual([]);
    expect((await quotesIn(c)).map((q: { text: string }) => q.text)).toEqual([said]);
    expect(await orphans(since)).toEqual([]);
  });

  it('keeps the quote a new article holds, not yet committed, while re-extraction cleans up', async () => {
    const since = await now();
    const a = await staleArticle();
    const quoteId = await engineQuoteIn(a);
    const c = await quotingArticle();
    // The ingest has stored its occurrence of the quote and pauses before its commit; the
    // re-extraction runs meanwhile, to its commit or until it waits on the ingest.
    const original = repo.store.bind(repo);
    const stored = deferred();
    const release = deferred();
    jest.spyOn(repo, 'store').mockImplementation(async (rows, occurrences, extracted) => {
      const out = await original(rows, occurrences, extracted);
      if (extracted.articleIds.includes(c.id)) {
        stored.resolve();
        await release.promise;
      }
      return out;
    });

    const ingest = jobs.run(c.id);
    await Promise.race([stored.promise, ingest]);
    const reextraction = jobs.run(a.id);
    await untilDoneOrWaiting(reextraction);
    release.resolve();
    expect(await Promise.all([reextraction, ingest])).toEqual(['done', 'done']);

    expect(await quotesIn(a)).toEqual([]);
    expect(await quotesIn(c)).toEqual([{ id: quoteId, text: said }]);
    expect(await orphans(since)).toEqual([]);
  });
});
