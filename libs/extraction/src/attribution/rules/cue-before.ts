import type { Attribution } from '../attribution';
import type { Context } from '../context';
import { attributionFrom } from '../make';
import { skipAuxBack, subjectEndingAt } from '../noun-phrase';
import { clauseSubject } from './clause-subject';
import { isAccordingTo, paragraphBounds } from '../spans';
import { isParticleCue, isSpeechParticiple, isSpeechVerb } from '../../lexicon/speech-verbs';
import { groupBefore } from '../../people/groups';

const INTRO_PUNCT = new Set([',', ':', '—', '–']);
const MAX_GAP = 8; // "wrote in an email on Tuesday: “…”"

// NAME said: “…” / NAME told reporters, “…” / …, saying “…” / according to NAME, “…”
export function cueBefore(ctx: Context, quote: number): Attribution | null {
  const ti = ctx.quoteToken[quote];
  const [floor] = paragraphBounds(ctx, ti);
  const tokens = ctx.tokens;
  let k = ti - 1;
  if (k >= floor && INTRO_PUNCT.has(tokens[k].text)) k--;
  if (k >= floor && tokens[k].lower === 'that') k--;
  const according = accordingBefore(ctx, k, floor);
  if (according) return according;
  for (let j = k; j >= floor && k - j < MAX_GAP; j--) {
    const t = tokens[j];
    if (t.kind !== 'word' && !(t.kind === 'punct' && t.text === '.' && tokens[j - 1]?.end === t.start)) return null;
    if (t.cap) continue;
    const finite = isSpeechVerb(t.lower) || isParticleCue(t.lower, tokens[j + 1]?.lower);
    if (finite && !takesClauseSubject(tokens[j - 1])) return subjectOf(ctx, j, floor);
    if (isSpeechParticiple(t.lower) || finite) {
      const np = clauseSubject(ctx, j);
      return np ? attributionFrom(ctx, np, 'cue-before', j, j + 1, 0.85) : null;
    }
  }
  return null;
}

// "to say", "and said": the subject is the clause's, not the word before.
export function takesClauseSubject(prev: { kind: string; lower: string } | undefined): boolean {
  return prev !== undefined && prev.kind === 'word' && ['to', 'and', 'but', 'then', 'or'].includes(prev.lower);
}

function subjectOf(ctx: Context, verb: number, floor: number): Attribution | null {
  const np = subjectEndingAt(ctx.tokens, skipAuxBack(ctx.tokens, verb - 1, floor), floor);
  return np ? attributionFrom(ctx, np, 'cue-before', verb, verb + 1, 0.9) : null;
}

// "according to Name, “…”"
function accordingBefore(ctx: Context, k: number, floor: number): Attribution | null {
  const s = groupBefore(ctx.tokens, k, floor);
  if (s < 0 || !isAccordingTo(ctx.tokens, s - 2)) return null;
  const np = subjectEndingAt(ctx.tokens, k, s);
  return np ? attributionFrom(ctx, np, 'cue-before', s - 2, s, 0.9) : null;
}
