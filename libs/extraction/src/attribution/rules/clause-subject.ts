import type { Context } from '../context';
import { skipAuxBack, subjectEndingAt, subjectStartingAt, type NounPhrase } from '../noun-phrase';
import { sentenceBounds } from '../spans';
import { isSpeechVerb } from '../../lexicon/speech-verbs';

// The subject a participle cue hangs off ("Trump … confirmed …, saying ‘…’"):
// the subject of an earlier speech verb in the sentence, else the sentence's first phrase.
export function clauseSubject(ctx: Context, participle: number): NounPhrase | null {
  const tokens = ctx.tokens;
  const [s] = sentenceBounds(ctx, participle);
  const opening = subjectStartingAt(tokens, s, participle);
  if (opening && opening.kind !== 'description') return opening;
  for (let k = participle - 1; k > s; k--) {
    if (tokens[k].kind === 'word' && !tokens[k].cap && isSpeechVerb(tokens[k].lower)) {
      const np = subjectEndingAt(tokens, skipAuxBack(tokens, k - 1, s), s);
      if (np) return np;
    }
  }
  const comma = introComma(ctx, s, participle);
  return comma > 0 ? subjectStartingAt(tokens, comma + 1, participle) : null;
}

// "On Tuesday, Trump tweeted …": the comma that closes an opening phrase.
function introComma(ctx: Context, s: number, limit: number): number {
  for (let k = s; k < limit && k - s <= 8; k++) if (ctx.tokens[k].text === ',') return k;
  return -1;
}
