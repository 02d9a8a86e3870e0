import type { Attribution, RuleName } from './attribution';
import type { Context } from './context';
import type { NounPhrase } from './noun-phrase';
import { resolveSource } from './source';

// Confidence drops when the source is only a pronoun or a description.
export function attributionFrom(
  ctx: Context,
  np: NounPhrase,
  rule: RuleName,
  cueStart: number,
  cueEnd: number,
  base: number,
): Attribution {
  const source = resolveSource(ctx, np);
  const cue = ctx.tokens
    .slice(cueStart, cueEnd)
    .map((t) => t.text)
    .join(' ');
  const factor = source.pronoun ? 0.9 : source.person ? 1 : 0.8;
  return {
    source,
    rule,
    cue,
    cueToken: cueStart,
    confidence: Math.round(base * factor * 100) / 100,
  };
}

// A cue whose speaker the text does not give ("He was described as “…”"): the quote is
// attributed speech, but nobody is named.
export function unnamedAttribution(
  ctx: Context,
  rule: RuleName,
  cueStart: number,
  base: number,
): Attribution {
  return {
    source: {
      person: null,
      description: null,
      mention: '',
      role: null,
      organization: null,
      pronoun: false,
      via: 'name',
    },
    rule,
    cue: ctx.tokens[cueStart].text,
    cueToken: cueStart,
    confidence: base,
  };
}
