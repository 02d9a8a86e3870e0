import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/auth';
import type { DomainEvents } from '@app/common';
import { ClaimRepository } from './claim.repository';
import type { ClaimEntity } from './entities/claim.entity';

// A quote that says what a claim says joins it: as the same speaker it carries the claim's
// verdict at once; from anyone else it is flagged for reviewers (the verdict is not inherited).
@Injectable()
export class ClaimMatcher {
  constructor(
    private readonly claims: ClaimRepository,
    private readonly audit: AuditService,
  ) {}

  async linkExistingQuotes(claim: ClaimEntity): Promise<void> {
    if (claim.quoteId) await this.claims.linkRelation(claim.id, claim.quoteId, 'source', 1);
    for (const q of await this.claims.quotesMatching(claim.textKey)) {
      if (q.id === claim.quoteId) continue;
      await this.claims.linkRelation(
        claim.id,
        q.id,
        claim.speakerId && q.speaker_id === claim.speakerId ? 'same-speaker' : 'other-speaker',
        q.similarity,
      );
    }
  }

  // Runs inside the ingest transaction for every stored quote.
  async quotePersisted(quote: DomainEvents['quote.persisted']): Promise<void> {
    if (quote.rejected || (await this.claims.isLinked(quote.quoteId))) return;
    for (const c of await this.claims.claimsMatching(quote.textKey)) {
      const relation =
        c.speaker_id && c.speaker_id === quote.speakerId ? 'same-speaker' : 'other-speaker';
      if (!(await this.claims.linkRelation(c.id, quote.quoteId, relation, c.similarity))) continue;
      await this.audit.record({
        action: relation === 'same-speaker' ? 'claim.match' : 'claim.flag',
        targetType: 'claim',
        targetId: c.id,
        after: { quoteId: quote.quoteId, relation, similarity: c.similarity },
      });
    }
  }
}
