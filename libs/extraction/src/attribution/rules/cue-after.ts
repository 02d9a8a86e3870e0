import type { Attribution } from '../attribution';
import type { Context } from '../context';
import type { Token } from '../../text/tokens';
import { attributionFrom } from '../make';
import { subjectStartingAt, subjectThenVerb, type NounPhrase } from '../noun-phrase';
import { isFullName } from '../../people/phrase';
import * as lexicon from '../../lexicon/classify';

// Read once: imported bindings are getters in some module loaders.
const PRONOUN = lexicon.FLAGS.PRONOUN;
import { isAccordingTo, isCueAt, paragraphBounds } from '../spans';
import { LISTENERS } from '../../lexicon/en/words';
import {
  isInvertible,
  isParticleCue,
  PARTICLE_VERBS,
  SPEECH_NOUNS,
} from '../../lexicon/en/speech-verbs';

const JOINERS = new Set([',', '—', '–', '-']);
const DASHES = new Set(['―', '—', '–', '-']);
// After these a speech verb starts a new report: "… since 2007.” Analyst X agreed that …"
const TIME_WORDS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'today',
  'yesterday',
  'tonight',
  'later',
  'recently',
  'earlier',
  'again',
]);
const OBJECT_STARTERS = new Set([
  'that',
  'the',
  'a',
  'an',
  'this',
  'these',
  'those',
  'he',
  'she',
  'they',
  'it',
  'we',
  'his',
  'her',
  'their',
  'its',
  'our',
  'to',
]);

// “…,” NAME said / “…,” said NAME / “…,” according to NAME / “…,” Role Name, role, said
export function cueAfter(ctx: Context, quote: number): Attribution | null {
  const ti = ctx.quoteToken[quote];
  const [, ceil] = paragraphBounds(ctx, ti);
  const tokens = ctx.tokens;
  let k = ti + 1;
  const credit = dashCredit(ctx, k, ceil);
  if (credit) return credit;
  while (k < ceil && k - ti <= 2 && JOINERS.has(tokens[k].text)) k++;
  if (k >= ceil) return null;
  const t = tokens[k];
  if (
    t.kind === 'word' &&
    !t.cap &&
    (isInvertible(t.lower) || isParticleCue(t.lower, tokens[k + 1]?.lower))
  )
    return invertedCue(ctx, k, ceil);
  const nominal = speechNounCue(ctx, k, ceil);
  if (nominal) return nominal;
  if (isAccordingTo(tokens, k)) {
    const np = subjectStartingAt(tokens, k + 2, ceil);
    return np ? attributionFrom(ctx, np, 'cue-after', k, k + 2, 0.9) : null;
  }
  const inner = innerEnd(ctx, quote);
  const sv = subjectThenVerb(tokens, k, ceil, inner === ',' || inner === '?' || inner === '!');
  if (!sv) return null;
  // a quote that ends its sentence belongs to the cue before it, if it has one:
  // the sieve prefers cue-before's answer to this one
  if (inner === '.' && !endsReport(tokens, sv.verb + 1, ceil)) return null;
  // quoted words that end a sentence of their own ("South Korea accused him of “fanatic
  // recklessness.” South Korean President Park said …"): the next sentence is a new report
  if (inner === '.' && inSentence(ctx, ti)) return null;
  const a = attributionFrom(ctx, sv.np, 'cue-after', sv.verb, sv.verb + 1, 0.95);
  // "under what Mr. Hedge called “the prior economy model,” the club charged …": words that
  // are the object of a reporting verb right before them are that verb's subject's
  return inner === '.' || objectOfCue(tokens, ti) ? { ...a, yieldsTo: 'cue-before' } : a;
}

// The quote is what a reporting verb just before it reports: 'called "…"', 'telling her,
// "…"', 'said: "…"'.
function objectOfCue(tokens: Token[], ti: number): boolean {
  let k = ti - 1;
  const punct = tokens[k]?.text === ',' || tokens[k]?.text === ':';
  if (punct) k--;
  if (punct && LISTENERS.has(tokens[k]?.lower ?? '')) k--;
  const t = tokens[k];
  return t !== undefined && t.kind === 'word' && isCueAt(tokens, k);
}

function invertedCue(ctx: Context, k: number, ceil: number): Attribution | null {
  const tokens = ctx.tokens;
  const particle = PARTICLE_VERBS[tokens[k].lower];
  const after = particle && tokens[k + 1]?.lower === particle ? k + 2 : k + 1;
  const np = descriptorThenName(tokens, after, ceil) ?? subjectStartingAt(tokens, after, ceil);
  return np ? attributionFrom(ctx, np, 'cue-after', k, after, 0.95) : null;
}

const DESCRIPTOR_STOP = new Set([
  'the',
  'a',
  'an',
  'in',
  'on',
  'at',
  'of',
  'to',
  'for',
  'from',
  'with',
  'by',
  'and',
  'or',
  'but',
  'as',
  'who',
  'that',
  'which',
]);

