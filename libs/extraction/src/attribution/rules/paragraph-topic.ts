import type { Attribution } from '../attribution';
import type { Context } from '../context';
import type { Person } from '../../people/person';
import { resolveSource } from '../source';
import { openingSubject } from '../clause-subject';
import { hasCueBetween, paragraphBounds } from '../spans';

const FIRST_PERSON = /(?:^|[^\p{L}'’])(?:I|me|my|myself|I['’](?:m|ve|d|ll))(?=$|[^\p{L}'’])/u;
const MAX_SENTENCES = 4; // of the paragraph before, read from its end

// "At 25 years old, Gillis was diagnosed with Crohn's disease. ¶ “My condition … is getting
// worse.”": a paragraph that is one uncued quote in the first person, after a paragraph
// with no quotes whose sentences are about one person (each sentence whose subject is a
// person has that person), is that person speaking. Two people there, or none: null.
export function paragraphTopic(
  ctx: Context,
  quote: number,
  done: readonly (Attribution | null)[],
): Attribution | null {
  void done;
  const tokens = ctx.tokens;
  const ti = ctx.quoteToken[quote];
  const [s, e] = paragraphBounds(ctx, ti);
  if (ti !== s || (e !== ti + 1 && !(e === ti + 2 && tokens[ti + 1].kind === 'punct'))) return null;
  const q = ctx.quotes[quote];
  if (!FIRST_PERSON.test(ctx.text.slice(q.start, q.end))) return null;
  let k = s - 1;
  while (k >= 0 && tokens[k].kind === 'break') k--;
  if (k < 0) return null;
  const [ps, pe] = paragraphBounds(ctx, k);
  for (let j = ps; j < pe; j++) if (tokens[j].kind === 'quote') return null;
  if (hasCueBetween(ctx, ps, pe)) return null; // reported speech: that rule's case
  let topic: Person | null = null;
  let via: Attribution | null = null;
  const first = ctx.sentence[ps];
  for (let n = ctx.sentence[pe - 1]; n >= first && ctx.sentence[pe - 1] - n < MAX_SENTENCES; n--) {
    const np = openingSubject(ctx, n);
    if (!np || np.kind === 'description' || np.kind === 'joined') continue;
    if (np.kind === 'pronoun' && !/^(he|she)$/i.test(np.word)) continue;
    if (np.kind === 'phrase' && np.phrase.org) continue;
    const source = resolveSource(ctx, np);
    const person = source.person;
    if (!person || !person.personal || person.org) return null;
    if (topic && topic !== person) return null;
    if (!topic)
      via = {
        source,
        rule: 'paragraph-topic',
        cue: null,
        cueToken: -1,
        confidence: 0.6,
      };
    topic = person;
  }
  return via;
}
