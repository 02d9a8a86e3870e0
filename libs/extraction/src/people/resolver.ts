import type { Token } from '../text/tokens';
import type { Phrase } from './phrase';
import { bareName, findOrCreate, registerPhrase, type Registry } from './registry';
import { nameWordsOf, type Mention, type Person } from './person';
import { firstAfter, isSurname, latestBefore } from './mentions';

type Gender = 'm' | 'f' | null;

function fits(person: Person, gender: Gender): boolean {
  return !gender || !person.gender || person.gender === gender;
}

// A name mention to a person: a full name is itself; one word is the most
// recent person whose name contains it, the surname first ("Wang" -> Wang Baodong).
export function resolveName(registry: Registry, tokens: Token[], p: Phrase): Person {
  const known = registry.mentions.byStart.get(p.nameStart);
  if (known) return known.person;
  const name = bareName(tokens, p);
  const words = nameWordsOf(name);
  // a place word that is also the name of someone in the story ("Jordan said", "Georgia told")
  const person =
    p.org && words.length === 1 ? resolveWord(registry, words[0], p.start, p.gender) : null;
  if (person) return person;
  if (p.org)
    return withArticle(
      findOrCreate(registry, name.replace(/^the\s+/i, ''), true),
      tokens,
      p.nameStart,
    );
  if (words.length === 1) {
    const found = resolveWord(registry, words[0], p.start, p.gender);
    if (found) {
      if (found.name !== name) found.aliases.add(name);
      return found;
    }
  }
  return registerPhrase(registry, tokens, p).person;
}

export function resolveWord(
  registry: Registry,
  word: string,
  at: number,
  gender: Gender,
): Person | null {
  const list = registry.mentions.byWord.get(word) ?? [];
  const ok = (m: Mention): boolean => !m.person.org && fits(m.person, gender);
  const found =
    latestBefore(list, at, (m) => ok(m) && isSurname(m.person, word)) ??
    latestBefore(list, at, ok) ??
    firstAfter(list, at, ok);
  return found?.person ?? null;
}

// he/she -> the most recent person mention before the pronoun that fits.
export function resolvePronoun(registry: Registry, at: number, gender: Gender): Person | null {
  return (
    latestBefore(
      registry.mentions.all,
      at,
      (m) => !m.person.org && !m.possessive && fits(m.person, gender),
    )?.person ?? null
  );
}

// "the spokesman" -> the person whose role has that head noun, most recent first.
export function resolveRole(registry: Registry, head: string, at: number): Person | null {
  const word = ' ' + head + ' ';
  const test = (m: Mention): boolean =>
    m.person.role !== null && (' ' + m.person.role.toLowerCase() + ' ').includes(word);
  return latestBefore(registry.mentions.all, at, test)?.person ?? null;
}

// "The U.S. State Department called …": an organisation first named with "the" keeps it.
export function withArticle(org: Person, tokens: Token[], nameStart: number): Person {
  if (org.article === undefined) org.article = tokens[nameStart - 1]?.lower === 'the';
  return org;
}
