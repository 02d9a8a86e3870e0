import { Inject, Injectable } from '@nestjs/common';
import { ArticlesService } from '@app/articles';
import { TransactionalAdapterTypeOrm, TransactionHost, WriteTransaction } from '@app/database';
import { ENGINE_VERSION, ExtractionResult } from '@app/extraction';
import { QUOTE_CLAIMS, QuoteClaimsPort } from './quote-claims.port';
import { ArticleFacts, QuotePersister } from './quote-persister.service';
import { compareQuoteKeys } from './quote-key';
import { QuoteRepository } from './quote.repository';
import { ExtractionQueue } from './extraction-queue.service';
import { ExtractionCount, ExtractionStateRepository } from './extraction-state.repository';
import { ExtractionStatusDto } from './dto/extraction-status.dto';

// Articles marked pending and sent to the queue together.
const PAGE = 1000;

export interface ReextractSummary {
  engineVersion: string;
  articles: number;
  occurrencesReplaced: number;
  occurrencesKept: number;
  quotesRemoved: number;
}

// Recomputes quotes after an engine upgrade, one transaction per article, on the extraction
// queue's workers. A reviewer's correction is never overwritten, and a quote something is
// attached to (a claim) is kept.
@Injectable()
export class ReextractService {
  constructor(
    readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly quotes: QuoteRepository,
    private readonly persister: QuotePersister,
    private readonly articles: ArticlesService,
    @Inject(QUOTE_CLAIMS) private readonly claims: QuoteClaimsPort,
    private readonly queue: ExtractionQueue,
    private readonly state: ExtractionStateRepository,
  ) {}

  // Articles extracted by another engine version, or never (stored before extraction existed).
  async staleArticles(all: boolean): Promise<string[]> {
    const ids = await this.articles.allIds();
    if (all) return ids;
    const current = await this.state.currentArticleIds(ENGINE_VERSION);
    return ids.filter((id) => !current.has(id));
  }

  // Sends the articles not extracted by this engine (or all of them) to the queue, a page at a
  // time: a page is marked pending in one transaction, then its jobs are sent. A crash between
  // the two leaves pending rows, which the next API start sends again. Returns how many.
  async enqueueStale(all: boolean, onPage?: (sent: number) => void): Promise<number> {
    let sent = 0;
    let after: string | null = null;
    for (;;) {
      const ids = await this.state.stalePage(ENGINE_VERSION, all, after, PAGE);
      if (!ids.length) return sent;
      await this.requestExtraction(ids);
      await this.queue.enqueue(ids);
      sent += ids.length;
      after = ids[ids.length - 1];
      onPage?.(sent);
    }
  }

  // At start: articles stored without their extraction record (a crash, or the old start-order
  // bug) go to the queue, and pending ones are sent again (their job may never have been sent:
  // a crash right after the commit; one still queued is not doubled). Articles from an older
  // engine are left to `reextract`, which is explicit.
  async extractMissing(): Promise<number> {
    const missing = await this.state.neverExtracted();
    for (let i = 0; i < missing.length; i += PAGE)
      await this.requestExtraction(missing.slice(i, i + PAGE));
    await this.queue.enqueue(await this.state.pendingArticleIds());
    return missing.length;
  }

  // How far the queue is: articles waiting and given up.
  waiting(): Promise<{ pending: number; failed: number }> {
    return this.state.waiting();
  }

  // Every article by extraction state and engine version (GET /extraction/status).
  async status(): Promise<ExtractionStatusDto> {
    const byState = await this.state.counts();
    const sum = (keep: (c: ExtractionCount) => boolean) =>
      byState.filter(keep).reduce((n, c) => n + c.articles, 0);
    const done = (c: ExtractionCount) => c.status === 'done';
    return {
      engineVersion: ENGINE_VERSION,
      articles: sum(() => true),
      current: sum((c) => done(c) && c.engineVersion === ENGINE_VERSION),
      stale: sum((c) => done(c) && c.engineVersion !== ENGINE_VERSION),
      pending: sum((c) => c.status === 'pending'),
      failed: sum((c) => c.status === 'failed'),
      missing: sum((c) => c.status === 'none'),
      byState: byState.map((c) => ({ ...c })),
      failures: await this.state.failures(20),
    };
  }

  @WriteTransaction()
  private async requestExtraction(ids: string[]): Promise<void> {
    await this.state.request(ids);
  }

  // A queue job's re-extraction, inside the job's transaction.
  async replace(article: ArticleFacts): Promise<void> {
    await this.replaceQuotes(article, this.persister.extract(article), emptySummary());
  }

  async reextractArticle(articleId: string, summary: ReextractSummary): Promise<void> {
    const article = await this.articles.findEntity(articleId);
    if (!article) return;
    await this.replaceQuotes(article, this.persister.extract(article), summary);
  }

  @WriteTransaction()
  private async replaceQuotes(
    article: ArticleFacts,
    result: ExtractionResult,
    summary: ReextractSummary,
  ): Promise<void> {
    const existing = await this.quotes.occurrencesInArticle(article.id);
    const quotes = await this.quotes.keysOf([...new Set(existing.map((o) => o.quoteId))]);
    const corrected = new Set(quotes.filter((q) => q.corrected).map((q) => q.id));
    const kept = existing.filter((o) => corrected.has(o.quoteId));
    const replaced = existing.filter((o) => !corrected.has(o.quoteId));
    await this.quotes.deleteOccurrences(replaced.map((o) => o.id));
    const keptStarts = new Set(kept.map((o) => o.startOffset));
    const fresh = { ...result, quotes: result.quotes.filter((q) => !keptStarts.has(q.start)) };
    await this.persister.persist(article, fresh);
    // A quote the article no longer holds goes when nothing else holds it. Its row is locked
    // before it is looked at: another article's re-extraction dropping it too, or an ingest
    // adding an occurrence, waits here, or is waited for, and whoever comes second sees what
    // the first committed (without the lock, two re-extractions each saw the other's
    // occurrence and left it with none; an ingest's fresh occurrence went with the deleted
    // quote). Locked last, after all the persist locked, in the persister's key order.
    const candidates = quotes
      .filter((q) => !corrected.has(q.id))
      .sort(compareQuoteKeys)
      .map((q) => q.id);
    await this.quotes.lockInOrder(candidates);
    const orphans = await this.quotes.orphanIds(candidates);
    const referenced = await this.claims.referencedQuoteIds(orphans);
    const removable = orphans.filter((id) => !referenced.has(id));
    await this.quotes.deleteQuotes(removable);
    summary.articles += 1;
    summary.occurrencesReplaced += replaced.length;
    summary.occurrencesKept += kept.length;
    summary.quotesRemoved += removable.length;
  }
}

export function emptySummary(): ReextractSummary {
  return {
    engineVersion: ENGINE_VERSION,
    articles: 0,
    occurrencesReplaced: 0,
    occurrencesKept: 0,
    quotesRemoved: 0,
  };
}
