import type { Attribution } from '../attribution';
import type { Context } from '../context';
import { hasCueBetween } from '../spans';

const MAX_HOPS = 6; // keeps long runs of quotes linear

// An uncued quote shares the speaker of the nearest attributed quote in its
// paragraph, unless a cue for someone else stands between them.
export function sameParagraph(
  ctx: Context,
  quote: number,
  done: readonly (Attribution | null)[],
): Attribution | null {
  const ti = ctx.quoteToken[quote];
  const para = ctx.paragraph[ti];
  for (
    let q = quote - 1;
    q >= 0 && quote - q <= MAX_HOPS && ctx.paragraph[ctx.quoteToken[q]] === para;
    q--
  ) {
    const a = done[q];
    if (!a) continue;
    const from = Math.max(ctx.quoteToken[q], a.cueToken) + 1;
    return hasCueBetween(ctx, from, ti) ? null : inherit(a);
  }
  for (
    let q = quote + 1;
    q < ctx.quotes.length && q - quote <= MAX_HOPS && ctx.paragraph[ctx.quoteToken[q]] === para;
    q++
  ) {
    const a = done[q];
    if (!a) continue;
    const to = a.cueToken >= 0 ? Math.min(ctx.quoteToken[q], a.cueToken) : ctx.quoteToken[q];
    return hasCueBetween(ctx, ti + 1, to) ? null : inherit(a);
  }
  return null;
}

function inherit(a: Attribution): Attribution {
  return {
    ...a,
    yieldsTo: undefined,
    rule: 'same-paragraph',
    confidence: Math.round(a.confidence * 0.8 * 100) / 100,
  };
}
