import type { ScannedQuote } from '../scan/scan-quotes';
import { isWordCode } from '../text/chars';
import { tokenize, type Token } from '../text/tokens';
import { sentenceIndex } from '../text/sentences';
import { adoptSurnames, buildRegistry, type Registry } from '../people/registry';
import { learnGenders } from '../people/gender';
import type { Person } from '../people/person';

// Everything the rules read, computed once per text.
export interface Context {
  text: string;
  tokens: Token[];
  sentence: Int32Array; // sentence index per token
  paragraph: Int32Array; // paragraph index per token
  quotes: ScannedQuote[];
  quoteToken: number[]; // token index of each quote
  registry: Registry;
  sentenceSpan: Int32Array; // [start, end) token bounds per sentence, flattened
  paragraphSpan: Int32Array; // same per paragraph
  // Speakers decided so far, in text order (token of the cue): the running speakers a
  // pronoun can continue. The sieve appends; rules only read.
  speakers: { token: number; person: Person }[];
}

// Blank lines between paragraphs count once: paragraphs are numbered 0, 1, 2 …
function paragraphIndex(tokens: Token[]): Int32Array {
  const index = new Int32Array(tokens.length);
  let p = 0;
  let pending = false;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind === 'break') pending = i > 0;
    else if (pending) {
      p++;
      pending = false;
    }
    index[i] = p;
  }
  return index;
}

// Bounds per group, with break tokens left out: spans[2n] = start, spans[2n + 1] = end.
function spansOf(tokens: Token[], index: Int32Array): Int32Array {
  const count = tokens.length === 0 ? 0 : index[tokens.length - 1] + 1;
  const spans = new Int32Array(count * 2).fill(-1);
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind === 'break') continue;
    const n = index[i];
    if (spans[2 * n] < 0) spans[2 * n] = i;
    spans[2 * n + 1] = i + 1;
  }
  return spans;
}

export function buildContext(text: string, quotes: ScannedQuote[], from = 0): Context {
  const tokens = tokenize(text, quotes, from);
  const quoteToken: number[] = new Array(quotes.length).fill(-1);
  tokens.forEach((t, i) => {
    if (t.kind === 'quote') quoteToken[t.quote] = i;
  });
  const sentence = sentenceIndex(tokens);
  const paragraph = paragraphIndex(tokens);
  let registry = buildRegistry(tokens);
  if (adoptSurnames(registry, tokens, sentence)) registry = buildRegistry(tokens);
  learnGenders(registry, tokens);
  return {
    text,
    tokens,
    sentence,
    paragraph,
    quotes,
    quoteToken,
    registry,
    sentenceSpan: spansOf(tokens, sentence),
    paragraphSpan: spansOf(tokens, paragraph),
    speakers: [],
  };
}

interface LowerCache {
  searches: number;
  known: Map<string, boolean>;
}

const lowerCache = new WeakMap<Context, LowerCache>();
const MAX_SEARCHES = 64; // text searches per article; past that a word counts as common
const MAX_HITS = 32; // occurrences looked at per search

// Whether the text also writes this word in lower case, as a whole word: a capitalised
// word also written in lower case is a common word, not a name ("Story continues").
// Searched in the text on demand, a bounded number of times per article.
export function writtenLowerCase(ctx: Context, lower: string): boolean {
  let cache = lowerCache.get(ctx);
  if (!cache) lowerCache.set(ctx, (cache = { searches: 0, known: new Map() }));
  const known = cache.known.get(lower);
  if (known !== undefined) return known;
  if (cache.searches >= MAX_SEARCHES) return true;
  cache.searches++;
  const text = ctx.text;
  let found = false;
  let from = 0;
  for (let n = 0; n < MAX_HITS; n++) {
    const i = text.indexOf(lower, from);
    if (i < 0) break;
    const before = i > 0 ? text.charCodeAt(i - 1) : 32;
    const after = i + lower.length < text.length ? text.charCodeAt(i + lower.length) : 32;
    if (!isWordCode(before) && !isWordCode(after)) {
      found = true;
      break;
    }
    from = i + lower.length;
  }
  cache.known.set(lower, found);
  return found;
}
