import type { Person } from './person';

// The fullest form the article gives for a person: "Silva" -> "Ana Silva" when exactly
// one person named in full has all of this name's words ("Trudeau" -> "Justin Trudeau",
// "Jordan" -> "Jordan Stewart"). Two candidates ("Michael Kovrig", "Michael Spavor")
// leave the name as written: a short right name beats a full wrong one.
export function canonicalName(people: Person[], person: Person): string {
  if (person.org || person.words.length === 0) return person.name;
  let best: Person | null = null;
  for (const p of people) {
    if (p === person || p.org || p.words.length <= person.words.length) continue;
    if (!person.words.every((w) => p.words.includes(w))) continue;
    if (person.gender && p.gender && person.gender !== p.gender) continue;
    if (best && !sameWords(best, p)) {
      if (p.words.length > best.words.length && best.words.every((w) => p.words.includes(w))) best = p;
      else if (!(best.words.length > p.words.length && p.words.every((w) => best!.words.includes(w)))) return person.name;
      continue;
    }
    best = best ?? p;
  }
  return best ? best.name : person.name;
}

function sameWords(a: Person, b: Person): boolean {
  return a.words.join(' ') === b.words.join(' ');
}
