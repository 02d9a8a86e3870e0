import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QUOTE_CLAIMS, QuotesModule } from '@app/quotes';
import { SPEAKER_CLAIMS, SpeakersModule } from '@app/speakers';
import { ClaimListeners } from './claim-listeners';
import { ClaimMatcher } from './claim-matcher.service';
import { ClaimPorts } from './claim-ports';
import { ClaimRepository } from './claim.repository';
import { ClaimsController } from './claims.controller';
import { ClaimsService } from './claims.service';
import { ClaimQuoteEntity } from './entities/claim-quote.entity';
import { ClaimReviewEntity } from './entities/claim-review.entity';
import { ClaimEntity } from './entities/claim.entity';

// Global only so that the quote store and the speaker registry can inject the ports this lib answers without importing
// it (which would close a cycle).
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([ClaimEntity, ClaimReviewEntity, ClaimQuoteEntity]),
    QuotesModule,
    SpeakersModule,
  ],
  controllers: [ClaimsController],
  providers: [
    ClaimRepository,
    ClaimsService,
    ClaimMatcher,
    ClaimListeners,
    ClaimPorts,
    { provide: QUOTE_CLAIMS, useExisting: ClaimPorts },
    { provide: SPEAKER_CLAIMS, useExisting: ClaimPorts },
  ],
  exports: [ClaimsService, ClaimRepository, QUOTE_CLAIMS, SPEAKER_CLAIMS],
})
export class ClaimsModule {}
