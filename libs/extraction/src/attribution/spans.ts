import type { Context } from './context';
import { isParticleCue } from '../lexicon/en/speech-verbs';
import * as lexicon from '../lexicon/classify';
import { NAME_PARTICLES, POSSESSIVE_DETERMINERS, SUBORDINATORS } from '../lexicon/en/words';

// Read once: imported bindings are getters in some module loaders.
const CUE = lexicon.FLAGS.SPEECH | lexicon.FLAGS.PARTICIPLE;
const { PARTICLE_VERB, BASE_VERB, PRONOUN, PARTICIPLE, DETERMINER, AUX } = lexicon.FLAGS;
const BASE_BEFORE = new Set([
  'to',
  'not',
  "n't",
  'did',
  'do',
  'does',
  'would',
  'will',
  'can',
  'could',
  'should',
  'might',
  'must',
  'also',
  'often',
  'never',
  'and',
]);
import type { Token } from '../text/tokens';

// Token bounds of the paragraph around token i: [start, end).
export function paragraphBounds(ctx: Context, i: number): [number, number] {
  const p = ctx.paragraph[i];
  return [ctx.paragraphSpan[2 * p], ctx.paragraphSpan[2 * p + 1]];
}

export function sentenceBounds(ctx: Context, i: number): [number, number] {
  const n = ctx.sentence[i];
  return [ctx.sentenceSpan[2 * n], ctx.sentenceSpan[2 * n + 1]];
}

// A lower-case speech verb or participle (a capitalised "Said" opens a sentence or a name).
export function isCueAt(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (t.kind !== 'word' || t.cap) return false;
  const cue =
    (t.f & CUE) !== 0 ||
    ((t.f & PARTICLE_VERB) !== 0
      ? isParticleCue(t.lower, tokens[k + 1]?.lower)
      : (t.f & BASE_VERB) !== 0 && isBaseVerbAt(tokens, k));
  return cue && !isOwnedAt(tokens, k);
}

// "Trump's comments", "her remarks": a word owned by a possessive is a noun, not a verb.
export function isOwnedAt(tokens: Token[], k: number): boolean {
  const prev = tokens[k - 1];
  return (
    prev !== undefined &&
    prev.kind === 'word' &&
    (prev.poss || POSSESSIVE_DETERMINERS.has(prev.lower))
  );
}

// "Obama and Clinton call them", "they say", "did not say": a subject or an
// auxiliary makes a base form a verb.
function isBaseVerbAt(tokens: Token[], k: number): boolean {
  const prev = tokens[k - 1];
  if (!prev || prev.kind !== 'word') return false;
  // "in a Friday tweet": a capitalised modifier after a determiner makes a noun phrase
  if (prev.cap) {
    const before = tokens[k - 2];
    return !(before !== undefined && before.kind === 'word' && (before.f & DETERMINER) !== 0);
  }
  return (prev.f & PRONOUN) !== 0 || BASE_BEFORE.has(prev.lower);
}

export function isAccordingTo(tokens: Token[], k: number): boolean {
  return tokens[k]?.lower === 'according' && tokens[k + 1]?.lower === 'to';
}

// A cue in [s, e) that may bring in someone else. Participles ("…, noting")
// hang off the speaker already named, and ", asked about …" is passive.
export function hasCueBetween(ctx: Context, s: number, e: number): boolean {
  const tokens = ctx.tokens;
  for (let k = s; k < e; k++) {
    if (isAccordingTo(tokens, k)) return true;
    if (!isCueAt(tokens, k) || (tokens[k].f & PARTICIPLE) !== 0) continue;
    if (
      tokens[k - 1]?.text === ',' ||
      PASSIVE_INTRO.has(tokens[k - 1]?.lower ?? '') ||
      inAsClause(tokens, k) ||
      inRelativeClause(tokens, k, s) ||
      inSubordinateClause(tokens, k, s) ||
      tokens[k - 1]?.lower === 'to' || // "a term Rubio has used to describe Trump": no subject of its own
      isNamingParticiple(tokens, k)
    )
      continue;
    return true;
  }
  return false;
}

