import type { ScannedQuote } from '../scan/scan-quotes';
import { flagsAt } from '../lexicon/classify';
import { isWordCode } from './chars';

// Tokens of the text outside quotations. A quotation is one opaque 'quote'
// token, so no rule ever reads inside a quote for cues or names.
export type TokenKind = 'word' | 'punct' | 'quote' | 'break';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  text: string;
  quote: number; // index into the scanned quotes for 'quote' tokens, else -1
  cap: boolean; // word starting with an upper-case letter
  lower: string; // lower-cased text
  poss: boolean; // a possessive word: "Obama’s", "countries’"
  f: number; // lexicon bits of the lower-cased word (see FLAGS)
}

export const isWordChar = isWordCode;

// Apostrophes, hyphens and dots join word pieces: O’Connor, Suk-yeol, G.K.
function isJoiner(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 45 || code === 46 || code === 0x2010 || code === 0x2011;
}

function wordEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length) {
    const code = text.charCodeAt(j);
    if (isWordChar(code)) j++;
    else if (isJoiner(code) && j + 1 < text.length && isWordChar(text.charCodeAt(j + 1))) j += 2;
    else break;
  }
  return j;
}

function makeToken(kind: TokenKind, text: string, start: number, end: number, quote = -1): Token {
  const t = text.slice(start, end);
  if (kind !== 'word') return { kind, start, end, text: t, quote, cap: false, lower: t, poss: false, f: 0 };
  const lower = t.toLowerCase();
  return { kind, start, end, text: t, quote, cap: t[0] !== lower[0], lower, poss: isPossessiveWord(t), f: flagsAt(text, start, end) };
}

function isPossessiveWord(t: string): boolean {
  const n = t.length;
  const last = t.charCodeAt(n - 1);
  if (last === 39 || last === 0x2019) return true;
  const prev = n > 1 ? t.charCodeAt(n - 2) : 0;
  return (last === 115 || last === 83) && (prev === 39 || prev === 0x2019);
}

// `from` skips a prefix such as a teaser's kicker label.
export function tokenize(text: string, quotes: ScannedQuote[], from = 0): Token[] {
  const tokens: Token[] = [];
  let q = 0;
  let i = from;
  while (q < quotes.length && quotes[q].open < from) q++;
  while (i < text.length) {
    while (q < quotes.length && quotes[q].open < i) q++; // never lose the quotes after a mismatch
    if (q < quotes.length && i === quotes[q].open) {
      const end = quotes[q].after;
      tokens.push(makeToken('quote', text, i, end, q));
      i = end;
      q++;
      continue;
    }
    const code = text.charCodeAt(i);
    if (code === 10) {
      tokens.push(makeToken('break', text, i, i + 1));
      i++;
    } else if (code === 32 || code === 9 || code === 13 || code === 0xa0) {
      i++;
    } else if (isWordChar(code)) {
      const end = wordEnd(text, i);
      tokens.push(makeToken('word', text, i, end));
      i = end;
    } else {
      tokens.push(makeToken('punct', text, i, i + 1));
      i++;
    }
  }
  return tokens;
}
