import type { Token } from '../text/tokens';
import type { Phrase } from './phrase';
import { bareName, findOrCreate, registerPhrase, type Registry } from './registry';
import { nameWordsOf, type Mention, type Person } from './person';

type Gender = 'm' | 'f' | null;

function fits(person: Person, gender: Gender): boolean {
  return !gender || !person.gender || person.gender === gender;
}

// A name mention to a person: a full name is itself; one word is the most
// recent person whose name contains it, the surname first ("Wang" -> Wang Baodong).
export function resolveName(registry: Registry, tokens: Token[], p: Phrase): Person {
  const known = registry.byStart.get(p.nameStart);
  if (known) return known.person;
  const name = bareName(tokens, p);
  if (p.org) return findOrCreate(registry, name.replace(/^the\s+/i, ''), true);
  const words = nameWordsOf(name);
  if (words.length === 1) {
    const found = resolveWord(registry, words[0], p.start, p.gender);
    if (found) {
      if (found.name !== name) found.aliases.add(name);
      return found;
    }
  }
  return registerPhrase(registry, tokens, p).person;
}

export function resolveWord(registry: Registry, word: string, at: number, gender: Gender): Person | null {
  let surname: Mention | null = null;
  let other: Mention | null = null;
  let later: Mention | null = null;
  for (const m of registry.mentions) {
    const p = m.person;
    if (p.org || !fits(p, gender) || !p.words.includes(word)) continue;
    if (m.start >= at) {
      if (!later || m.start < later.start) later = m;
    } else if (p.words[p.words.length - 1] === word) {
      if (!surname || m.start > surname.start) surname = m;
    } else if (!other || m.start > other.start) other = m;
  }
  return (surname ?? other ?? later)?.person ?? null;
}

// The most recent mention before token `at` that passes the test.
function latestBefore(registry: Registry, at: number, test: (m: Mention) => boolean): Mention | null {
  let best: Mention | null = null;
  for (const m of registry.mentions) if (m.start < at && (!best || m.start > best.start) && test(m)) best = m;
  return best;
}

// he/she -> the most recent person mention before the pronoun that fits.
export function resolvePronoun(registry: Registry, at: number, gender: Gender): Person | null {
  return latestBefore(registry, at, (m) => !m.person.org && !m.possessive && fits(m.person, gender))?.person ?? null;
}

// "the spokesman" -> the person whose role has that head noun, most recent first.
export function resolveRole(registry: Registry, head: string, at: number): Person | null {
  const test = (m: Mention): boolean => (m.person.role?.toLowerCase().split(/\s+/) ?? []).includes(head);
  return latestBefore(registry, at, test)?.person ?? null;
}
