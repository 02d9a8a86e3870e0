import { Injectable } from '@nestjs/common';
import { DomainEvents, EventBus, OnDomainEvent } from '@app/common';
import { QuotePersister } from './quote-persister.service';
import { QuoteRepository } from './quote.repository';

// What the quote store does when other libs announce facts; each handler runs inside the
// transaction that raised the event.
@Injectable()
export class QuoteListeners {
  constructor(
    private readonly persister: QuotePersister,
    private readonly quotes: QuoteRepository,
    private readonly events: EventBus,
  ) {}

  // New articles: extract their quotes and store them with them, or, deferred, record that a
  // queue worker will (the job is sent once this transaction has committed).
  @OnDomainEvent('articles.created')
  async extractArticles({ articles, deferred }: DomainEvents['articles.created']): Promise<void> {
    if (deferred) await this.quotes.markPending(articles.map((a) => a.id));
    else await this.persister.persistAll(articles.map((article) => ({ article })));
  }

  // An article was dated, re-dated or made undated: its occurrences take the new date and the
  // quotes that appear there recompute first_seen/last_seen, so from/to and exports follow.
  @OnDomainEvent('article.dated')
  async redateArticle({
    articleId,
    publishedAt,
    createdAt,
  }: DomainEvents['article.dated']): Promise<void> {
    await this.quotes.redateArticle(articleId, publishedAt ?? createdAt, publishedAt !== null);
  }

  // A merged speaker's quotes move to the survivor; one the survivor already has is folded.
  @OnDomainEvent('speaker.merged')
  async moveQuotes({ fromId, intoId }: DomainEvents['speaker.merged']): Promise<void> {
    for (const quote of await this.quotes.quotesOfSpeaker(fromId)) {
      const dup = await this.quotes.findByKey(intoId, quote.textKey);
      if (dup) {
        await this.events.emit('quote.folded', { fromId: quote.id, intoId: dup.id });
        await this.quotes.foldInto(quote.id, dup.id);
      } else await this.quotes.reassignSpeaker(quote.id, intoId);
    }
  }
}
