import type { Attribution } from '../attribution';
import type { Context } from '../context';
import { attributionFrom } from '../make';
import { skipAuxBack, subjectEndingAt, subjectStartingAt } from '../noun-phrase';
import { isCueWord, sentenceBounds } from '../spans';

// A paragraph that ends "NAME said:" introduces the quote paragraph after it.
export function colonIntro(ctx: Context, quote: number): Attribution | null {
  const tokens = ctx.tokens;
  let k = ctx.quoteToken[quote] - 1;
  if (k < 0 || tokens[k].kind !== 'break') return null;
  while (k >= 0 && tokens[k].kind === 'break') k--;
  if (k < 0 || tokens[k].text !== ':') return null;
  const [s] = sentenceBounds(ctx, k);
  for (let j = k - 1; j >= s; j--) {
    if (!isCueWord(tokens[j])) continue;
    const np = subjectEndingAt(tokens, skipAuxBack(tokens, j - 1, s), s) ?? subjectStartingAt(tokens, j + 1, k);
    if (np) return attributionFrom(ctx, np, 'colon-intro', j, j + 1, 0.8);
  }
  return null;
}
