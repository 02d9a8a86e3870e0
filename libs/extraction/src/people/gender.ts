import type { Token } from '../text/tokens';
import type { Person } from './person';
import type { Registry } from './registry';
import * as lexicon from '../lexicon/classify';
import { PRONOUNS } from '../lexicon/en/words';

const SPEECH = lexicon.FLAGS.SPEECH;

// "Sanders said he would stay in the race": the subject of a reporting verb taken up by the
// subject pronoun of what it reports is that pronoun's gender. A person whose gender nothing
// else gave (honorific, gendered noun, known first name) takes the one gender such clauses
// agree on, when named there with the given name; any disagreement leaves it unknown.
export function learnGenders(registry: Registry, tokens: Token[]): void {
  const votes = new Map<Person, { m: number; f: number }>();
  for (const m of registry.mentions.all) {
    const p = m.person;
    if (p.gender !== null || p.org || p.members || !p.personal || m.possessive) continue;
    if (p.words.length < 2 || !hasWord(tokens, m.start, m.end, p.words[0])) continue;
    const g = reportedPronoun(tokens, m.end);
    if (!g) continue;
    let v = votes.get(p);
    if (!v) votes.set(p, (v = { m: 0, f: 0 }));
    v[g]++;
  }
  for (const [person, v] of votes) {
    if (v.m > 0 && v.f === 0) person.gender = 'm';
    else if (v.f > 0 && v.m === 0) person.gender = 'f';
  }
}

function hasWord(tokens: Token[], s: number, e: number, word: string): boolean {
  for (let k = s; k < e; k++) if (tokens[k].lower === word) return true;
  return false;
}

// NAME said (that) he …: the pronoun's gender, else null.
function reportedPronoun(tokens: Token[], e: number): 'm' | 'f' | null {
  const verb = tokens[e];
  if (!verb || verb.kind !== 'word' || verb.cap || (verb.f & SPEECH) === 0) return null;
  let k = e + 1;
  if (tokens[k]?.lower === 'that') k++;
  const t = tokens[k];
  const g = t?.kind === 'word' ? PRONOUNS[t.lower] : undefined;
  return g === 'm' || g === 'f' ? g : null;
}
