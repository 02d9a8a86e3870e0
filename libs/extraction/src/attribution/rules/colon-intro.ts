import type { Attribution } from '../attribution';
import type { Context } from '../context';
import { attributionFrom } from '../make';
import { skipAuxBack, subjectEndingAt, subjectStartingAt } from '../noun-phrase';
import { clauseSubject } from '../clause-subject';
import { isCueAt, sentenceBounds } from '../spans';
import { isInvertible } from '../../lexicon/en/speech-verbs';

// A paragraph that ends "NAME said:" (or "NAME released the following
// statement:") introduces the quote paragraph after it.
export function colonIntro(ctx: Context, quote: number): Attribution | null {
  const tokens = ctx.tokens;
  let k = ctx.quoteToken[quote] - 1;
  if (k < 0 || tokens[k].kind !== 'break') return null;
  while (k >= 0 && tokens[k].kind === 'break') k--;
  if (k < 0 || tokens[k].text !== ':') return null;
  const [s] = sentenceBounds(ctx, k);
  for (let j = k - 1; j >= s && k - j <= 60; j--) {
    if (!isCueAt(tokens, j)) continue;
    const np =
      subjectEndingAt(tokens, skipAuxBack(tokens, j - 1, s), s) ??
      (isInvertible(tokens[j].lower) ? subjectStartingAt(tokens, j + 1, k) : null);
    if (np) return attributionFrom(ctx, np, 'colon-intro', j, j + 1, 0.8);
  }
  const np = clauseSubject(ctx, k);
  return np && np.kind !== 'description'
    ? attributionFrom(ctx, np, 'colon-intro', k, k + 1, 0.7)
    : null;
}
