import { Injectable } from '@nestjs/common';
import type { ArticleExtractionDto, ArticleQuoteDto, ArticleQuotesPort } from '@app/articles';
import type { SpeakerQuotesPort } from '@app/speakers';
import { QuoteRepository } from './quote.repository';
import { ExtractionQueue } from './extraction-queue.service';

// The quote store's answers to questions other libs own (see their *.port.ts).
@Injectable()
export class QuotePorts implements ArticleQuotesPort, SpeakerQuotesPort {
  constructor(
    private readonly quotes: QuoteRepository,
    private readonly queue: ExtractionQueue,
  ) {}

  quotesOf(articleIds: string[]): Promise<Map<string, ArticleQuoteDto[]>> {
    return this.quotes.quotesInArticles(articleIds);
  }

  async extractionOf(articleIds: string[]): Promise<Map<string, ArticleExtractionDto>> {
    const states = await this.quotes.extractionStates(articleIds);
    const found = new Map<string, ArticleExtractionDto>(
      states.map((s) => [
        s.articleId,
        {
          status: s.status,
          ...(s.error ? { error: s.error } : {}),
          ...(s.status === 'done' && s.engineVersion ? { engineVersion: s.engineVersion } : {}),
        },
      ]),
    );
    // No row: stored without its extraction (a crash); the next start extracts it.
    return new Map(articleIds.map((id) => [id, found.get(id) ?? { status: 'pending' }]));
  }

  extractLater(articleIds: string[]): Promise<void> {
    return this.queue.enqueue(articleIds);
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
