import type { ScannedQuote } from '../scan/scan-quotes';
import * as lexicon from '../lexicon/classify';
import * as chars from './chars';

// Read once: imported bindings are getters in some module loaders.
const { next: TRIE_NEXT, bits: TRIE_BITS } = lexicon.TRIE;
const TRIE_SLOTS = lexicon.TRIE_SLOTS;
const slot = lexicon.slot;
const isWordCode = chars.isWordCode;

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

const isWordChar = isWordCode;

// Apostrophes, hyphens and dots join word pieces: O’Connor, Suk-yeol, G.K.
function isJoiner(code: number): boolean {
  return (
    code === 39 ||
    code === 0x2019 ||
    code === 45 ||
    code === 46 ||
    code === 0x2010 ||
    code === 0x2011
  );
}

// One pass over a word: where it ends, its lexicon bits (walking the trie) and
// whether any character may be upper case (else the text is its own lower case).
function wordToken(text: string, i: number): Token {
  let j = i;
  let node = 0;
  let upper = false;
  while (j < text.length) {
    const code = text.charCodeAt(j);
    if (
      !isWordChar(code) &&
      !(isJoiner(code) && j > i && j + 1 < text.length && isWordChar(text.charCodeAt(j + 1)))
    )
      break;
    if ((code >= 65 && code <= 90) || code >= 0xc0) upper = true;
    if (node >= 0) {
      const s = slot(code);
      node = s < 0 ? -1 : TRIE_NEXT[node * TRIE_SLOTS + s] || -1;
    }
    j++;
  }
  const t = text.slice(i, j);
  const lower = upper ? t.toLowerCase() : t;
  const f = node > 0 ? TRIE_BITS[node] : 0;
  return {
    kind: 'word',
    start: i,
    end: j,
    text: t,
    quote: -1,
    // "al-Shabaab", "el-Sisi", "bin-Salman": a name whose particle is glued on and lower case
    cap: t[0] !== lower[0] || (upper && GLUED_PARTICLE.test(t)),
    lower,
    poss: isPossessiveWord(t),
    f,
  };
}

const GLUED_PARTICLE = /^(?:al|el|ad|an|ar|as|ash|at|az|ibn|bin|abu|abd)-\p{Lu}/u;

// " ' “ ” ‘ ’ « » left outside any quote
function isStrayMark(c: number): boolean {
  return (
    c === 34 ||
    c === 39 ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x2018 ||
    c === 0x2019 ||
    c === 0xab ||
    c === 0xbb
  );
}

function makeToken(kind: TokenKind, text: string, start: number, end: number, quote = -1): Token {
  const t = kind === 'quote' ? text.slice(start, end) : text[start];
  return { kind, start, end, text: t, quote, cap: false, lower: t, poss: false, f: 0 };
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
    } else if (code === 32 || code === 9 || code === 13 || code === 0xa0 || isStrayMark(code)) {
      // a quotation mark that quotes nothing carries no meaning for the rules
      i++;
    } else if (isWordChar(code)) {
      const word = wordToken(text, i);
      tokens.push(word);
      i = word.end;
    } else {
      tokens.push(makeToken('punct', text, i, i + 1));
      i++;
    }
  }
  return tokens;
}
