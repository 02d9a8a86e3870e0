// A person (or organisation) the article names, merged across its mentions.
export interface Person {
  id: number;
  name: string;
  words: string[]; // lower-case name words without initials or suffixes
  nativeName: string | null;
  aliases: Set<string>;
  role: string | null;
  organization: string | null;
  gender: 'm' | 'f' | null;
  org: boolean;
  quoted: boolean;
  // Evidence that this is a person (a he or a she), not an organisation, place or event
  // that reads like a name: an honorific, a title or role, a known first name, a
  // later mention by surname alone. Only such people take pronouns.
  personal: boolean;
  // "Obama and Clinton": people speaking together, output as one group speaker
  members?: Person[];
  // An organisation the text calls "the EU", "the RCMP": its name is written with the article
  article?: boolean;
}

export interface Mention {
  person: Person;
  start: number; // token range of the whole mention
  end: number;
  possessive: boolean; // "Obama’s administration"
}

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

export function stripPossessive(text: string): string {
  const last = text[text.length - 1];
  if (last === "'" || last === '’') return text.slice(0, -1);
  const prev = text[text.length - 2];
  return (last === 's' || last === 'S') && (prev === "'" || prev === '’')
    ? text.slice(0, -2)
    : text;
}

// The same words read straight off tokens, without building the name string.
export function nameWordsOfTokens(
  tokens: { kind: string; lower: string }[],
  s: number,
  e: number,
): string[] {
  const out: string[] = [];
  for (let k = s; k < e; k++) {
    const t = tokens[k];
    if (t.kind !== 'word') continue;
    const w = stripPossessive(t.lower);
    if (w !== '' && !SUFFIXES.has(w) && !isInitial(w)) out.push(w);
  }
  return out;
}

export function nameWordsOf(name: string): string[] {
  const out: string[] = [];
  for (const raw of name.toLowerCase().split(' ')) {
    let w = stripPossessive(raw);
    if (w.endsWith('.')) w = w.slice(0, -1);
    if (w !== '' && !SUFFIXES.has(w) && !isInitial(w)) out.push(w);
  }
  return out;
}

// "j", "g.k": initials say too little to tell people apart.
function isInitial(w: string): boolean {
  if (w.length === 1) return true;
  return w.length <= 5 && w.includes('.') && /^(\p{L}\.)+\p{L}?$/u.test(w);
}

export function samePerson(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  if (a.join(' ') === b.join(' ')) return true;
  return a.length >= 2 && b.length >= 2 && a[0] === b[0] && a[a.length - 1] === b[b.length - 1];
}
