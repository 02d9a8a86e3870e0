import { Injectable } from '@nestjs/common';
import type { QuoteClaimsPort } from '@app/quotes';
import type { SpeakerClaimsPort } from '@app/speakers';
import { ClaimRepository } from './claim.repository';
import { CLAIM_STATUSES, VERDICTS } from './verdicts';

// The claims lib's answers to the questions of the quote store and the speaker registry.
@Injectable()
export class ClaimPorts implements QuoteClaimsPort, SpeakerClaimsPort {
  constructor(private readonly claims: ClaimRepository) {}

  async verdictFilter(verdict: string): Promise<{ include?: string[]; exclude?: string[] }> {
    return verdict === 'unreviewed'
      ? { exclude: await this.claims.quoteIdsCarrying([...VERDICTS]) }
      : { include: await this.claims.quoteIdsCarrying([verdict]) };
  }

  async referencedQuoteIds(quoteIds: string[]): Promise<Set<string>> {
    return new Set(await this.claims.referenced(quoteIds));
  }

  async verdictCounts(speakerId: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0]));
    for (const row of await this.claims.statusCounts(speakerId)) counts[row.status] = row.count;
    return counts;
  }

  async claimCount(speakerId: string): Promise<number> {
    return (await this.claims.statusCounts(speakerId)).reduce((n, r) => n + r.count, 0);
  }
}
