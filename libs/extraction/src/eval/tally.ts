import { foldText, mentionHead } from './fold';
import {
  matchQuotes,
  speakerLenient,
  speakerStrict,
  type EvalReport,
  type QuoteError,
  type ScoredDocument,
} from './score';

interface Tally {
  gold: number;
  predicted: number;
  matched: number;
  exact: number;
  dontCare: number;
  scored: number;
  strict: number;
  lenient: number;
  wholeStrict: number;
  wholeLenient: number;
  describedStrict: number;
  describedLenient: number;
  misses: QuoteError[];
  spurious: QuoteError[];
  wrongSpeakers: QuoteError[];
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
    wholeStrict: 0,
    wholeLenient: 0,
    describedStrict: 0,
    describedLenient: 0,
    misses: [],
    spurious: [],
    wrongSpeakers: [],
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
  if (gold.speaker === null) return;
  t.scored++;
  const head = mentionHead(gold.speaker);
  if (speakerStrict(head, pred.speaker)) t.strict++;
  if (speakerLenient(head, pred.speaker)) t.lenient++;
  else
    t.wrongSpeakers.push({
      id: doc.id,
      text: pred.text,
      start: pred.start,
      gold: gold.speaker,
      predicted: pred.speaker,
    });
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
  if (errors > 0)
    report.errors = {
      misses: t.misses.slice(0, errors),
      spurious: t.spurious.slice(0, errors),
      wrongSpeakers: t.wrongSpeakers.slice(0, errors),
    };
  return report;
}
