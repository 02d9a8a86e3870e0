import type { Attribution } from '../attribution';
import { writtenLowerCase, type Context } from '../context';
import { attributionFrom, unnamedAttribution } from '../make';
import { skipAuxBack, subjectEndingAt, subjectStartingAt, type NounPhrase } from '../noun-phrase';
import { clauseSubject, takesClauseSubject } from '../clause-subject';
import { isAccordingTo, isOwnedAt, isPassiveAt, paragraphBounds, sentenceBounds } from '../spans';
import {
  isInvertible,
  isParticleCue,
  isSpeechParticiple,
  isSpeechVerb,
} from '../../lexicon/en/speech-verbs';
import { groupBefore } from '../../people/groups';
import { isFullName } from '../../people/phrase';
import { isAbbreviation } from '../../text/sentences';

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
  const according = accordingBefore(ctx, k, floor) ?? namedLabel(ctx, ti, floor);
  if (according) return according;
  for (let j = k; j >= floor && k - j < MAX_GAP; j--) {
    const t = tokens[j];
    if (
      t.kind !== 'word' &&
      !(
        t.kind === 'punct' &&
        t.text === '.' &&
        tokens[j - 1]?.end === t.start &&
        isAbbreviation(tokens[j - 1])
      )
    )
      return colonClause(ctx, ti);
    if (t.cap && isInvertible(t.lower) && (j === floor || ctx.sentence[j - 1] !== ctx.sentence[j]))
      return invertedOpening(ctx, j, k + 1);
    if (t.cap) continue;
    const finite =
      (isSpeechVerb(t.lower) || isParticleCue(t.lower, tokens[j + 1]?.lower)) &&
      !isOwnedAt(tokens, j);
    if (finite && !takesClauseSubject(tokens[j - 1]))
      return subjectOf(ctx, j, floor) ?? coordinated(ctx, j);
    if (isSpeechParticiple(t.lower) || finite) {
      const np = clauseSubject(ctx, j);
      return np ? attributionFrom(ctx, np, 'cue-before', j, j + 1, 0.85) : null;
    }
  }
  return colonClause(ctx, ti);
}

// The colon's sentence is about its subject: a lone word must open the sentence (or its
// clause after a dateline dash), not sit in a prepositional phrase ("a photo of the big
// Lithuanian on social media with two words: “…”"); a full name may stand anywhere.
function opensClause(ctx: Context, np: NounPhrase & { kind: 'phrase' }): boolean {
  const [s] = sentenceBounds(ctx, np.start);
  if (np.start === s) return true;
  const prev = ctx.tokens[np.start - 1];
  return prev !== undefined && (prev.text === '—' || prev.text === '--' || prev.text === ':');
}

// "Governance lassitude was …: “…”", "Two other entries made it: “…”": a capitalised
// word that opens the sentence and that the text also writes in lower case is no name.
function isCommonWord(ctx: Context, np: NounPhrase & { kind: 'phrase' }): boolean {
  const { nameStart, nameEnd } = np.phrase;
  if (nameEnd - nameStart !== 1) return false;
  const t = ctx.tokens[nameStart];
  if (/^\d|^(one|two|three|four|five|six|seven|eight|nine|ten)$/.test(t.lower)) return true;
  const [s] = sentenceBounds(ctx, nameStart);
  return nameStart === s && writtenLowerCase(ctx, t.lower);
}

// "Mitch McConnell, R-Ky., delivered a blunt message to Trump: “…”": a
// sentence that ends in a colon introduces its subject's words.
function colonClause(ctx: Context, ti: number): Attribution | null {
  if (ctx.tokens[ti - 1]?.text !== ':') return null;
  const np = clauseSubject(ctx, ti - 1);
  if (
    !np ||
    np.kind !== 'phrase' ||
    np.phrase.kind !== 'name' ||
    isCommonWord(ctx, np) ||
    !(opensClause(ctx, np) || isFullName(ctx.tokens, np.phrase))
  )
    return subordinateColon(ctx, ti);
  return attributionFrom(ctx, np, 'cue-before', ti - 1, ti, 0.7);
}

const SUBORDINATORS = new Set(['when', 'as', 'after', 'before', 'once', 'while', 'until']);
const MAX_CLAUSE = 12; // tokens from the subordinator to the colon

