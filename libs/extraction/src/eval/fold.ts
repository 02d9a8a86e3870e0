// Text and name folding exactly as ../shared/eval/README.md defines it.

const CURLY_SINGLE = /[\u2018\u2019\u201a\u201b\u2032]/g;
const CURLY_DOUBLE = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;
const EDGE_PUNCTUATION = /^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu;
const TOKEN = /[\p{L}\p{N}']+/gu;
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'gen', 'prof']);

export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(CURLY_SINGLE, "'")
    .replace(CURLY_DOUBLE, '"')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(EDGE_PUNCTUATION, '');
}

export function tokenSet(text: string): Set<string> {
  return new Set(foldText(text).match(TOKEN) ?? []);
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

// Words of a name without accents, case, punctuation or the listed titles.
export function nameWords(name: string): string[] {
  const bare = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ');
  return bare.split(/\s+/).filter((w) => w !== '' && !TITLES.has(w));
}

// The gold speaker is an annotated mention; the README scores "the gold name's
// last word", so the name is read off the mention by three fixed rules:
// 1. the head before an apposition: "Rep. Jim Clyburn (D-S.C.), the assistant …" -> "Rep. Jim Clyburn";
// 2. a head that is a common noun names its speaker in the apposition that follows:
//    "her senior policy adviser, Jake Sullivan," -> "Jake Sullivan";
// 3. a two-word-or-longer name loses a trailing "of/from …": "David French of the National Retail Federation" -> "David French".
const APPOSITION = /,|\(|\s[—–]\s|\s--\s|\s(?:who|whom|which|whose)\s/;

export function mentionHead(mention: string): string {
  const parts = mention
    .split(APPOSITION)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  let head = parts[0] ?? mention;
  const lastWord = head.split(/\s+/).at(-1) ?? '';
  if (parts.length > 1 && /^\p{Ll}/u.test(lastWord) && /\p{Lu}/u.test(parts[1])) head = parts[1];
  const of =
    /^(.*?\p{Lu}[\p{L}.'’-]*\s+\p{Lu}[\p{L}.'’-]*)\s+(?:of|from)\s+(?:the\s+)?\p{Lu}/u.exec(head);
  return of ? of[1] : head;
}

// Canonical reading (../shared/eval/README.md): the capitalised words of the mention's first
// segment (cut at commas, parentheses, dashes, who/which/that), without titles, articles and
// a capitalised run that ends in a possessive ("Donald Trump's son" has none).
const FIRST_SEGMENT = /,|\(|\)|\s[—–-]+\s|[—–]|\s--\s|\s(?:who|whom|which|whose|that)\s/;
const NAME_TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'sen',
  'senator',
  'rep',
  'representative',
  'gov',
  'governor',
  'gen',
  'general',
  'prof',
  'professor',
  'president',
  'vice',
  'secretary',
  'speaker',
  'leader',
  'chairman',
  'chairwoman',
  'chair',
  'minister',
  'prime',
  'premier',
  'mayor',
  'judge',
  'justice',
  'attorney',
  'director',
  'chief',
  'commissioner',
  'ambassador',
  'sheriff',
  'lt',
  'col',
  'capt',
  'sgt',
  'adm',
  'rev',
  'pope',
  'sir',
  'prince',
  'princess',
  'sheikh',
  'emir',
  'officer',
  'councillor',
  'councilman',
  'councilwoman',
  'candidate',
  'nominee',
  'former',
  'acting',
  'deputy',
  'assistant',
  'associate',
  'press',
  'spokesman',
  'spokeswoman',
  'spokesperson',
]);
const ARTICLES = new Set(['the', 'a', 'an']);
// Name particles are written capitalised or not ("De Blasio", "Bill de Blasio"): they are
// not among the name words either way, so the two readings of one name agree.
const PARTICLES = new Set([
  'de',
  'del',
  'della',
  'der',
  'van',
  'von',
  'bin',
  'al',
  'la',
  'le',
  'du',
  'da',
  'di',
  'dos',
  'das',
]);

export function canonicalNameWords(mention: string): string[] {
  const segment = mention.split(FIRST_SEGMENT)[0] ?? '';
  const words = segment.split(/\s+/).filter((w) => w !== '');
  const out: string[] = [];
  let run: string[] = [];
  const flush = (possessive: boolean): void => {
    if (!possessive) out.push(...run);
    run = [];
  };
  for (const w of words) {
    if (!/^\p{Lu}/u.test(w)) {
      flush(false);
      continue;
    }
    const possessive = /['’]s?$/.test(w);
    run.push(w.replace(/['’]s?$/, ''));
    if (possessive) flush(true);
  }
  flush(false);
  return out
    .flatMap((w) => nameWords(w))
    .filter((w) => !NAME_TITLES.has(w) && !ARTICLES.has(w) && !PARTICLES.has(w));
}
