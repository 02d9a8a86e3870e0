import { Inject, Injectable } from '@nestjs/common';
import { ArticlesService } from '@app/articles';
import { TransactionalAdapterTypeOrm, TransactionHost, WriteTransaction } from '@app/database';
import { ENGINE_VERSION, ExtractionResult } from '@app/extraction';
import { QUOTE_CLAIMS, QuoteClaimsPort } from './quote-claims.port';
import { ArticleFacts, QuotePersister } from './quote-persister.service';
import { QuoteRepository } from './quote.repository';
import { ExtractionQueue } from './extraction-queue.service';

export interface ReextractSummary {
  engineVersion: string;
  articles: number;
  occurrencesReplaced: number;
  occurrencesKept: number;
  quotesRemoved: number;
}

// Recomputes quotes after an engine upgrade, one transaction per article. A reviewer's
// correction is never overwritten, and a quote something is attached to (a claim) is kept.
@Injectable()
export class ReextractService {
  constructor(
    readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly quotes: QuoteRepository,
    private readonly persister: QuotePersister,
    private readonly articles: ArticlesService,
    @Inject(QUOTE_CLAIMS) private readonly claims: QuoteClaimsPort,
    private readonly queue: ExtractionQueue,
  ) {}

  // Articles extracted by another engine version, or never (stored before extraction existed).
  async staleArticles(all: boolean): Promise<string[]> {
    const ids = await this.articles.allIds();
    if (all) return ids;
    const current = await this.quotes.currentArticleIds(ENGINE_VERSION);
    return ids.filter((id) => !current.has(id));
  }

  // At start: articles stored without their extraction (a crash, or the old start-order bug)
  // are extracted now. Articles from an older engine are left to `reextract`, which is explicit.
  async extractMissing(): Promise<number> {
    const missing = await this.quotes.articlesNeverExtracted();
    const summary = emptySummary();
    for (const id of missing) await this.reextractArticle(id, summary);
    // Deferred articles whose job may never have been sent (a crash right after the commit):
    // sent again; a job for an article already done finds it done and stores nothing.
    await this.queue.enqueue(await this.quotes.pendingArticleIds());
    return summary.articles;
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
    const corrected = new Set<string>();
    for (const quoteId of new Set(existing.map((o) => o.quoteId))) {
      if ((await this.quotes.findById(quoteId))?.correctedAt) corrected.add(quoteId);
    }
    const kept = existing.filter((o) => corrected.has(o.quoteId));
    const replaced = existing.filter((o) => !corrected.has(o.quoteId));
    await this.quotes.deleteOccurrences(replaced.map((o) => o.id));
    const keptStarts = new Set(kept.map((o) => o.startOffset));
    const fresh = { ...result, quotes: result.quotes.filter((q) => !keptStarts.has(q.start)) };
    await this.persister.persist(article, fresh);
    const orphans = await this.quotes.orphanIds([...new Set(replaced.map((o) => o.quoteId))]);
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
