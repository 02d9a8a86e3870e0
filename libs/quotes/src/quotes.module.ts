import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ARTICLE_QUOTES, ArticlesModule } from '@app/articles';
import { SPEAKER_QUOTES, SpeakersModule } from '@app/speakers';
import { ArticleExtractionEntity } from './entities/article-extraction.entity';
import { QuoteOccurrenceEntity } from './entities/quote-occurrence.entity';
import { QuoteEntity } from './entities/quote.entity';
import { QuoteListeners } from './quote-listeners';
import { QuotePersister } from './quote-persister.service';
import { QuotePorts } from './quote-ports';
import { QuoteRepository } from './quote.repository';
import { QuoteViews } from './quote-views.service';
import { QuotesController } from './quotes.controller';
import { SpeakerSplitController } from './speaker-split.controller';
import { QuotesService } from './quotes.service';
import { ReextractService } from './reextract.service';
import { ExtractionJobs } from './extraction-jobs.service';
import { EXTRACTION_WORK, ExtractionQueue } from './extraction-queue.service';
import { ExtractionStateRepository } from './extraction-state.repository';
import { ExtractionController } from './extraction.controller';

// Global only so that articles and speakers can inject the ports this lib answers without
// importing it (which would close a cycle).
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([QuoteEntity, QuoteOccurrenceEntity, ArticleExtractionEntity]),
    ArticlesModule,
    SpeakersModule,
  ],
  controllers: [QuotesController, SpeakerSplitController, ExtractionController],
  providers: [
    QuoteRepository,
    QuotePersister,
    QuoteViews,
    QuotesService,
    ReextractService,
    QuoteListeners,
    QuotePorts,
    ExtractionJobs,
    ExtractionQueue,
    ExtractionStateRepository,
    { provide: EXTRACTION_WORK, useExisting: ExtractionJobs },
    { provide: ARTICLE_QUOTES, useExisting: QuotePorts },
    { provide: SPEAKER_QUOTES, useExisting: QuotePorts },
  ],
  exports: [
    QuotesService,
    ReextractService,
    ExtractionQueue,
    QuoteViews,
    ARTICLE_QUOTES,
    SPEAKER_QUOTES,
  ],
})
export class QuotesModule {}
