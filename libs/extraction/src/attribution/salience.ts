import type { Context } from './context';
import type { Mention, Person } from '../people/person';
import { lastBefore } from '../people/mentions';
import { PREPOSITIONS } from '../lexicon/en/words';

type Gender = 'm' | 'f' | null;

// How far back a pronoun looks: sentences, and mentions walked.
const MAX_SENTENCES = 12;
const MAX_STEPS = 200;

function fits(person: Person, gender: Gender): boolean {
  return person.personal && !person.org && (!gender || !person.gender || person.gender === gender);
}

// he/she -> a person named before, sentence by sentence back from the pronoun
// (the subject of the latest reporting clause first, not the latest name):
// 1. in the pronoun's own sentence, only a name that opens it ("Smith, asked …, said he");
// 2. in each earlier sentence: the speaker of a quote attributed there, else its first
//    name that is not the object of a preposition, else its latest name.
// Only people with evidence of being a person qualify; no candidate means null.
export function resolvePronoun(ctx: Context, at: number, gender: Gender): Person | null {
  const all = ctx.registry.mentions.all;
  const speakers = ctx.speakers;
  let i = lastBefore(all, at);
  let j = speakers.length - 1;
  while (j >= 0 && speakers[j].token >= at) j--;
  const here = ctx.sentence[at];
  let steps = 0;
  for (let n = 0; n < MAX_SENTENCES && (i >= 0 || j >= 0) && steps < MAX_STEPS; n++) {
    const si = i >= 0 ? ctx.sentence[all[i].start] : -1;
    const sj = j >= 0 ? ctx.sentence[speakers[j].token] : -1;
    const s = Math.max(si, sj);
    let spoke: Person | null = null;
    while (j >= 0 && ctx.sentence[speakers[j].token] === s) {
      if (!spoke && fits(speakers[j].person, gender)) spoke = speakers[j].person;
      j--;
    }
    const inSentence: Mention[] = [];
    while (i >= 0 && ctx.sentence[all[i].start] === s) {
      inSentence.push(all[i]);
      i--;
      steps++;
    }
    const found = s === here ? openingName(ctx, inSentence, s, gender) : spoke ?? pick(ctx, inSentence, gender);
    if (found) return found;
  }
  return null;
}

function usable(m: Mention, gender: Gender): boolean {
  return !m.possessive && fits(m.person, gender);
}

function afterPreposition(ctx: Context, m: Mention): boolean {
  const t = ctx.tokens[m.start - 1];
  return t !== undefined && t.kind === 'word' && PREPOSITIONS.has(t.lower);
}

// inSentence is latest first.
function pick(ctx: Context, inSentence: Mention[], gender: Gender): Person | null {
  for (let k = inSentence.length - 1; k >= 0; k--) if (usable(inSentence[k], gender) && !afterPreposition(ctx, inSentence[k])) return inSentence[k].person;
  for (const m of inSentence) if (usable(m, gender)) return m.person;
  return null;
}

function openingName(ctx: Context, inSentence: Mention[], s: number, gender: Gender): Person | null {
  const first = inSentence.at(-1);
  if (!first || first.start !== ctx.sentenceSpan[2 * s]) return null;
  return usable(first, gender) ? first.person : null;
}
