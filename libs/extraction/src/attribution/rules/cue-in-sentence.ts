import type { Attribution } from '../attribution';
import type { Context } from '../context';
import { attributionFrom } from '../make';
import { skipAuxBack, subjectEndingAt, subjectStartingAt, type NounPhrase } from '../noun-phrase';
import { isAccordingTo, isCueAt, isPassiveAt, sentenceBounds } from '../spans';
import {
  isInvertible,
  isSpeechParticiple,
  PARTICLE_VERBS,
  WEAK_VERBS,
} from '../../lexicon/en/speech-verbs';
import { clauseSubject, takesClauseSubject } from '../clause-subject';

// A speech verb anywhere in the quote's sentence, the nearest first: partial
// quotes inside a paraphrase ("Posner said human rights could not “…”").
export function cueInSentence(ctx: Context, quote: number): Attribution | null {
  const ti = ctx.quoteToken[quote];
  const [s, e] = sentenceBounds(ctx, ti);
  for (const k of byDistance(ti, s, e)) {
    const t = ctx.tokens[k];
    // "a young woman who suggested that …": a cue in a relative clause is that clause's
    if (RELATIVES.has(ctx.tokens[k - 1]?.lower ?? '') && k < ti) continue;
    const np = isAccordingTo(ctx.tokens, k)
      ? subjectStartingAt(ctx.tokens, k + 2, e)
      : isCueAt(ctx.tokens, k) && usable(t.lower, k, ti)
        ? subjectOfCue(ctx, k, s, e)
        : null;
    if (np && isPassiveAt(ctx.tokens, k, s)) return null; // described, not speaking
    if (np) return attributionFrom(ctx, np, 'cue-in-sentence', k, k + 1, k < ti ? 0.8 : 0.75);
  }
  return null;
}

// Weak verbs ("called", "described") only introduce what follows them.
function usable(lower: string, k: number, ti: number): boolean {
  return !WEAK_VERBS.has(lower) || k < ti;
}

const RELATIVES = new Set(['who', 'which', 'whom']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', "'re", "'s"]);

const MAX_DISTANCE = 60; // tokens either side; bounds the work per quote

function* byDistance(ti: number, s: number, e: number): Generator<number> {
  for (let d = 1; d <= MAX_DISTANCE && (ti - d >= s || ti + d < e); d++) {
    if (ti - d >= s) yield ti - d;
    if (ti + d < e) yield ti + d;
  }
}

function subjectOfCue(ctx: Context, k: number, s: number, e: number): NounPhrase | null {
  const tokens = ctx.tokens;
  // participles and infinitives ("…, going on to say") take the clause's subject; a
  // progressive ("what some are criticizing as") has its own, before the auxiliary
  const progressive = isSpeechParticiple(tokens[k].lower) && BE.has(tokens[k - 1]?.lower ?? '');
  if (!progressive && (isSpeechParticiple(tokens[k].lower) || takesClauseSubject(tokens[k - 1])))
    return clauseSubject(ctx, k);
  const before = subjectEndingAt(tokens, skipAuxBack(tokens, k - 1, s), s);
  if (before || !isInvertible(tokens[k].lower)) return before;
  const after =
    PARTICLE_VERBS[tokens[k].lower] && tokens[k + 1]?.lower === PARTICLE_VERBS[tokens[k].lower]
      ? k + 2
      : k + 1;
  return subjectStartingAt(tokens, after, e);
}
