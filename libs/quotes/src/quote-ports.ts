import { Injectable } from '@nestjs/common';
import type { ArticleExtractionDto, ArticleQuotes, ArticleQuotesPort } from '@app/articles';
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

  async quotesOf(articleIds: string[]): Promise<ArticleQuotes> {
    const { quotes, states } = await this.quotes.quotesInArticles(articleIds);
    const extraction = new Map<string, ArticleExtractionDto>();
    for (const id of articleIds) {
      const s = states.get(id);
      // No row: stored without its extraction (a crash); the next start extracts it.
      extraction.set(
        id,
        s
          ? {
              status: s.status,
              ...(s.error ? { error: s.error } : {}),
              ...(s.status === 'done' && s.engineVersion ? { engineVersion: s.engineVersion } : {}),
            }
          : { status: 'pending' },
      );
    }
    return { quotes, extraction };
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
