import type { Context } from './context';
import { groupBefore } from '../people/groups';
import { analyzeGroup, isFullName } from '../people/phrase';
import type { Token } from '../text/tokens';
import { skipAuxBack, subjectEndingAt, subjectStartingAt, type NounPhrase } from './noun-phrase';
import { isOwnedAt, sentenceBounds } from './spans';
import { isInvertible, isSpeechParticiple, isSpeechVerb } from '../lexicon/en/speech-verbs';
import { PRONOUNS } from '../lexicon/en/words';

const MAX_LOOKBACK = 60; // tokens; bounds the work per cue
const PREPOSITIONS = new Set([
  'on',
  'in',
  'at',
  'of',
  'for',
  'with',
  'from',
  'to',
  'by',
  'about',
  'against',
  'like',
  'than',
]);

// The subject a participle or coordinated cue hangs off ("Trump … confirmed …,
// saying ‘…’", "Mrs. Clinton shook her head and said"): the sentence's opening
// phrase, else the subject of an earlier speech verb, else the nearest phrase
// in subject position before the cue.
export function clauseSubject(ctx: Context, cue: number): NounPhrase | null {
  const tokens = ctx.tokens;
  const [s] = sentenceBounds(ctx, cue);
  // "footage of Hillary Clinton asking, “…”", "Trump saying during the debate": a participle
  // right after a name, no comma between, hangs off that name, not the clause's subject
  // "with Trump reportedly yelling": an adverb in -ly may stand between them
  const adverb = /^\p{Ll}{3,}ly$/u.test(tokens[cue - 1]?.text ?? '') ? 1 : 0;
  const named = tokens[cue - 1 - adverb];
  if (
    cue - 1 - adverb > s &&
    named.kind === 'word' &&
    named.cap &&
    !named.poss &&
    isSpeechParticiple(tokens[cue].lower)
  ) {
    const g = groupBefore(tokens, cue - 1 - adverb, s);
    const phrase = g >= 0 ? analyzeGroup(tokens, g, cue - adverb) : null;
    if (
      phrase &&
      phrase.kind === 'name' &&
      !phrase.org &&
      (isFullName(tokens, phrase) ||
        ctx.registry.mentions.byStart.get(phrase.nameStart)?.person.personal)
    )
      return { kind: 'phrase', phrase, start: phrase.start, end: cue - adverb, affiliation: null };
  }
  const reporter = reportingClauseBefore(tokens, s, cue);
  if (reporter) return reporter;
  const start = afterIntro(tokens, afterDateline(tokens, s, cue), cue);
  const opening = subjectStartingAt(tokens, start, cue);
  if (
    opening &&
    opening.kind !== 'description' &&
    !isDateline(tokens, opening.end) &&
    !isInterjection(tokens, opening)
  )
    return opening;
  for (let k = cue - 1; k > s && cue - k <= MAX_LOOKBACK; k--) {
    if (!isReportingVerbAt(tokens, k)) continue;
    const np =
      subjectEndingAt(tokens, skipAuxBack(tokens, k - 1, s), s) ??
      (isInvertible(tokens[k].lower) ? subjectStartingAt(tokens, k + 1, cue) : null);
    if (np && np.kind !== 'description') return np;
  }
  return nearestSubject(tokens, s, cue);
}

// A finite reporting verb, not a noun owned by a possessive ("Trump's comments").
function isReportingVerbAt(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  return t.kind === 'word' && !t.cap && isSpeechVerb(t.lower) && !isOwnedAt(tokens, k);
}

const MAX_REPORT = 4; // tokens between the reporting verb and the participle's comma

