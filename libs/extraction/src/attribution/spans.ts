import type { Context } from './context';
import { isParticleCue } from '../lexicon/speech-verbs';
import * as lexicon from '../lexicon/classify';

// Read once: imported bindings are getters in some module loaders.
const CUE = lexicon.FLAGS.SPEECH | lexicon.FLAGS.PARTICIPLE;
const PARTICLE_VERB = lexicon.FLAGS.PARTICLE_VERB;
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
  return t.kind === 'word' && !t.cap && ((t.f & CUE) !== 0 || ((t.f & PARTICLE_VERB) !== 0 && isParticleCue(t.lower, tokens[k + 1]?.lower)));
}

export function isAccordingTo(tokens: Token[], k: number): boolean {
  return tokens[k]?.lower === 'according' && tokens[k + 1]?.lower === 'to';
}

// Any cue word in [s, e): the signal that someone else may be speaking.
export function hasCueBetween(ctx: Context, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (isCueAt(ctx.tokens, k) || isAccordingTo(ctx.tokens, k)) return true;
  return false;
}
