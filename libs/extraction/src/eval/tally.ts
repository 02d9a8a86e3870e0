import { foldText, mentionHead } from './fold';
import {
  matchQuotes,
  speakerCanonical,
  speakerLenient,
  speakerStrict,
  type EvalReport,
  type QuoteError,
  type ReliabilityRow,
  type RuleRow,
  type ScoredDocument,
} from './score';

interface Cell {
  n: number;
  confidence: number;
  strict: number;
  canonical: number;
}

// Reliability buckets by stated confidence: [0.5, 0.6), …, [0.9, 0.95), [0.95, 1]; below 0.5 is one bucket.
const BUCKET_EDGES = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];

function bucketOf(confidence: number): number {
  let b = 0;
  for (let i = 0; i < BUCKET_EDGES.length; i++) if (confidence >= BUCKET_EDGES[i]) b = i;
  return b;
}

function bucketLabel(b: number): string {
  const lo = BUCKET_EDGES[b];
  const hi = BUCKET_EDGES[b + 1] ?? 1;
  return `[${lo.toFixed(2)}, ${hi.toFixed(2)}${b === BUCKET_EDGES.length - 1 ? ']' : ')'}`;
}

interface Tally {
  gold: number;
  predicted: number;
  matched: number;
  exact: number;
  dontCare: number;
  scored: number;
  strict: number;
  lenient: number;
  canonical: number;
  attributed: number;
  attributedStrict: number;
  attributedCanonical: number;
  buckets: Map<number, Cell>;
  rules: Map<string, Cell & { decided: number }>;
  wholeStrict: number;
  wholeLenient: number;
  describedStrict: number;
  describedLenient: number;
  misses: QuoteError[];
  spurious: QuoteError[];
  wrongSpeakers: QuoteError[];
  shortNames: QuoteError[];
}

function emptyTally(): Tally {
  return {
    gold: 0,
    predicted: 0,
    matched: 0,
    exact: 0,
    dontCare: 0,
    scored: 0,
    strict: 0,
    lenient: 0,
    canonical: 0,
    attributed: 0,
    attributedStrict: 0,
    attributedCanonical: 0,
    buckets: new Map(),
    rules: new Map(),
    wholeStrict: 0,
    wholeLenient: 0,
    describedStrict: 0,
    describedLenient: 0,
    misses: [],
    spurious: [],
    wrongSpeakers: [],
    shortNames: [],
  };
}

function tallyDocument(t: Tally, doc: ScoredDocument): void {
  const pairs = matchQuotes(doc.gold, doc.predicted);
  const goldMatched = new Set(pairs.map((p) => p.gold));
  const predMatched = new Set(pairs.map((p) => p.predicted));
  t.gold += doc.gold.filter((q) => q.type !== 'partial').length;
  t.predicted += doc.predicted.length;
  for (const pair of pairs) tallyPair(t, doc, pair.gold, pair.predicted);
  doc.gold.forEach((q, i) => {
    if (q.type !== 'partial' && !goldMatched.has(i))
      t.misses.push({ id: doc.id, text: q.text, start: q.start, gold: q.speaker });
  });
  doc.predicted.forEach((q, i) => {
    if (!predMatched.has(i))
      t.spurious.push({ id: doc.id, text: q.text, start: q.start, predicted: q.speaker });
  });
}

