import type { Attribution } from '../attribution';
import type { Context } from '../context';
import { attributionFrom } from '../make';
import { skipAuxBack, subjectEndingAt } from '../noun-phrase';
import { isCueAt, isPassiveAt, opensSubordinate, sentenceBounds } from '../spans';

const PARTICIPLE_ENDING = /ing$/;

// "Sam Lau … said in a statement. “There are no paper ballots to recount.”":
// a quote that opens a sentence right after a report in the same paragraph.
export function previousSentence(ctx: Context, quote: number): Attribution | null {
  const tokens = ctx.tokens;
  const ti = ctx.quoteToken[quote];
  const [s] = sentenceBounds(ctx, ti);
  if (s !== ti || ti === 0 || tokens[ti - 1].kind === 'break') return null;
  const [ps] = sentenceBounds(ctx, ti - 1);
  for (let k = ti - 1; k >= ps; k--) {
    if (tokens[k].kind === 'quote') return null;
    if (!isCueAt(tokens, k) || PARTICIPLE_ENDING.test(tokens[k].lower)) continue;
    if (isPassiveAt(tokens, k, ps)) continue; // "he was formally called to": described
    const np = subjectEndingAt(tokens, skipAuxBack(tokens, k - 1, ps), ps);
    // "…, after de Blasio stated an interest in …": a report inside a subordinate clause
    // is background; the sentence's own report is further back
    if (np && opensSubordinate(tokens, np.start)) continue;
    if (np) return attributionFrom(ctx, np, 'previous-sentence', k, k + 1, 0.65);
  }
  return null;
}
