import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface ClaimRef {
  id: string;
  status: string;
  reviewedAt: string | null;
}

export interface PersistedQuote {
  quoteId: string;
  speakerId: string | null;
  textKey: string;
  created: boolean;
}

// What the claims lib adds to the quote store, registered at start (claims depends on quotes,
// never the other way round).
export interface QuoteHooks {
  quotePersisted?(m: EntityManager, quote: PersistedQuote): Promise<void>;
  quotesFolded?(m: EntityManager, fromId: string, intoId: string): Promise<void>;
  referencedQuoteIds?(m: EntityManager, ids: string[]): Promise<Set<string>>;
  claimsOf?(quoteIds: string[]): Promise<Map<string, ClaimRef>>;
  verdictFilter?(verdict: string): Promise<{ include?: string[]; exclude?: string[] }>;
}

@Injectable()
export class QuoteHooksRegistry {
  readonly hooks: QuoteHooks[] = [];

  register(hooks: QuoteHooks): void {
    this.hooks.push(hooks);
  }

  async quotePersisted(m: EntityManager, quote: PersistedQuote): Promise<void> {
    for (const h of this.hooks) await h.quotePersisted?.(m, quote);
  }

  async quotesFolded(m: EntityManager, fromId: string, intoId: string): Promise<void> {
    for (const h of this.hooks) await h.quotesFolded?.(m, fromId, intoId);
  }

  async referencedQuoteIds(m: EntityManager, ids: string[]): Promise<Set<string>> {
    const all = new Set<string>();
    for (const h of this.hooks)
      for (const id of (await h.referencedQuoteIds?.(m, ids)) ?? []) all.add(id);
    return all;
  }

  async claimsOf(quoteIds: string[]): Promise<Map<string, ClaimRef>> {
    const all = new Map<string, ClaimRef>();
    for (const h of this.hooks)
      for (const [k, v] of (await h.claimsOf?.(quoteIds)) ?? []) all.set(k, v);
    return all;
  }

  // Without a claims lib every quote is unreviewed.
  async verdictFilter(verdict: string): Promise<{ include?: string[]; exclude?: string[] }> {
    const provider = this.hooks.find((h) => h.verdictFilter);
    if (provider?.verdictFilter) return provider.verdictFilter(verdict);
    return verdict === 'unreviewed' ? {} : { include: [] };
  }
}
