import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QuoteHooksRegistry, QuotesModule } from '@app/quotes';
import { SpeakerHooksRegistry, SpeakersModule } from '@app/speakers';
import { ClaimMatcher } from './claim-matcher.service';
import { ClaimRepository } from './claim.repository';
import { ClaimsController } from './claims.controller';
import { ClaimsService } from './claims.service';
import { ClaimQuoteEntity } from './entities/claim-quote.entity';
import { ClaimReviewEntity } from './entities/claim-review.entity';
import { ClaimEntity } from './entities/claim.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([ClaimEntity, ClaimReviewEntity, ClaimQuoteEntity]),
    QuotesModule,
    SpeakersModule,
  ],
  controllers: [ClaimsController],
  providers: [ClaimRepository, ClaimsService, ClaimMatcher],
  exports: [ClaimsService, ClaimRepository],
})
export class ClaimsModule implements OnModuleInit {
  constructor(
    private readonly quoteHooks: QuoteHooksRegistry,
    private readonly speakerHooks: SpeakerHooksRegistry,
    private readonly claims: ClaimRepository,
    private readonly matcher: ClaimMatcher,
  ) {}

  // Verdicts show on quotes, follow quote folds and speaker merges, and keep quotes alive.
  onModuleInit(): void {
    this.quoteHooks.register({
      quotePersisted: (m, quote) => this.matcher.quotePersisted(m, quote),
      quotesFolded: (m, fromId, intoId) => this.claims.moveQuote(m, fromId, intoId),
      referencedQuoteIds: async (m, ids) => new Set(await this.claims.referenced(m, ids)),
      claimsOf: async (ids) =>
        new Map(
          (await this.claims.claimsOfQuotes(ids)).map((r) => [
            r.quote_id,
            { id: r.id, status: r.status, reviewedAt: r.reviewed_at?.toISOString() ?? null },
          ]),
        ),
      verdictFilter: async (verdict) =>
        verdict === 'unreviewed'
          ? {
              exclude: await this.claims.quoteIdsCarrying([
                'verified',
                'disputed',
                'false',
                'misleading',
                'unverifiable',
              ]),
            }
          : { include: await this.claims.quoteIdsCarrying([verdict]) },
    });
    this.speakerHooks.register({
      speakerMerged: (m, fromId, intoId) => this.claims.moveSpeaker(m, fromId, intoId),
    });
  }
}
