import type { Attribution } from '../attribution';
import type { Context } from '../context';
import { attributionFrom } from '../make';
import { skipAuxBack, subjectEndingAt, subjectStartingAt } from '../noun-phrase';
import { hasCueBetween, isCueAt, paragraphBounds, sentenceBounds } from '../spans';
import { isInvertible, SPEECH_NOUNS } from '../../lexicon/en/speech-verbs';
import type { NounPhrase } from '../noun-phrase';
import type { Token } from '../../text/tokens';

const PARTICIPLE_ENDING = /ing$/;
const MAX_BACK = 80; // tokens of the previous paragraph searched for its last report

// "Dr. Lena Park says clinics are short-staffed. ¶ “We turn people away every week.”":
// a paragraph that opens with an uncued quote, after a paragraph of reported speech,
// is the subject of that paragraph's last reporting clause speaking. A quote left
// unattributed in that paragraph makes the passage unclear: no speaker.
export function reportedSpeech(
  ctx: Context,
  quote: number,
  done: readonly (Attribution | null)[],
): Attribution | null {
  const tokens = ctx.tokens;
  const ti = ctx.quoteToken[quote];
  const [s, e] = paragraphBounds(ctx, ti);
  if (ti !== s || hasCueBetween(ctx, s, e)) return null;
  let k = s - 1;
  while (k >= 0 && tokens[k].kind === 'break') k--;
  if (k < 0) return null;
  const [ps, pe] = paragraphBounds(ctx, k);
  for (let j = pe - 1; j >= ps; j--)
    if (tokens[j].kind === 'quote' && !done[tokens[j].quote]) return null;
  for (let j = pe - 1; j >= ps && pe - j <= MAX_BACK; j--) {
    if (tokens[j].kind === 'quote') return null; // the quote there was attributed: continuation's case
    const owner = speechNounOwner(tokens, j);
    if (owner) return attributionFrom(ctx, owner, 'reported-speech', j, j + 1, 0.7);
    if (!isCueAt(tokens, j) || PARTICIPLE_ENDING.test(tokens[j].lower)) continue;
    const [ss] = sentenceBounds(ctx, j);
    const np =
      subjectEndingAt(tokens, skipAuxBack(tokens, j - 1, ss), ss) ??
      (isInvertible(tokens[j].lower) ? subjectStartingAt(tokens, j + 1, pe) : null);
    if (!np || np.kind === 'description') return null;
    return attributionFrom(ctx, np, 'reported-speech', j, j + 1, 0.7);
  }
  return null;
}

const POSSESSIVE_SUBJECTS: Record<string, string> = { his: 'he', her: 'she' };

// "Her message now is simple: don't share or sell prescriptions.": a noun of speech owned by
// a possessive pronoun reports what its owner says, as a reporting verb would.
function speechNounOwner(tokens: Token[], j: number): NounPhrase | null {
  const owner = POSSESSIVE_SUBJECTS[tokens[j - 1]?.lower ?? ''];
  if (!owner || !SPEECH_NOUNS.has(tokens[j].lower)) return null;
  return { kind: 'pronoun', word: owner, start: j - 1, end: j };
}
