import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ArticleIngestHooks, ArticlesModule } from '@app/articles';
import { SpeakerHooksRegistry, SpeakersModule } from '@app/speakers';
import type { EntityManager } from 'typeorm';
import { ArticleExtractionEntity } from './entities/article-extraction.entity';
import { QuoteOccurrenceEntity } from './entities/quote-occurrence.entity';
import { QuoteEntity } from './entities/quote.entity';
import { QuoteHooksRegistry } from './quote-hooks';
import { QuotePersister } from './quote-persister.service';
import { QuoteRepository } from './quote.repository';
import { QuoteViews } from './quote-views.service';
import { QuotesController } from './quotes.controller';
import { QuotesService } from './quotes.service';
import { ReextractService } from './reextract.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([QuoteEntity, QuoteOccurrenceEntity, ArticleExtractionEntity]),
    ArticlesModule,
    SpeakersModule,
  ],
  controllers: [QuotesController],
  providers: [
    QuoteRepository,
    QuotePersister,
    QuoteViews,
    QuotesService,
    QuoteHooksRegistry,
    ReextractService,
  ],
  exports: [QuotesService, QuoteHooksRegistry, ReextractService, QuoteViews],
})
export class QuotesModule implements OnModuleInit {
  constructor(
    private readonly ingestHooks: ArticleIngestHooks,
    private readonly speakerHooks: SpeakerHooksRegistry,
    private readonly persister: QuotePersister,
    private readonly quotes: QuoteRepository,
    private readonly quoteHooks: QuoteHooksRegistry,
  ) {}

  // Quotes are extracted and stored inside the ingest transaction; they follow speaker merges.
  onModuleInit(): void {
    this.ingestHooks.register({
      articleCreated: (m, article) => this.persister.persist(m, article),
      quotesOf: (articleIds) => this.quotes.quotesInArticles(articleIds),
    });
    this.speakerHooks.register({
      speakerMerged: (m, fromId, intoId) => this.moveQuotes(m, fromId, intoId),
      profileQuotes: async (speakerId) => {
        const stats = await this.quotes.speakerStats(speakerId);
        const recent = await this.quotes.search({ speakerIds: [speakerId] }, 50, null);
        return {
          ...stats,
          recent: recent.map((r) => ({
            id: r.id,
            text: r.text,
            firstSeen: new Date(r.first_seen).toISOString(),
          })),
        };
      },
    });
  }

  private async moveQuotes(m: EntityManager, fromId: string, intoId: string): Promise<void> {
    for (const quote of await this.quotes.quotesOfSpeaker(m, fromId)) {
      const dup = await this.quotes.findByKey(m, intoId, quote.textKey);
      if (dup) {
        await this.quoteHooks.quotesFolded(m, quote.id, dup.id);
        await this.quotes.foldInto(m, quote.id, dup.id);
      } else await this.quotes.reassignSpeaker(m, quote.id, intoId);
    }
  }
}
