import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/auth';
import type { DomainEvents } from '@app/common';
import { QuotesService } from '@app/quotes';
import { ClaimRepository, MATCH_THRESHOLD } from './claim.repository';
import type { ClaimEntity } from './entities/claim.entity';
import type { ClaimLink } from './verdicts';

// A quote that says what a claim says joins it: as the same speaker it carries the claim's
// verdict at once; from anyone else it is flagged for reviewers (the verdict is not inherited).
@Injectable()
export class ClaimMatcher {
  constructor(
    private readonly claims: ClaimRepository,
    private readonly audit: AuditService,
    private readonly quotes: QuotesService,
  ) {}

  async linkExistingQuotes(claim: ClaimEntity): Promise<void> {
    if (claim.quoteId) await this.claims.linkRelation(claim.id, claim.quoteId, 'source', 1);
    for (const q of await this.quotes.similarQuotes(claim.textKey, MATCH_THRESHOLD)) {
      if (q.id === claim.quoteId) continue;
      await this.claims.linkRelation(
        claim.id,
        q.id,
        claim.speakerId && q.speakerId === claim.speakerId ? 'same-speaker' : 'other-speaker',
        q.similarity,
      );
    }
  }

  // Runs inside the ingest transaction, once for the quotes of a batch: one query finds the
  // claims they say (quotes already joined to a claim and rejected ones are left out), one
  // statement links them, one writes the audit rows.
  async quotesPersisted({ quotes }: DomainEvents['quotes.persisted']): Promise<void> {
    const candidates = quotes.filter((q) => !q.rejected);
    const matches = await this.claims.claimsMatchingQuotes(
      candidates.map((q) => ({ quoteId: q.quoteId, textKey: q.textKey })),
    );
    if (!matches.length) return;
    const speakerOf = new Map(candidates.map((q) => [q.quoteId, q.speakerId]));
    const linked = await this.claims.linkMany(
      matches.map((m) => {
        const speakerId = speakerOf.get(m.quoteId);
        const relation: ClaimLink =
          m.speakerId && m.speakerId === speakerId ? 'same-speaker' : 'other-speaker';
        return { claimId: m.claimId, quoteId: m.quoteId, relation, similarity: m.similarity };
      }),
    );
    await this.audit.recordMany(
      linked.map((l) => ({
        action: l.relation === 'same-speaker' ? 'claim.match' : 'claim.flag',
        targetType: 'claim',
        targetId: l.claimId,
        after: { quoteId: l.quoteId, relation: l.relation, similarity: l.similarity },
      })),
    );
  }
}
