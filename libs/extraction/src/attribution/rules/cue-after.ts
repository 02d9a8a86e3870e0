import type { Attribution } from '../attribution';
import type { Context } from '../context';
import { attributionFrom } from '../make';
import { subjectStartingAt, subjectThenVerb } from '../noun-phrase';
import { isAccordingTo, paragraphBounds } from '../spans';
import { isSpeechVerb, PARTICLE_VERBS } from '../../lexicon/speech-verbs';

const JOINERS = new Set([',', '—', '–', '-']);
const DASHES = new Set(['―', '—', '–', '-']);

// “…,” NAME said / “…,” said NAME / “…,” according to NAME / “…,” Role Name, role, said
export function cueAfter(ctx: Context, quote: number): Attribution | null {
  const ti = ctx.quoteToken[quote];
  const [, ceil] = paragraphBounds(ctx, ti);
  const tokens = ctx.tokens;
  let k = ti + 1;
  const credit = dashCredit(ctx, k, ceil);
  if (credit) return credit;
  while (k < ceil && k - ti <= 2 && JOINERS.has(tokens[k].text)) k++;
  if (k >= ceil) return null;
  const t = tokens[k];
  if (t.kind === 'word' && !t.cap && isSpeechVerb(t.lower)) {
    const after = PARTICLE_VERBS[t.lower] && tokens[k + 1]?.lower === PARTICLE_VERBS[t.lower] ? k + 2 : k + 1;
    const np = subjectStartingAt(tokens, after, ceil);
    return np ? attributionFrom(ctx, np, 'cue-after', k, after, 0.95) : null;
  }
  if (isAccordingTo(tokens, k)) {
    const np = subjectStartingAt(tokens, k + 2, ceil);
    return np ? attributionFrom(ctx, np, 'cue-after', k, k + 2, 0.9) : null;
  }
  const sv = subjectThenVerb(tokens, k, ceil);
  return sv ? attributionFrom(ctx, sv.np, 'cue-after', sv.verb, sv.verb + 1, 0.95) : null;
}

// “…” ― Pamela Padilla: a name after a dash that closes the paragraph credits the quote.
function dashCredit(ctx: Context, k: number, ceil: number): Attribution | null {
  const tokens = ctx.tokens;
  let j = k;
  while (j < ceil && j - k < 2 && DASHES.has(tokens[j].text)) j++;
  if (j === k || j >= ceil) return null;
  const np = subjectStartingAt(tokens, j, ceil);
  if (!np || np.kind !== 'phrase' || np.phrase.kind !== 'name') return null;
  let end = np.end;
  while (end < ceil && tokens[end].kind === 'punct' && '.,'.includes(tokens[end].text)) end++;
  return end >= ceil ? attributionFrom(ctx, np, 'cue-after', k, k + 1, 0.85) : null;
}
