import type { RuleName } from './attribution/attribution';
import type { RuleSwitches } from './attribution/sieve';

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
  // Switch sieve rules off by name (`{ 'reported-speech': false }`) to measure their effect.
  rules?: RuleSwitches;
}

// What kind of source speaks: only a person is the referent of he/she; an organisation
// ("the company said", "BC Hydro said") and a document ("the report said") speak too; a
// group or description ("officials", "residents") names no one.
export type SpeakerKind = 'person' | 'organisation' | 'group' | 'document';

export interface ExtractedQuote {
  text: string;
  start: number;
  end: number;
  speaker: string | null;
  speakerDescription: string | null;
  speakerKind: SpeakerKind | null; // null when no source was found
  mention: string | null;
  cue: string | null;
  role: string | null;
  organization: string | null;
  nativeName: string | null;
  partial: boolean;
  unterminated: boolean;
  rule: RuleName | 'none'; // the sieve rule that named the speaker
  confidence: number; // measured precision of that rule and path; 0 when no speaker is named
  path: string | null; // rule:how the speaker was reached ("cue-after:pronoun"), the unit of calibration
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
