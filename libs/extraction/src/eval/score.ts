import { jaccard, nameWords, tokenSet } from './fold';

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
    wholeMention: { strict: number; lenient: number }; // the gold mention read literally, apposition and all
    withDescriptions: { strict: number; lenient: number }; // an unnamed source's description counts as the prediction
  };
  errors?: { misses: QuoteError[]; spurious: QuoteError[]; wrongSpeakers: QuoteError[] };
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
