import type { Attribution } from '../attribution';
import type { Context } from '../context';
import { hasCueBetween, paragraphBounds } from '../spans';

// A paragraph that opens with an uncued quote continues the speaker of the
// previous paragraph's last attributed quote.
export function continuation(
  ctx: Context,
  quote: number,
  done: readonly (Attribution | null)[],
): Attribution | null {
  const ti = ctx.quoteToken[quote];
  const [s, e] = paragraphBounds(ctx, ti);
  if (ti !== s || hasCueBetween(ctx, s, e)) return null;
  const para = ctx.paragraph[ti];
  for (let q = quote - 1; q >= 0; q--) {
    const qt = ctx.quoteToken[q];
    const p = ctx.paragraph[qt];
    if (p === para) continue;
    if (p !== para - 1) return null;
    const a = done[q];
    if (!a) return null;
    const [, pe] = paragraphBounds(ctx, qt);
    if (hasCueBetween(ctx, Math.max(qt, a.cueToken) + 1, pe)) return null;
    return {
      ...a,
      yieldsTo: undefined,
      rule: 'continuation',
      confidence: Math.round(a.confidence * 0.7 * 100) / 100,
    };
  }
  return null;
}
