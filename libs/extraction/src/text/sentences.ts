import type { Token } from './tokens';
import * as lexicon from '../lexicon/classify';

// Read once: imported bindings are getters in some module loaders.
const { STOP, HONORIFIC } = lexicon.FLAGS;

// Abbreviations whose dot does not end a sentence.
const ABBREVIATIONS = new Set(
  `jr sr st mt ft no nos vs etc inc co corp ltd jan feb mar apr jun jul aug sep sept oct nov dec
a.m p.m u.s u.k u.n d.c e.g i.e ph.d approx est dept gov univ assn bros`.split(/\s+/),
);

export function isAbbreviation(word: Token | undefined): boolean {
  if (!word || word.kind !== 'word') return false;
  const w = word.lower;
  if (w.length === 1 && word.cap) return true; // an initial: "Paul R. Pillar"
  if (word.text.length <= 7 && word.text.includes('.') && /^(\p{Lu}\.)+\p{Lu}$/u.test(word.text))
    return true; // "G.K. Butterfield"
  return (word.f & HONORIFIC) !== 0 || ABBREVIATIONS.has(w);
}

function endsWithStop(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && '”"’\'» )'.includes(text[i])) i--;
  return i >= 0 && '.!?'.includes(text[i]);
}

function startsSentence(next: Token | undefined): boolean {
  if (!next || next.kind === 'break' || next.kind === 'quote') return true;
  if (next.kind === 'word') return next.cap || /^\d/.test(next.text);
  return next.text === '(' || next.text === '[' || next.text === '—';
}

// True when a sentence ends right after token i.
function endsSentence(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const next = tokens[i + 1];
  if (t.kind === 'break') return true;
  if (t.kind === 'quote') return endsWithStop(t.text) && startsSentence(next);
  if (t.kind !== 'punct' || !'.!?'.includes(t.text) || !startsSentence(next)) return false;
  const prev = tokens[i - 1];
  if (t.text !== '.' || !prev || prev.end !== t.start || !isAbbreviation(prev)) return true;
  // "in the U.S. The …": an abbreviation dot before a sentence-opening word
  return (
    next !== undefined && next.kind === 'word' && (next.f & STOP) !== 0 && prev.text.includes('.')
  );
}

// Sentence index of every token; a paragraph break always ends a sentence.
export function sentenceIndex(tokens: Token[]): Int32Array {
  const index = new Int32Array(tokens.length);
  let sentence = 0;
  for (let i = 0; i < tokens.length; i++) {
    index[i] = sentence;
    if (endsSentence(tokens, i)) sentence++;
  }
  return index;
}
