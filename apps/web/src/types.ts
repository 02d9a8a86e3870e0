// The shapes the console reads; they mirror the API's response DTOs (see /docs).
export interface QuoteSpeaker {
  id: string;
  name: string;
  nativeName: string | null;
  role: string | null;
  organization: string | null;
}

export interface QuoteArticle {
  id: string;
  kind: string;
  kicker: string | null;
  title: string | null;
  lead: string;
  url: string | null;
  publisher: string | null;
  publishedAt: string | null;
}

export interface QuoteHit {
  id: string;
  text: string;
  speaker: QuoteSpeaker | null;
  speakerDescription: string | null;
  article: QuoteArticle;
  firstSeen: string;
  occurrences: number;
  attributionStatus: string;
  verdict: string;
  claim: { id: string; status: string; reviewedAt: string | null } | null;
  version: number;
  rejectedAt?: string | null;
  similarity?: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface QuoteDetail extends QuoteHit {
  correctedAt: string | null;
  correctedBy: string | null;
}

export interface ArticleQuote {
  quoteId: string;
  text: string;
  start: number;
  end: number;
  speaker: { id: string; name: string } | null;
  speakerDescription: string | null;
  role: string | null;
  organization: string | null;
  mention: string | null;
  cue: string | null;
  rule: string;
  confidence: number;
  partial: boolean;
  unterminated: boolean;
}

export interface ArticleSummary {
  id: string;
  kind: 'article' | 'teaser';
  kicker: string | null;
  truncated: boolean;
  title: string | null;
  lead: string;
  url: string | null;
  publisher: string | null;
  publishedAt: string | null;
  dated?: boolean;
  createdAt: string;
  version?: number;
}

export interface Article extends ArticleSummary {
  body: string;
  sources: { documentId: string; filename: string | null }[];
  quotes: ArticleQuote[];
}

export interface SpeakerHit {
  id: string;
  name: string;
  nativeName: string | null;
  role: string | null;
  organization: string | null;
  matched: string;
  similarity: number;
}

export interface Affiliation {
  id: string;
  editedBy?: string | null;
  role: string | null;
  organization: string | null;
  firstSeen: string;
  lastSeen: string;
  articleIds: string[];
}

export interface SpeakerProfile {
  id: string;
  name: string;
  nativeName: string | null;
  role: string | null;
  organization: string | null;
  kind: 'person' | 'organization';
  version: number;
  aliases: string[];
  affiliations: Affiliation[];
  quotes: Record<string, unknown>;
  verdicts?: Record<string, number>;
}

// GET /quotes/:id/history: one audited change each.
export interface QuoteHistoryEntry {
  at: string;
  action: string;
  actor: string;
  actorRole: string | null;
  before: unknown;
  after: unknown;
}

export interface Evidence {
  url: string;
  title?: string;
  note?: string;
}

export interface Review {
  id: string;
  verdict: string;
  rationale: string;
  evidence: Evidence[];
  reviewer: string;
  at: string;
  claimVersion: number;
}

export interface ClaimSummary {
  id: string;
  text: string;
  status: string;
  version: number;
  quoteId: string | null;
  speaker: { id: string; name: string; role: string | null; organization: string | null } | null;
  reviewedAt: string | null;
  createdAt: string;
  createdBy: string | null;
  withdrawn?: { at: string; by: string | null; reason: string | null } | null;
}

export interface ClaimDetail extends ClaimSummary {
  history: Review[];
  occurrences: {
    relation: string;
    similarity: number;
    needsReview: boolean;
    quote: QuoteDetail;
  }[];
}

export const VERDICTS = ['verified', 'disputed', 'false', 'misleading', 'unverifiable'] as const;