// "Ryan and Trump will meet next week, Spicer said, adding, “…”", "…, said Nefzi, adding":
// a participle right after a reporting clause hangs off that clause's subject, not off the
// sentence's opening words.
function reportingClauseBefore(tokens: Token[], s: number, cue: number): NounPhrase | null {
  const comma = cue - 1;
  if (tokens[comma]?.text !== ',') return null;
  for (let v = comma - 1; v > s && comma - v <= MAX_REPORT; v--) {
    const t = tokens[v];
    if (t.kind !== 'word') return null;
    if (!isReportingVerbAt(tokens, v)) continue;
    const before = subjectEndingAt(tokens, skipAuxBack(tokens, v - 1, s), s);
    if (before && before.kind !== 'description') return before;
    const after = isInvertible(t.lower) ? subjectStartingAt(tokens, v + 1, comma) : null;
    return after && after.kind !== 'description' && after.end === comma ? after : null;
  }
  return null;
}

// "Wait, it gets better:", "Likewise, …": one capitalised word set off by a comma. Not
// when an apposition follows ("Dean, a former party chairman, …").
function isInterjection(tokens: Token[], np: NounPhrase): boolean {
  if (np.kind !== 'phrase' || np.end - np.start !== 1 || tokens[np.end]?.text !== ',') return false;
  let k = np.end + 1;
  // "Silverman, herself a Sanders supporter, …"
  if (/^(himself|herself|themselves)$/.test(tokens[k]?.lower ?? '')) k++;
  const next = tokens[k];
  return !(next && next.kind === 'word' && /^(a|an|the)$/.test(next.lower));
}

// "WASHINGTON (AP) — …": the sentence proper starts after the dash.
function afterDateline(tokens: Token[], s: number, limit: number): number {
  for (let k = s; k < limit && k - s <= 8; k++)
    if (tokens[k].text === '—' || tokens[k].text === '--') return k + 1;
  return s;
}

const MAX_INTRO = 12; // tokens of a fronted adverbial

// "In a statement, IRCC did not …", "During a speech earlier in the day, Trump attacked …":
// a sentence that opens with a prepositional phrase set off by a comma has its subject
// after the comma.
function afterIntro(tokens: Token[], s: number, limit: number): number {
  // "Still, even with her pension, Laurin …": a sentence adverb set off by a comma first
  if (SENTENCE_ADVERBS.has(tokens[s]?.lower ?? '') && tokens[s + 1]?.text === ',' && s + 2 < limit)
    return afterIntro(tokens, s + 2, limit);
  if (tokens[s]?.lower === 'even' && INTRO_PREPOSITIONS.has(tokens[s + 1]?.lower ?? ''))
    return afterIntro(tokens, s + 1, limit);
  const t = tokens[s];
  if (!t || t.kind !== 'word' || !INTRO_PREPOSITIONS.has(t.lower)) return s;
  for (let k = s + 1; k < limit && k - s <= MAX_INTRO; k++) {
    const w = tokens[k];
    if (w.kind === 'quote' || isSpeechVerb(w.lower)) return s;
    if (w.text === ',') return k + 1 < limit ? pastIntroSegments(tokens, k + 1, limit) : s;
  }
  return s;
}

const MAX_SEGMENT = 8; // tokens of one more piece of the adverbial ("after remaining neutral …,")

// "In Portsmouth, N.H., on Tuesday, Senator Bernie Sanders …": more of the adverbial
// (a state abbreviation, another prepositional phrase) may follow its first comma.
function pastIntroSegments(tokens: Token[], k: number, limit: number): number {
  for (let n = 0; n < 3; n++) {
    const t = tokens[k];
    const more =
      t !== undefined &&
      t.kind === 'word' &&
      (INTRO_PREPOSITIONS.has(t.lower) ||
        (t.text.length <= 6 && /\p{L}\.\p{L}/u.test(t.text + (tokens[k + 1]?.text ?? ''))));
    if (!more) return k;
    let c = k + 1;
    while (
      c < limit &&
      c - k <= MAX_SEGMENT &&
      tokens[c].text !== ',' &&
      tokens[c].kind !== 'quote'
    )
      c++;
    if (c >= limit || tokens[c].text !== ',' || c + 1 >= limit) return k;
    k = c + 1;
  }
  return k;
}