// "Governance lassitude was on display when Musk again took to Twitter with this: “…”":
// the colon ends a subordinate clause, whose subject is the one named right after its
// subordinator (a known person's name), not the sentence's opening words.
function subordinateColon(ctx: Context, ti: number): Attribution | null {
  const tokens = ctx.tokens;
  const [s] = sentenceBounds(ctx, ti - 1);
  for (let k = ti - 2; k > s && ti - k <= MAX_CLAUSE; k--) {
    const t = tokens[k];
    if (t.kind !== 'word') return null;
    if (!SUBORDINATORS.has(t.lower) || t.cap) continue;
    const np = subjectStartingAt(tokens, k + 1, ti - 1);
    if (!np || np.kind !== 'phrase' || np.phrase.kind !== 'name' || np.phrase.org) return null;
    const known = ctx.registry.mentions.byStart.get(np.phrase.nameStart)?.person;
    if (!known?.personal) return null;
    return attributionFrom(ctx, np, 'cue-before', ti - 1, ti, 0.7);
  }
  return null;
}

// "He was also described as “…”": the subject of a passive is described, not speaking;
// the quote stays attributed speech with nobody named.
// "Demi apologized to her face and then, behind her back, sniffed that “…”": a verb after
// "and …," with no subject of its own shares the clause's subject.
function coordinated(ctx: Context, verb: number): Attribution | null {
  const [s] = sentenceBounds(ctx, verb);
  const tokens = ctx.tokens;
  if (tokens[verb - 1]?.text !== ',') return null;
  for (let k = verb - 2; k > s && verb - k <= 8; k--) {
    if (tokens[k].kind !== 'word' && tokens[k].text !== ',') return null;
    if (tokens[k].lower === 'and' || tokens[k].lower === 'but') {
      const np = clauseSubject(ctx, verb);
      return np && np.kind !== 'description'
        ? attributionFrom(ctx, np, 'cue-before', verb, verb + 1, 0.85)
        : null;
    }
  }
  return null;
}

function subjectOf(ctx: Context, verb: number, floor: number): Attribution | null {
  const np = subjectEndingAt(ctx.tokens, skipAuxBack(ctx.tokens, verb - 1, floor), floor);
  if (!np) return null;
  if (isPassiveAt(ctx.tokens, verb, floor)) return unnamedAttribution(ctx, 'cue-before', verb, 0.9);
  return attributionFrom(ctx, np, 'cue-before', verb, verb + 1, 0.9);
}

// "Said Comey, “…”": a sentence that opens with the verb.
function invertedOpening(ctx: Context, verb: number, ceil: number): Attribution | null {
  const np = subjectStartingAt(ctx.tokens, verb + 1, ceil);
  return np ? attributionFrom(ctx, np, 'cue-before', verb, verb + 1, 0.9) : null;
}

// "Former secretary of state Hillary Rodham Clinton: “…”", "Bush: “…”": a name
// standing alone before a colon, as in a transcript.
function namedLabel(ctx: Context, ti: number, floor: number): Attribution | null {
  const tokens = ctx.tokens;
  if (tokens[ti - 1]?.text !== ':') return null;
  // the name's own start is the floor, so "from" before it does not make it an object
  const s = groupBefore(tokens, ti - 2, floor);
  let np = s >= floor ? subjectEndingAt(tokens, ti - 2, s) : null;
  // "More from Blumenthal and Cohen:", "- Frank Newport and Jim Harter:": two people
  if (np?.kind === 'phrase' && tokens[np.start - 1]?.lower === 'and' && np.start - 2 >= floor) {
    const s2 = groupBefore(tokens, np.start - 2, floor);
    const joined = s2 >= floor ? subjectEndingAt(tokens, ti - 2, s2) : null;
    if (joined?.kind === 'joined') np = joined;
  }
  if (!np || !(np.kind === 'joined' || (np.kind === 'phrase' && np.phrase.kind === 'name')))
    return null;
  // "From Bush's Facebook post:", "More from Jones:"
  const start = tokens[np.start - 1]?.lower === 'from' ? fromStart(tokens, np.start - 1) : np.start;
  const prev = tokens[start - 1];
  // "A lesson from Loretta Lynch: ‘…’": words that come from someone, wherever the label starts
  const from =
    tokens[np.start - 1]?.lower === 'from' &&
    (np.kind === 'joined' || isFullName(tokens, np.phrase));
  const opens =
    from ||
    start === floor ||
    (prev !== undefined &&
      (ctx.sentence[start - 1] !== ctx.sentence[start] || '—–-―'.includes(prev.text)));
  return opens ? attributionFrom(ctx, np, 'cue-before', ti - 1, ti, 0.8) : null;
}

function fromStart(tokens: { lower: string }[], from: number): number {
  return tokens[from - 1]?.lower === 'more' ? from - 1 : from;
}

// "according to Name, “…”"
function accordingBefore(ctx: Context, k: number, floor: number): Attribution | null {
  const s = groupBefore(ctx.tokens, k, floor);
  if (s < 0 || !isAccordingTo(ctx.tokens, s - 2)) return null;
  const np = subjectEndingAt(ctx.tokens, k, s);
  return np ? attributionFrom(ctx, np, 'cue-before', s - 2, s, 0.9) : null;
}
