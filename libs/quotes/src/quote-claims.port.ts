// Questions the quote store asks about claims, answered by the claims lib. Quotes owns the
// port, so the dependency arrow still points from claims to quotes.
export const QUOTE_CLAIMS = Symbol('QuoteClaimsPort');

export interface QuoteClaimsPort {
  // Which quotes carry a verdict (`include`) or, for `unreviewed`, which do not (`exclude`).
  verdictFilter(verdict: string): Promise<{ include?: string[]; exclude?: string[] }>;
  // Quotes that a claim keeps alive: re-extraction must not delete them.
  referencedQuoteIds(quoteIds: string[]): Promise<Set<string>>;
}
