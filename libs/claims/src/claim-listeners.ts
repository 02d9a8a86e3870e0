import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/auth';
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
    private readonly audit: AuditService,
  ) {}

  // Stored quotes that say what a claim says join it (or are flagged for review).
  @OnDomainEvent('quotes.persisted')
  async matchQuotes(event: DomainEvents['quotes.persisted']): Promise<void> {
    await this.matcher.quotesPersisted(event);
  }

  // A corrected speaker reaches the claims made from the quote, and so their ClaimReview.
  @OnDomainEvent('quote.reattributed')
  async followSpeaker({
    quoteId,
    fromSpeakerId,
    toSpeakerId,
  }: DomainEvents['quote.reattributed']): Promise<void> {
    for (const claim of await this.claims.reattributeClaimsOfQuote(
      quoteId,
      fromSpeakerId,
      toSpeakerId,
    ))
      await this.audit.record({
        action: 'claim.reattribute',
        targetType: 'claim',
        targetId: claim.id,
        before: { speakerId: fromSpeakerId, version: claim.version - 1 },
        after: { speakerId: toSpeakerId, version: claim.version, quoteId },
      });
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
