import type { Attribution } from '../attribution';
import type { Context } from '../context';
import type { Person } from '../../people/person';
import { lastBefore } from '../../people/mentions';
import { hasCueBetween, paragraphBounds } from '../spans';

// A paragraph that opens with an uncued quote continues the speaker of the
// previous paragraph's last attributed quote. One paragraph of narration may stand between
// them when it brings in no one: no quote, no cue, no name or pronoun (`"…," Garland said.
// ¶ "…" ¶ The fallout from a stroke was the largest. ¶ "And if you looked at …"`), or
// when it is a pull quote credited to the same speaker: a paragraph that ends in the
// speaker's name with no full stop (`"…," she said. ¶ He has a record of violence.
// District Attorney Caroline Wojtaszek ¶ "We're confined by …"`).
export function continuation(
  ctx: Context,
  quote: number,
  done: readonly (Attribution | null)[],
): Attribution | null {
  const ti = ctx.quoteToken[quote];
  const [s, e] = paragraphBounds(ctx, ti);
  if (ti !== s || hasCueBetween(ctx, s, e)) return null;
  const para = ctx.paragraph[ti];
  let bridged = false;
  for (let q = quote - 1; q >= 0; q--) {
    const qt = ctx.quoteToken[q];
    const p = ctx.paragraph[qt];
    if (p === para) continue;
    const a = done[q];
    if (p === para - 2 && a && (bringsInNoOne(ctx, s) || creditedTo(ctx, s, a.source.person)))
      bridged = true;
    else if (p !== para - 1) return null;
    if (!a) return null;
    const [, pe] = paragraphBounds(ctx, qt);
    if (hasCueBetween(ctx, Math.max(qt, a.cueToken) + 1, pe)) return null;
    return {
      ...a,
      yieldsTo: undefined,
      rule: 'continuation',
      confidence: Math.round(a.confidence * (bridged ? 0.6 : 0.7) * 100) / 100,
    };
  }
  return null;
}

const PERSONAL = new Set(['he', 'she', 'they', 'him', 'her', 'them', 'his', 'their', 'i', 'we']);

// The paragraph just before token `s` (a paragraph start): narration that names no one, i.e.
// no quote, no cue, no personal pronoun, and no capitalised word but a sentence's first.
function bringsInNoOne(ctx: Context, s: number): boolean {
  const tokens = ctx.tokens;
  let k = s - 1;
  while (k >= 0 && tokens[k].kind === 'break') k--;
  if (k < 0) return false;
  const [ps, pe] = paragraphBounds(ctx, k);
  if (hasCueBetween(ctx, ps, pe)) return false;
  for (let j = ps; j < pe; j++) {
    const t = tokens[j];
    if (t.kind === 'quote') return false;
    if (t.kind !== 'word') continue;
    if (PERSONAL.has(t.lower)) return false;
    if (t.cap && j > ps && ctx.sentence[j - 1] === ctx.sentence[j]) return false;
  }
  return true;
}

// The paragraph just before token `s` ends in a mention of `person` with no punctuation
// after it (a credit line), and holds no quote and no cue.
function creditedTo(ctx: Context, s: number, person: Person | null): boolean {
  if (!person || person.org || person.members) return false;
  const tokens = ctx.tokens;
  let k = s - 1;
  while (k >= 0 && tokens[k].kind === 'break') k--;
  if (k < 0 || tokens[k].kind !== 'word') return false;
  const [ps, pe] = paragraphBounds(ctx, k);
  const all = ctx.registry.mentions.all;
  const i = lastBefore(all, pe);
  const m = i >= 0 ? all[i] : null;
  if (!m || m.person !== person || m.start <= ps || m.end !== pe) return false;
  if (hasCueBetween(ctx, ps, pe)) return false;
  for (let j = ps; j < pe; j++) if (tokens[j].kind === 'quote') return false;
  return true;
}
