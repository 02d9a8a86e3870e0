import { Injectable } from '@nestjs/common';
import type { ArticleQuoteDto, ArticleQuotesPort } from '@app/articles';
import type { SpeakerQuotesPort } from '@app/speakers';
import { QuoteRepository } from './quote.repository';

// The quote store's answers to questions other libs own (see their *.port.ts).
@Injectable()
export class QuotePorts implements ArticleQuotesPort, SpeakerQuotesPort {
  constructor(private readonly quotes: QuoteRepository) {}

  quotesOf(articleIds: string[]): Promise<Map<string, ArticleQuoteDto[]>> {
    return this.quotes.quotesInArticles(articleIds);
  }

  async profileQuotes(speakerId: string): Promise<Record<string, unknown>> {
    const stats = await this.quotes.speakerStats(speakerId);
    const recent = await this.quotes.search({ speakerIds: [speakerId] }, 50, null);
    return {
      ...stats,
      recent: recent.map((r) => ({
        id: r.id,
        text: r.text,
        firstSeen: new Date(r.first_seen).toISOString(),
        article: {
          id: r.article_id,
          title: r.article_title,
          publisher: r.article_publisher,
          publishedAt: r.article_published_at
            ? new Date(r.article_published_at).toISOString()
            : null,
        },
      })),
    };
  }

  async quoteCount(speakerId: string): Promise<number> {
    return (await this.quotes.speakerStats(speakerId)).quotes;
  }
}
