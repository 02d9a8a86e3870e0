export type SegmentKind = 'article' | 'teaser';

// text === raw.slice(start, end); a teaser's text includes its kicker label
export interface Segment {
  kind: SegmentKind;
  kicker: string | null;
  truncated: boolean;
  start: number;
  end: number;
  text: string;
}

export interface ExtractOptions {
  publishedAt?: string | Date | null;
}

export interface ExtractedQuote {
  text: string;
  start: number;
  end: number;
  speaker: string | null;
  speakerDescription: string | null;
  mention: string | null;
  cue: string | null;
  role: string | null;
  organization: string | null;
  nativeName: string | null;
  partial: boolean;
  unterminated: boolean;
  rule: string;
  confidence: number;
}

export interface MentionedPerson {
  name: string;
  nativeName: string | null;
  aliases: string[];
  role: string | null;
  organization: string | null;
  quoted: boolean;
}

export interface ExtractionResult {
  quotes: ExtractedQuote[];
  people: MentionedPerson[];
}
