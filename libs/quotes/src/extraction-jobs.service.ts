import { Injectable } from '@nestjs/common';
import { ArticlesService } from '@app/articles';
import { TransactionalAdapterTypeOrm, TransactionHost, WriteTransaction } from '@app/database';
import { ExtractionWork } from './extraction-queue.service';
import { ExtractionStateRepository } from './extraction-state.repository';
import { QuotePersister } from './quote-persister.service';
import { QuoteRepository } from './quote.repository';
import { ReextractService } from './reextract.service';

// What a queue job does, for one article, in one transaction: the first extraction (what the
// `articles.created` handler does inline) or, for an article some engine extracted before,
// re-extraction (its quotes replaced, reviewer corrections kept). Idempotent: the article's
// extraction row is locked and read first, so a retried (or doubly delivered) job finds 'done'
// and stores nothing again.
@Injectable()
export class ExtractionJobs implements ExtractionWork {
  constructor(
    readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly state: ExtractionStateRepository,
    private readonly quotes: QuoteRepository,
    private readonly persister: QuotePersister,
    private readonly reextract: ReextractService,
    private readonly articles: ArticlesService,
  ) {}

  @WriteTransaction()
  async run(articleId: string): Promise<'done' | 'skipped'> {
    const state = await this.state.lock(articleId);
    if (state?.status === 'done') return 'skipped';
    const article = await this.articles.findEntity(articleId);
    if (!article) return 'skipped';
    if (state?.engineVersion) await this.reextract.replace(article);
    else await this.persister.persist(article);
    return 'done';
  }

  // A worker's batch of first extractions in one transaction, stored set-based like a bulk
  // import: the extraction rows are locked in id order, those already done are skipped, the
  // rest are extracted and persisted together. Articles extracted before (re-extraction) are
  // left to `run`, one transaction each: answered, not touched. If the process dies half-way,
  // nothing of the batch is stored and the queue hands all its jobs out again.
  @WriteTransaction()
  async runMany(articleIds: string[]): Promise<{ reextract: string[] }> {
    const states = await this.state.lockMany(articleIds);
    const reextract = articleIds.filter((id) => {
      const s = states.get(id);
      return s && s.status !== 'done' && s.engineVersion;
    });
    const first = articleIds.filter((id) => {
      const s = states.get(id);
      return s?.status !== 'done' && !s?.engineVersion;
    });
    const articles = await this.articles.findEntities([...new Set(first)]);
    await this.persister.persistAll(articles.map((article) => ({ article })));
    return { reextract: [...new Set(reextract)] };
  }

  @WriteTransaction()
  async fail(articleId: string, error: string): Promise<void> {
    await this.quotes.markFailed(articleId, error.slice(0, 1000));
  }
}
