import { Injectable } from '@nestjs/common';
import { DomainEvents, OnDomainEvent } from '@app/common';
import { ClaimMatcher } from './claim-matcher.service';
import { ClaimRepository } from './claim.repository';

// Verdicts follow the quotes and speakers they are about. Each handler runs inside the
// transaction that raised the event.
@Injectable()
export class ClaimListeners {
  constructor(
    private readonly claims: ClaimRepository,
    private readonly matcher: ClaimMatcher,
  ) {}

  // A stored quote that says what a claim says joins it (or is flagged for review).
  @OnDomainEvent('quote.persisted')
  async matchQuote(quote: DomainEvents['quote.persisted']): Promise<void> {
    await this.matcher.quotePersisted(quote);
  }

  @OnDomainEvent('quote.folded')
  async moveQuote({ fromId, intoId }: DomainEvents['quote.folded']): Promise<void> {
    await this.claims.moveQuote(fromId, intoId);
  }

  @OnDomainEvent('speaker.merged')
  async moveSpeaker({ fromId, intoId }: DomainEvents['speaker.merged']): Promise<void> {
    await this.claims.moveSpeaker(fromId, intoId);
  }
}
