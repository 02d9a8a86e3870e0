import { Injectable } from '@nestjs/common';
import { ArticlesService } from '@app/articles';
import { TransactionalAdapterTypeOrm, TransactionHost, WriteTransaction } from '@app/database';
import { QuotePersister } from './quote-persister.service';
import { QuoteRepository } from './quote.repository';

// What a queue job does: what the `articles.created` handler does inline, for one article,
// in one transaction. Idempotent: the article's extraction row is locked and read first, so a
// retried (or doubly delivered) job finds 'done' and stores nothing again.
@Injectable()
export class ExtractionJobs {
  constructor(
    readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly quotes: QuoteRepository,
    private readonly persister: QuotePersister,
    private readonly articles: ArticlesService,
  ) {}

  @WriteTransaction()
  async run(articleId: string): Promise<'done' | 'skipped'> {
    const status = await this.quotes.lockExtraction(articleId);
    if (status === 'done') return 'skipped';
    const article = await this.articles.findEntity(articleId);
    if (!article) return 'skipped';
    await this.persister.persist(article);
    return 'done';
  }

  @WriteTransaction()
  async fail(articleId: string, error: string): Promise<void> {
    await this.quotes.markFailed(articleId, error.slice(0, 1000));
  }
}
