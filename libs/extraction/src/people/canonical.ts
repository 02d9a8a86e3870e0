import type { Person } from './person';
import { ORG_WORDS } from '../lexicon/en/roles';

const MAX_CANDIDATES = 50; // a word shared by more people than this names no one in particular

export type Canonical = (person: Person) => string;

// The fullest form the article gives for a person: "Silva" -> "Ana Silva" when exactly
// one person named more fully has all of this name's words ("Trudeau" -> "Justin
// Trudeau", "Jordan" -> "Jordan Stewart"), or when the fuller ones are forms of one
// another ("Ana Silva", "Ana Maria Silva": the longest). Two different people ("Michael
// Kovrig", "Michael Spavor") leave the name as written: a short right name beats a full
// wrong one. People are indexed by word once, so each look-up is bounded.
export function canonicalNames(people: Person[]): Canonical {
  const byWord = new Map<string, Person[]>();
  for (const p of people) {
    // "Eric Trump Foundation" is no fuller form of Eric Trump
    if (p.org || p.members || p.words.length < 2 || p.words.some((w) => ORG_WORDS.has(w))) continue;
    for (const w of new Set(p.words)) {
      const list = byWord.get(w);
      if (list) list.push(p);
      else byWord.set(w, [p]);
    }
  }
  const memo = new Map<Person, string>();
  const canonical = (person: Person): string => {
    if (person.members) return person.members.map(canonical).join(' and ');
    let name = memo.get(person);
    if (name === undefined) {
      name = fullest(byWord, person);
      memo.set(person, name);
    }
    return name;
  };
  return canonical;
}

function fullest(byWord: Map<string, Person[]>, person: Person): string {
  if (person.org) return person.article ? `the ${person.name}` : person.name;
  if (person.words.length === 0) return person.name;
  let rarest: Person[] | undefined;
  for (const w of person.words) {
    const list = byWord.get(w);
    if (!list) return person.name;
    if (!rarest || list.length < rarest.length) rarest = list;
  }
  if (!rarest || rarest.length > MAX_CANDIDATES) return person.name;
  let best: Person | null = null;
  for (const p of rarest) {
    if (p === person || p.words.length <= person.words.length) continue;
    if (!person.words.every((w) => p.words.includes(w))) continue;
    if (person.gender && p.gender && person.gender !== p.gender) continue;
    if (!best || contains(p, best)) best = p;
    else if (!contains(best, p)) return person.name; // two different fuller names
  }
  return best ? best.name : person.name;
}

// Every word of b is in a (a is b or a fuller form of it).
function contains(a: Person, b: Person): boolean {
  return b.words.every((w) => a.words.includes(w));
}