// "a group called Citizens for Trump": a participle naming a thing, no speech.
function isNamingParticiple(tokens: Token[], k: number): boolean {
  const noun = tokens[k - 1];
  const det = tokens[k - 2];
  return (
    tokens[k].lower === 'called' &&
    noun?.kind === 'word' &&
    !noun.cap &&
    det?.kind === 'word' &&
    (det.f & DETERMINER) !== 0 &&
    tokens[k + 1]?.cap === true
  );
}

// ", after de Blasio stated an interest …", "when he said …": a report in a subordinate clause
// is background to the sentence's own; it brings in no new speaker.
function inSubordinateClause(tokens: Token[], k: number, floor: number): boolean {
  let j = k - 1;
  while (j >= floor && tokens[j].kind === 'word' && (tokens[j].f & AUX) !== 0) j--;
  const subjectEnd = j;
  while (
    j >= floor &&
    tokens[j].kind === 'word' &&
    (tokens[j].cap || NAME_PARTICLES.has(tokens[j].lower) || (tokens[j].f & PRONOUN) !== 0)
  )
    j--;
  return j < subjectEnd && j >= floor && opensSubordinate(tokens, j + 1);
}

// The subject that starts at `start` follows a subordinator: "after de Blasio", "when he".
export function opensSubordinate(tokens: Token[], start: number): boolean {
  let b = start - 1;
  if (NAME_PARTICLES.has(tokens[b]?.lower ?? '') && !tokens[b].cap) b--;
  const t = tokens[b];
  return t !== undefined && t.kind === 'word' && SUBORDINATORS.has(t.lower);
}

const MAX_RELATIVE = 12; // tokens from ", who" to a verb of its clause

// "said Army Capt. Christian Pardo, who said he would not vote …": a verb in a relative clause
// says more about someone already named; it brings in no one new.
export function inRelativeClause(tokens: Token[], k: number, floor: number): boolean {
  for (let j = k - 1; j >= floor && k - j <= MAX_RELATIVE; j--) {
    const t = tokens[j];
    if (
      t.kind === 'quote' ||
      t.kind === 'break' ||
      (t.kind === 'punct' && '.;:!?'.includes(t.text))
    )
      return false;
    if (t.lower === 'who' && tokens[j - 1]?.kind === 'word') return true;
    if ((t.lower === 'who' || t.lower === 'which') && tokens[j - 1]?.text === ',') return true;
  }
  return false;
}

// "…, as the crowd cheered": a clause about the scene, not a new speaker.
function inAsClause(tokens: Token[], k: number): boolean {
  for (let j = k - 1; j >= 0 && k - j <= 4; j--) {
    const t = tokens[j];
    if (t.kind !== 'word') return false;
    if (t.lower === 'as' || t.lower === 'while') return tokens[j - 1]?.text === ',';
  }
  return false;
}

const PASSIVE_INTRO = new Set([
  'when',
  'if',
  'as',
  'after',
  'before',
  'once',
  'while',
  'was',
  'were',
  'being',
  'been',
]);

const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

// "He was also described as “lacking a conscience”": a past participle after a form of
// "be" is passive; its subject is described, not speaking ("quoted as saying" aside).
export function isPassiveAt(tokens: Token[], verb: number, floor: number): boolean {
  const t = tokens[verb];
  if (t.kind !== 'word' || !/ed$/.test(t.lower) || t.lower === 'quoted') return false;
  for (let k = verb - 1; k >= floor && verb - k <= 3; k--) {
    const w = tokens[k];
    if (w.kind !== 'word') return false;
    if (BE_FORMS.has(w.lower)) return true;
    if (!PASSIVE_ADVERBS.has(w.lower) && !/^\p{Ll}{3,}ly$/u.test(w.text)) return false;
  }
  return false;
}

const PASSIVE_ADVERBS = new Set([
  'also',
  'often',
  'once',
  'widely',
  'repeatedly',
  'later',
  'since',
  'previously',
  'never',
  'not',
]);