const SENTENCE_ADVERBS = new Set([
  'still',
  'however',
  'now',
  'then',
  'later',
  'meanwhile',
  'instead',
  'yet',
  'so',
  'again',
  'today',
  'yesterday',
  'finally',
  'earlier',
  'also',
  'indeed',
]);

const INTRO_PREPOSITIONS = new Set([
  'in',
  'during',
  'at',
  'on',
  'after',
  'before',
  'since',
  'from',
  'with',
  'without',
  'despite',
  'throughout',
  'for',
]);

function isDateline(tokens: Token[], end: number): boolean {
  const t = tokens[end];
  return t !== undefined && (t.text === '(' || t.text === '—' || t.text === ':');
}

// Walks back to the nearest name or pronoun that is not possessive and not the object of a preposition.
function nearestSubject(tokens: Token[], s: number, cue: number): NounPhrase | null {
  for (let k = cue - 1; k >= s && cue - k <= 40; k--) {
    const t = tokens[k];
    // a possessor and its title qualify what they own: "Libertarian presidential candidate
    // Gary Johnson's doctor" names no speaker before "doctor"
    if (t.kind === 'word' && t.cap && t.poss) {
      const g = groupBefore(tokens, k, s);
      if (g >= 0 && g < k) k = g;
      continue;
    }
    if (t.kind !== 'word' || !(t.cap || PRONOUNS[t.lower] !== undefined) || t.poss) continue;
    // inside a longer name ("Armed" of "House Armed Services Committee"), or a modifier, not
    // a subject ("a Sanders supporter")
    const next = tokens[k + 1];
    if (t.cap && next?.kind === 'word' && next.cap) continue;
    if (t.cap && /^(a|an)$/.test(tokens[k - 1]?.lower ?? '')) continue;
    const np = subjectEndingAt(tokens, k, s);
    if (!np || np.kind === 'description') continue;
    if (np.kind === 'phrase' && np.phrase.org) continue;
    // "on Nova Scotia's South Shore", "at L.A.'s Regent Theater": what a possessive
    // owns is a place or a thing here; the preposition before the owner decides
    let b = np.start - 1;
    if (np.kind === 'phrase' && ownedName(tokens, np.phrase.nameStart)) continue;
    while (b >= s && tokens[b].kind === 'word' && tokens[b].cap) b--;
    const prev = tokens[np.start - 1];
    if (prev && prev.kind === 'word' && PREPOSITIONS.has(prev.lower)) continue;
    if (b < np.start - 1 && tokens[b]?.kind === 'word' && PREPOSITIONS.has(tokens[b].lower))
      continue;
    return np;
  }
  return null;
}

// "to say", "and said": the subject is the clause's, not the word before.
export function takesClauseSubject(prev: { kind: string; lower: string } | undefined): boolean {
  return (
    prev !== undefined &&
    prev.kind === 'word' &&
    ['to', 'and', 'but', 'then', 'or'].includes(prev.lower)
  );
}

// The subject a sentence opens with (after a dateline or a fronted adverbial), or null.
export function openingSubject(ctx: Context, s: number): NounPhrase | null {
  const tokens = ctx.tokens;
  const start = ctx.sentenceSpan[2 * s];
  const end = ctx.sentenceSpan[2 * s + 1];
  if (start < 0) return null;
  const from = afterIntro(tokens, afterDateline(tokens, start, end), end);
  return subjectStartingAt(tokens, from, end);
}

// The name right after a possessive: "Nova Scotia's South Shore", "L.A.’s Regent Theater"
// (an abbreviation's possessive comes apart as "L.A", ".", "s").
function ownedName(tokens: Token[], nameStart: number): boolean {
  const prev = tokens[nameStart - 1];
  if (!prev) return false;
  return prev.poss || (prev.lower === 's' && tokens[nameStart - 2]?.text === '.');
}
