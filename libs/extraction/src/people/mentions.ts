import type { Mention, Person } from './person';

// Mentions kept in text order, with an index by name word, so every lookup
// is a binary search and a bounded walk back: resolution stays linear.
export interface MentionIndex {
  all: Mention[];
  byWord: Map<string, Mention[]>;
  byStart: Map<number, Mention>; // keyed by the token where the bare name starts
}

// How far back a lookup walks before it gives up.
export const MAX_WALK = 200;

export function createMentionIndex(): MentionIndex {
  return { all: [], byWord: new Map(), byStart: new Map() };
}

function insertSorted(list: Mention[], m: Mention): void {
  let i = list.length;
  while (i > 0 && list[i - 1].start > m.start) i--;
  list.splice(i, 0, m);
}

export function addMention(index: MentionIndex, m: Mention, nameStart: number): void {
  insertSorted(index.all, m);
  index.byStart.set(nameStart, m);
  const words = m.person.words;
  for (let i = 0; i < words.length; i++) {
    if (words.indexOf(words[i]) !== i) continue; // once per distinct word
    const list = index.byWord.get(words[i]);
    if (list) insertSorted(list, m);
    else index.byWord.set(words[i], [m]);
  }
}

// Index of the last mention that starts before token `at`, or -1.
export function lastBefore(list: Mention[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

// The most recent mention before `at` that passes the test, within MAX_WALK steps.
export function latestBefore(
  list: Mention[],
  at: number,
  test: (m: Mention) => boolean,
): Mention | null {
  const from = lastBefore(list, at);
  for (let i = from; i >= 0 && from - i < MAX_WALK; i--) if (test(list[i])) return list[i];
  return null;
}

export function firstAfter(
  list: Mention[],
  at: number,
  test: (m: Mention) => boolean,
): Mention | null {
  const from = lastBefore(list, at) + 1;
  for (let i = from; i < list.length && i - from < MAX_WALK; i++) if (test(list[i])) return list[i];
  return null;
}

export function isSurname(p: Person, word: string): boolean {
  return p.words[p.words.length - 1] === word;
}