// "said oil worker Mike Wipf", "says Cambridge cartoonist Andre Campbell": a descriptor of
// one to three words (a place may lead it) and then the name, which is the speaker.
function descriptorThenName(tokens: Token[], k: number, ceil: number): NounPhrase | null {
  let j = k;
  // "said 9/11 widow Terry Strada": a number may lead the descriptor
  while (j < ceil && j - k < 3 && (/^\d/.test(tokens[j].text) || tokens[j].text === '/')) j++;
  if (
    tokens[j]?.kind === 'word' &&
    tokens[j].cap &&
    tokens[j + 1]?.kind === 'word' &&
    !tokens[j + 1].cap
  )
    j++;
  const from = j;
  while (
    j < ceil &&
    j - from < 3 &&
    tokens[j].kind === 'word' &&
    !tokens[j].cap &&
    !DESCRIPTOR_STOP.has(tokens[j].lower) &&
    (tokens[j].f & PRONOUN) === 0
  )
    j++;
  if (j === from || j >= ceil || !tokens[j].cap) return null;
  const np = subjectStartingAt(tokens, j, ceil);
  if (
    !np ||
    np.kind !== 'phrase' ||
    np.phrase.kind !== 'name' ||
    np.phrase.org ||
    !isFullName(tokens, np.phrase)
  )
    return null;
  return { ...np, start: k };
}

// The last non-space character inside the quote.
function innerEnd(ctx: Context, quote: number): string {
  const q = ctx.quotes[quote];
  let i = q.end - 1;
  while (i > q.start && /\s/.test(ctx.text[i])) i--;
  return ctx.text[i] ?? '';
}

// A quote that ends its sentence takes a cue only when the cue is a clause of its own.
function endsReport(tokens: Token[], k: number, ceil: number): boolean {
  while (k < ceil && TIME_WORDS.has(tokens[k].lower)) k++;
  if (k >= ceil) return true;
  if (tokens[k].kind === 'word' && OBJECT_STARTERS.has(tokens[k].lower)) return false;
  if (tokens[k].text === ':') return false; // "X posted: “…”" introduces the next quote
  for (let j = k; j < ceil && j - k <= 6; j++) {
    const t = tokens[j];
    if (t.kind === 'quote' || (t.kind === 'punct' && '.,;!?'.includes(t.text))) return true;
  }
  return false;
}

// “…” ― Pamela Padilla: a name after a dash that closes the paragraph (or
// stands as the next paragraph) credits the quote.
function dashCredit(ctx: Context, k: number, ceil: number): Attribution | null {
  const tokens = ctx.tokens;
  if (k === ceil && tokens[k]?.kind === 'break') {
    let n = k;
    while (tokens[n]?.kind === 'break') n++;
    if (n < tokens.length && DASHES.has(tokens[n].text))
      return dashCredit(ctx, n, paragraphBounds(ctx, n)[1]);
    return null;
  }
  let j = k;
  while (j < ceil && j - k < 2 && DASHES.has(tokens[j].text)) j++;
  if (j === k || j >= ceil) return null;
  const np = subjectStartingAt(tokens, j, ceil);
  if (!np || np.kind !== 'phrase' || np.phrase.kind !== 'name') return null;
  // "-Michelle Marks, Philadelphia." may add where or what the speaker is
  const rest = tokens[np.end]?.text === ',' ? ceil - np.end : 0;
  let end = rest > 0 && rest <= 8 ? ceil : np.end;
  while (end < ceil && tokens[end].kind === 'punct' && '.,'.includes(tokens[end].text)) end++;
  return end >= ceil ? attributionFrom(ctx, np, 'cue-after', k, k + 1, 0.85) : null;
}

// The quote stands inside a running sentence: a word (not a colon, dash or comma-led cue
// clause) comes right before its opening mark.
function inSentence(ctx: Context, ti: number): boolean {
  const prev = ctx.tokens[ti - 1];
  return prev !== undefined && prev.kind === 'word' && ctx.paragraph[ti - 1] === ctx.paragraph[ti];
}

// "“The best sleigh this Christmas!” was the response of one jolly viewer": a form of "be",
// a noun of speech and "of"/"from" name the one who said it.
function speechNounCue(ctx: Context, k: number, ceil: number): Attribution | null {
  const tokens = ctx.tokens;
  if (!/^(was|is|came|were)$/.test(tokens[k]?.lower ?? '')) return null;
  let j = k + 1;
  if (/^(the|a|one)$/.test(tokens[j]?.lower ?? '')) j++;
  while (j < ceil && j - k <= 4 && tokens[j].kind === 'word' && !SPEECH_NOUNS.has(tokens[j].lower))
    j++;
  if (!SPEECH_NOUNS.has(tokens[j]?.lower ?? '')) return null;
  const of = tokens[j + 1]?.lower;
  if (of !== 'of' && of !== 'from') return null;
  const np = subjectStartingAt(tokens, j + 2, ceil);
  return np ? attributionFrom(ctx, np, 'cue-after', j, j + 2, 0.85) : null;
}
