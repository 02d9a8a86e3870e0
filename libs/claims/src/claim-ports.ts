import { Injectable } from '@nestjs/common';
import type { ClaimRef, QuoteClaimsPort } from '@app/quotes';
import { ClaimRepository } from './claim.repository';
import { VERDICTS } from './verdicts';

// The claims lib's answers to the quote store's questions (libs/quotes quote-claims.port.ts).
@Injectable()
export class ClaimPorts implements QuoteClaimsPort {
  constructor(private readonly claims: ClaimRepository) {}

  async claimsOf(quoteIds: string[]): Promise<Map<string, ClaimRef>> {
    const rows = await this.claims.claimsOfQuotes(quoteIds);
    return new Map(
      rows.map((r) => [
        r.quote_id,
        { id: r.id, status: r.status, reviewedAt: r.reviewed_at?.toISOString() ?? null },
      ]),
    );
  }

  async verdictFilter(verdict: string): Promise<{ include?: string[]; exclude?: string[] }> {
    return verdict === 'unreviewed'
      ? { exclude: await this.claims.quoteIdsCarrying([...VERDICTS]) }
      : { include: await this.claims.quoteIdsCarrying([verdict]) };
  }

  async referencedQuoteIds(quoteIds: string[]): Promise<Set<string>> {
    return new Set(await this.claims.referenced(quoteIds));
  }
}