function tallyPair(t: Tally, doc: ScoredDocument, gi: number, pi: number): void {
  const gold = doc.gold[gi];
  const pred = doc.predicted[pi];
  if (gold.type === 'partial') {
    t.dontCare++;
    return;
  }
  t.matched++;
  if (foldText(gold.text) === foldText(pred.text)) t.exact++;
  const rule = pred.speaker === null ? 'none' : (pred.rule ?? 'unknown');
  let cell = t.rules.get(rule);
  if (!cell)
    t.rules.set(rule, (cell = { decided: 0, n: 0, confidence: 0, strict: 0, canonical: 0 }));
  cell.decided++;
  if (gold.speaker === null) return;
  t.scored++;
  const head = mentionHead(gold.speaker);
  const strict = speakerStrict(head, pred.speaker);
  const canonical = strict || speakerCanonical(gold.speaker, pred.speaker);
  if (strict) t.strict++;
  if (canonical) t.canonical++;
  if (speakerLenient(head, pred.speaker)) t.lenient++;
  const error = {
    id: doc.id,
    text: pred.text,
    start: pred.start,
    gold: gold.speaker,
    predicted: pred.speaker,
    rule,
  };
  if (!canonical) t.wrongSpeakers.push(error);
  else if (!strict) t.shortNames.push(error);
  if (pred.speaker !== null) {
    t.attributed++;
    if (strict) t.attributedStrict++;
    if (canonical) t.attributedCanonical++;
    const confidence = pred.confidence ?? 1;
    const b = bucketOf(confidence);
    let bucket = t.buckets.get(b);
    if (!bucket) t.buckets.set(b, (bucket = { n: 0, confidence: 0, strict: 0, canonical: 0 }));
    for (const c of [bucket, cell]) {
      c.n++;
      c.confidence += confidence;
      if (strict) c.strict++;
      if (canonical) c.canonical++;
    }
  }
  if (speakerStrict(gold.speaker, pred.speaker)) t.wholeStrict++;
  if (speakerLenient(gold.speaker, pred.speaker)) t.wholeLenient++;
  const source = pred.speaker ?? pred.speakerDescription ?? null;
  if (speakerStrict(head, source)) t.describedStrict++;
  if (speakerLenient(head, source)) t.describedLenient++;
}

const round = (x: number): number => Math.round(x * 10000) / 10000;
const ratio = (a: number, b: number): number => (b === 0 ? 0 : round(a / b));

export function scoreDocuments(docs: ScoredDocument[], errors = 0): EvalReport {
  const t = emptyTally();
  for (const doc of docs) tallyDocument(t, doc);
  const precision = t.predicted - t.dontCare === 0 ? 0 : t.matched / (t.predicted - t.dontCare);
  const recall = t.gold === 0 ? 0 : t.matched / t.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const report: EvalReport = {
    documents: docs.length,
    gold: t.gold,
    predicted: t.predicted,
    matched: t.matched,
    dontCare: t.dontCare,
    quote: {
      precision: round(precision),
      recall: round(recall),
      f1: round(f1),
      exactShare: ratio(t.exact, t.matched),
    },
    speaker: {
      scored: t.scored,
      strict: ratio(t.strict, t.scored),
      lenient: ratio(t.lenient, t.scored),
      canonical: ratio(t.canonical, t.scored),
      attributed: t.attributed,
      precisionStrict: ratio(t.attributedStrict, t.attributed),
      precisionCanonical: ratio(t.attributedCanonical, t.attributed),
      wholeMention: {
        strict: ratio(t.wholeStrict, t.scored),
        lenient: ratio(t.wholeLenient, t.scored),
      },
      withDescriptions: {
        strict: ratio(t.describedStrict, t.scored),
        lenient: ratio(t.describedLenient, t.scored),
      },
    },
  };
  report.reliability = [...t.buckets.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([b, c]): ReliabilityRow => ({
      bucket: bucketLabel(b),
      quotes: c.n,
      meanConfidence: ratio(c.confidence, c.n),
      precisionStrict: ratio(c.strict, c.n),
      precisionCanonical: ratio(c.canonical, c.n),
    }));
  report.rules = [...t.rules.entries()]
    .sort((a, b) => b[1].decided - a[1].decided)
    .map(([rule, c]): RuleRow => ({
      rule,
      decided: c.decided,
      scored: c.n,
      precisionStrict: ratio(c.strict, c.n),
      precisionCanonical: ratio(c.canonical, c.n),
    }));
  if (errors > 0)
    report.errors = {
      misses: t.misses.slice(0, errors),
      spurious: t.spurious.slice(0, errors),
      wrongSpeakers: t.wrongSpeakers.slice(0, errors),
      shortNames: t.shortNames.slice(0, errors),
    };
  return report;
}
