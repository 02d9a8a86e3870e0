import { Injectable } from '@nestjs/common';
import { ArticlesService } from '@app/articles';
import { ENGINE_VERSION } from '@app/extraction';
import { QuoteHooksRegistry } from './quote-hooks';
import { QuotePersister } from './quote-persister.service';
import { QuoteRepository } from './quote.repository';

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
    private readonly quotes: QuoteRepository,
    private readonly persister: QuotePersister,
    private readonly articles: ArticlesService,
    private readonly hooks: QuoteHooksRegistry,
  ) {}

  // Articles extracted by another engine version, or never (stored before extraction existed).
  async staleArticles(all: boolean): Promise<string[]> {
    const ids = await this.articles.allIds();
    if (all) return ids;
    const current = await this.quotes.currentArticleIds(ENGINE_VERSION);
    return ids.filter((id) => !current.has(id));
  }

  async reextractArticle(articleId: string, summary: ReextractSummary): Promise<void> {
    const article = await this.articles.findEntity(articleId);
    if (!article) return;
    const result = this.persister.extract(article);
    await this.quotes.transaction(async (m) => {
      const existing = await this.quotes.occurrencesInArticle(m, articleId);
      const corrected = new Set<string>();
      for (const quoteId of new Set(existing.map((o) => o.quoteId))) {
        if ((await this.quotes.findById(quoteId, m))?.correctedAt) corrected.add(quoteId);
      }
      const kept = existing.filter((o) => corrected.has(o.quoteId));
      const replaced = existing.filter((o) => !corrected.has(o.quoteId));
      await this.quotes.deleteOccurrences(
        m,
        replaced.map((o) => o.id),
      );
      const keptStarts = new Set(kept.map((o) => o.startOffset));
      const fresh = { ...result, quotes: result.quotes.filter((q) => !keptStarts.has(q.start)) };
      await this.persister.persist(m, article, fresh);
      const orphans = await this.quotes.orphanIds(m, [...new Set(replaced.map((o) => o.quoteId))]);
      const referenced = await this.hooks.referencedQuoteIds(m, orphans);
      const removable = orphans.filter((id) => !referenced.has(id));
      await this.quotes.deleteQuotes(m, removable);
      summary.articles += 1;
      summary.occurrencesReplaced += replaced.length;
      summary.occurrencesKept += kept.length;
      summary.quotesRemoved += removable.length;
    });
  }
}
