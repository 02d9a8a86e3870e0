import { canonicalNameWords, jaccard, nameWords, tokenSet } from './fold';

export interface GoldQuote {
  text: string;
  speaker: string | null;
  type: 'direct' | 'partial' | string;
  start?: number;
}

export interface PredictedQuote {
  text: string;
  speaker: string | null;
  speakerDescription?: string | null; // an unnamed source as the text describes it
  start?: number;
  rule?: string; // the sieve rule that decided the speaker ('none' when nobody is named)
  confidence?: number; // the stated probability that the speaker is right
}

export interface ScoredDocument {
  id: string;
  gold: GoldQuote[];
  predicted: PredictedQuote[];
}

export interface QuoteError {
  id: string;
  text: string;
  start?: number;
  gold?: string | null;
  predicted?: string | null;
  rule?: string;
}

export interface EvalReport {
  documents: number;
  gold: number;
  predicted: number;
  matched: number;
  dontCare: number;
  quote: { precision: number; recall: number; f1: number; exactShare: number };
  speaker: {
    scored: number;
    strict: number;
    lenient: number;
    canonical: number;
    attributed: number; // scored quotes for which a speaker is named
    precisionStrict: number; // of the attributed, the share strictly right
    precisionCanonical: number; // of the attributed, the share canonically right
    wholeMention: { strict: number; lenient: number }; // the gold mention read literally, apposition and all
    withDescriptions: { strict: number; lenient: number }; // an unnamed source's description counts as the prediction
  };
  reliability?: ReliabilityRow[];
  rules?: RuleRow[];
  errors?: {
    misses: QuoteError[];
    spurious: QuoteError[];
    wrongSpeakers: QuoteError[];
    shortNames: QuoteError[];
  }; // shortNames: canonically right, not strictly
}

// Stated confidence bucket against the observed (strict, canonical) precision of named speakers.
export interface ReliabilityRow {
  bucket: string;
  quotes: number;
  meanConfidence: number;
  precisionStrict: number;
  precisionCanonical: number;
}

// Per sieve rule: matched quotes it decided (named a speaker for), scored ones, their precision.
export interface RuleRow {
  rule: string;
  decided: number;
  scored: number;
  precisionStrict: number;
  precisionCanonical: number;
}

export interface Pair {
  gold: number;
  predicted: number;
  overlap: number;
}

const MIN_OVERLAP = 0.5;

// Best overlap first, one-to-one; ties keep document order so runs are reproducible.
export function matchQuotes(gold: GoldQuote[], predicted: PredictedQuote[]): Pair[] {
  const goldTokens = gold.map((q) => tokenSet(q.text));
  const predTokens = predicted.map((q) => tokenSet(q.text));
  const candidates: Pair[] = [];
  goldTokens.forEach((g, gi) =>
    predTokens.forEach((p, pi) => {
      const overlap = jaccard(g, p);
      if (overlap >= MIN_OVERLAP) candidates.push({ gold: gi, predicted: pi, overlap });
    }),
  );
  candidates.sort((a, b) => b.overlap - a.overlap || a.gold - b.gold || a.predicted - b.predicted);
  const usedGold = new Set<number>();
  const usedPred = new Set<number>();
  const pairs: Pair[] = [];
  for (const c of candidates) {
    if (usedGold.has(c.gold) || usedPred.has(c.predicted)) continue;
    usedGold.add(c.gold);
    usedPred.add(c.predicted);
    pairs.push(c);
  }
  return pairs;
}

export function speakerStrict(gold: string, predicted: string | null): boolean {
  if (predicted === null) return false;
  return nameWords(gold).join(' ') === nameWords(predicted).join(' ');
}

export function speakerLenient(gold: string, predicted: string | null): boolean {
  if (predicted === null) return false;
  const last = nameWords(gold).at(-1);
  return last !== undefined && nameWords(predicted).includes(last);
}

// Strict, or the name words of gold and prediction (both non-empty) are a subset of one another.
export function speakerCanonical(gold: string, predicted: string | null): boolean {
  if (predicted === null) return false;
  if (speakerStrict(gold, predicted)) return true;
  const g = canonicalNameWords(gold);
  const p = canonicalNameWords(predicted);
  if (g.length === 0 || p.length === 0) return false;
  const subset = (a: string[], b: string[]): boolean => a.every((w) => b.includes(w));
  return subset(g, p) || subset(p, g);
}
