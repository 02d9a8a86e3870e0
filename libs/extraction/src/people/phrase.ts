import type { Token } from '../text/tokens';
import { COURTESY_TITLES, HONORIFICS } from '../lexicon/en/roles';
import { FIRST_NAMES } from '../lexicon/en/first-names';
import * as lexicon from '../lexicon/classify';
import { isRoleWord } from './groups';

// Read once: imported bindings are getters in some module loaders.
const { STOP, TITLE, HONORIFIC, PLACE, ORG, ROLE_NOUN, DETERMINER } = lexicon.FLAGS;

export type PhraseKind = 'name' | 'role';

// What a group of tokens says about a source: the bare name, the title or
// role in front of it and the organisation in front of that.
export interface Phrase {
  kind: PhraseKind;
  start: number; // token range of the whole mention
  end: number;
  nameStart: number; // token range of the bare name ('name' only)
  nameEnd: number;
  org: boolean; // an organisation or place rather than a person
  title: string | null; // "Assistant Secretary of State", "press secretary"
  titleOrg: string | null; // "Paraguay" in "Paraguay President Santiago Pena"
  gender: 'm' | 'f' | null;
}

const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
const PARTICLES = new Set([
  'de',
  'van',
  'von',
  'bin',
  'al',
  'la',
  'le',
  'da',
  'di',
  'du',
  'del',
  'der',
  'dos',
  'den',
  'della',
  'ibn',
]);

// Word tokens never end in a dot (it is a token of its own), so this is the lower-cased word.
function bare(t: Token): string {
  return t.lower;
}

function isTitleToken(t: Token): boolean {
  return (t.f & TITLE) !== 0;
}

const isPlace = (t: Token): boolean => (t.f & PLACE) !== 0;
const isAcronym = (t: Token): boolean =>
  t.text.length >= 2 && t.text === t.text.toUpperCase() && t.text !== t.lower;
const isStop = (t: Token): boolean => (t.f & STOP) !== 0;

function isInitial(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  return t.kind === 'punct'
    ? t.text === '.'
    : t.cap &&
        (t.text.length === 1 ||
          (t.text.length <= 7 && t.text.includes('.') && /^(\p{Lu}\.)+\p{Lu}$/u.test(t.text)));
}

// Trailing tokens that form the bare name; the last capitalised word always
// counts so "Howard Dean" keeps "Dean" while "the President" stays a role.
function nameRunStart(tokens: Token[], a: number, e: number): number {
  let k = e - 1;
  if (tokens[k].kind !== 'word' || !tokens[k].cap) return e;
  k--;
  for (; k >= a; k--) {
    const t = tokens[k];
    if (
      t.kind === 'punct' &&
      t.text === '.' &&
      k - 1 >= a &&
      isInitial(tokens, k - 1) &&
      !isTitleToken(tokens[k - 1])
    )
      continue;
    if (t.kind !== 'word') break;
    if (!t.cap && !(PARTICLES.has(t.lower) && k > a && particleFollows(tokens, k - 1, a))) break;
    if (t.cap && (isTitleToken(t) || (isStop(t) && !isInitial(tokens, k)) || t.poss)) break;
    // "Al-Qaeda-linked al-Shabaab", "Toronto-based Jane Roe": a compound modifier
    if (t.cap && /-\p{Ll}+$/u.test(t.text)) break;
    // "Having Billy Eichner show up …": a gerund that opens the sentence, not a given name
    if (t.cap && k === a && k < e - 1 && t.lower.endsWith('ing') && !FIRST_NAMES.has(t.lower))
      break;
  }
  const start = k + 1;
  const only = tokens[e - 1];
  if (start === e - 1 && isTitleToken(only) && !(start > a && isHonorificBefore(tokens, start)))
    return e;
  // "US Secretary" is a title, "Howard Dean" a name: a title word ends a name only after a first name
  if (isTitleToken(only) && start < e - 1 && (isPlace(tokens[e - 2]) || isAcronym(tokens[e - 2])))
    return e;
  return shortenLongName(tokens, start, e);
}

// "van der": a particle may follow a capitalised word or one other particle that does.
function particleFollows(tokens: Token[], k: number, a: number): boolean {
  const t = tokens[k];
  if (t.cap) return true;
  return PARTICLES.has(t.lower) && k > a && tokens[k - 1].cap;
}

// "Ms. White", "Mr. English": one word after a courtesy title is a surname, even a word
// that elsewhere names a place or a people.
function surnameAfterCourtesy(tokens: Token[], a: number, nameStart: number, e: number): boolean {
  return (
    nameStart === e - 1 &&
    nameStart > a &&
    tokens[e - 1].kind === 'word' &&
    (tokens[e - 1].f & ORG) === 0 &&
    isCourtesyBefore(tokens, nameStart)
  );
}

// The word before a name, past the dot of an abbreviated title ("Mr. Smith").
function wordBefore(tokens: Token[], start: number): Token | undefined {
  const prev = tokens[start - 1]?.kind === 'punct' ? tokens[start - 2] : tokens[start - 1];
  return prev?.kind === 'word' ? prev : undefined;
}

export function isCourtesyBefore(tokens: Token[], start: number): boolean {
  const prev = wordBefore(tokens, start);
  return prev !== undefined && prev.cap && COURTESY_TITLES.has(prev.lower);
}

function isHonorificBefore(tokens: Token[], start: number): boolean {
  const prev = wordBefore(tokens, start);
  return prev !== undefined && (prev.f & HONORIFIC) !== 0;
}

// Titles with capitalised complements run into the name ("… for Human Rights
// Michael Posner"); beyond three words keep the last two and their initials.
function shortenLongName(tokens: Token[], start: number, e: number): number {
  const words: number[] = [];
  for (let k = start; k < e; k++)
    if (
      tokens[k].kind === 'word' &&
      tokens[k].cap &&
      !isInitial(tokens, k) &&
      !NAME_SUFFIXES.has(bare(tokens[k]))
    )
      words.push(k);
  if (words.length <= 3) return start;
  let s = words[words.length - 2];
  while (
    s - 1 >= start &&
    (isInitial(tokens, s - 1) || tokens[s - 1].kind === 'punct' || !tokens[s - 1].cap)
  )
    s--;
  return s;
}

// "Representative Charles B. Rangel of New York": the place after "of" is no part of the name.
// "Representative Charles B. Rangel of New York", "James Pethokoukis of the
// American Enterprise Institute": what follows "of" or "from" after a person's
// name is where they come from, not their name. Returns the connector's index.
const COMPLEMENT_LINKS = new Set(['of', 'from', 'for', 'at']);

// "Larry O'Connor on Hot Air": after a given name and a surname, "on" also links where the
// person writes or speaks ("Council on Foreign Relations" keeps it).
const PERSON_LINKS = new Set(['on']);

function ofComplement(tokens: Token[], s: number, e: number): number {
  for (let k = s + 1; k < e - 1; k++) {
    const t = tokens[k];
    if (t.kind !== 'word' || t.cap || !tokens[k - 1].cap) continue;
    if (COMPLEMENT_LINKS.has(t.lower)) return k;
    if (PERSON_LINKS.has(t.lower) && endsPersonName(tokens, s, k)) return k;
  }
  return -1;
}

// A given name then a capitalised word end the run [s, k): "columnist Larry O'Connor".
function endsPersonName(tokens: Token[], s: number, k: number): boolean {
  for (let j = Math.max(s, k - 3); j < k - 1; j++) if (isPersonRun(tokens, j, k)) return true;
  return false;
}

// "the Memphis Grizzlies for Jonas Valanciunas": a given name and a surname after the link
// are another person, not where the first one comes from.
function isPersonRun(tokens: Token[], s: number, e: number): boolean {
  const first = tokens[s];
  return (
    e - s >= 2 &&
    first.kind === 'word' &&
    first.cap &&
    FIRST_NAMES.has(first.lower) &&
    (first.f & (PLACE | ORG)) === 0 &&
    tokens[s + 1].kind === 'word' &&
    tokens[s + 1].cap
  );
}

function isPlaceRun(tokens: Token[], s: number, e: number): boolean {
  for (let j = s; j < e; j++) if (tokens[j].kind === 'word' && !isPlace(tokens[j])) return false;
  return e > s;
}

// Two name words, or a name after an honorific or title: "Mr. Nevins", "Aris Shirvanian".
export function isFullName(tokens: Token[], p: Phrase): boolean {
  let words = 0;
  for (let k = p.nameStart; k < p.nameEnd; k++)
    if (tokens[k].kind === 'word' && tokens[k].text.length > 1) words++;
  return words >= 2 || (p.nameStart > p.start && p.title !== null) || p.gender !== null;
}

const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'on', 'in']);

// Two upper-case ASCII letters in a row: a cheap test before the Unicode one.
function hasCapsRun(text: string): boolean {
  for (let i = 1; i < text.length; i++) {
    const a = text.charCodeAt(i - 1);
    const b = text.charCodeAt(i);
    if (a >= 65 && a <= 90 && b >= 65 && b <= 90) return true;
  }
  return false;
}

function isConnector(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'word' && !t.cap && CONNECTORS.has(t.lower);
}

// "DEI-focused": a capitalised acronym glued to a word is no part of a name.
function hasAcronymPiece(tokens: Token[], s: number, e: number): boolean {
  for (let k = s; k < e; k++)
    if (
      hasCapsRun(tokens[k].text) &&
      /\p{Lu}{2,}[-’']?\p{Ll}/u.test(tokens[k].text) &&
      !/^(Mc|Mac)/.test(tokens[k].text)
    )
      return true;
  return false;
}

function isOrgRun(tokens: Token[], s: number, e: number): boolean {
  let places = 0;
  let words = 0;
  for (let k = s; k < e; k++) {
    const t = tokens[k];
    if (t.kind !== 'word') continue;
    words++;
    if (t.cap && (t.f & ORG) !== 0) return true;
    if (isPlace(t) || (t.text.length >= 2 && t.text === t.text.toUpperCase() && t.text !== t.lower))
      places++;
  }
  return words > 0 && places === words;
}

// Start of the trailing capitalised run, connectors allowed ("Ministry of Foreign Affairs").
function capRunStart(tokens: Token[], a: number, e: number): number {
  let k = e - 1;
  while (
    k >= a &&
    (tokens[k].cap ||
      (tokens[k].kind === 'punct' && tokens[k].text === '.') ||
      (k > a &&
        k < e - 1 &&
        !tokens[k].cap &&
        tokens[k - 1].cap &&
        CONNECTORS.has(tokens[k].lower)))
  )
    k--;
  let s = k + 1;
  while (s < e && !tokens[s].cap) s++;
  return s;
}

export function analyzeGroup(tokens: Token[], s: number, end: number): Phrase | null {
  let e = end;
  while (e > s && tokens[e - 1].kind === 'punct') e--; // "C. Stewart Verdery Jr." ends with its dot
  if (s < 0 || e <= s) return null;
  const cut = ofComplement(tokens, s, e);
  if (cut > s) {
    const left = analyzeGroup(tokens, s, cut);
    if (
      left &&
      left.kind === 'name' &&
      !left.org &&
      (isPlaceRun(tokens, cut + 1, e) || isFullName(tokens, left)) &&
      !isPersonRun(tokens, cut + 1, e)
    ) {
      const from = tokens[cut + 1]?.lower === 'the' ? cut + 2 : cut + 1;
      return { ...left, end: e, titleOrg: left.titleOrg ?? joinTokens(tokens, from, e) };
    }
  }
  const a = (tokens[s].f & DETERMINER) !== 0 ? s + 1 : s;
  if (a >= e) return null;
  const nameStart = nameRunStart(tokens, a, e);
  const orgStart = capRunStart(tokens, a, e);
  const inOrg =
    orgStart < nameStart && isOrgRun(tokens, orgStart, e) && isConnector(tokens[nameStart - 1]);
  if (
    nameStart < e &&
    !inOrg &&
    (!isOrgRun(tokens, nameStart, e) || surnameAfterCourtesy(tokens, a, nameStart, e)) &&
    !hasAcronymPiece(tokens, nameStart, e)
  )
    return namePhrase(tokens, s, a, nameStart, e, false);
  if (orgStart < e && isOrgRun(tokens, orgStart, e))
    return namePhrase(tokens, s, a, orgStart, e, true);
  const last = tokens[e - 1];
  if (last.kind === 'word' && ((last.f & ROLE_NOUN) !== 0 || isTitleToken(last)))
    return rolePhrase(tokens, s, a, e);
  return null;
}

function namePhrase(
  tokens: Token[],
  s: number,
  a: number,
  nameStart: number,
  e: number,
  org: boolean,
): Phrase {
  const { title, titleOrg, gender, cutAt } = splitTitle(tokens, a, nameStart);
  // words before a cut belong to something else: "for his Cabinet | Paraguay President Santiago Pena"
  return {
    kind: 'name',
    start: cutAt >= 0 ? cutAt : s,
    end: e,
    nameStart,
    nameEnd: e,
    org,
    title,
    titleOrg,
    gender,
  };
}

function rolePhrase(tokens: Token[], s: number, a: number, e: number): Phrase {
  const { title, titleOrg, gender } = splitTitle(tokens, a, e);
  return {
    kind: 'role',
    start: s,
    end: e,
    nameStart: e,
    nameEnd: e,
    org: false,
    title,
    titleOrg,
    gender: gender ?? roleGender(tokens[e - 1].lower),
  };
}

const genders = new Map<string, 'm' | 'f' | null>();

export function roleGender(word: string): 'm' | 'f' | null {
  let g = genders.get(word);
  if (g === undefined) {
    if (genders.size > 10_000) genders.clear();
    g = genderOfWord(word);
    genders.set(word, g);
  }
  return g;
}

function genderOfWord(word: string): 'm' | 'f' | null {
  if (/(woman|women|wife|mother|daughter|sister|actress|queen|princess|lady)$/.test(word))
    return 'f';
  if (
    /(man|men|husband|father|son|brother|king|prince|lord)$/.test(word) &&
    !/(human|chairman)$/.test(word)
  )
    return 'm';
  if (
    word === 'chairman' ||
    word === 'spokesman' ||
    word === 'congressman' ||
    word === 'businessman'
  )
    return 'm';
  return null;
}

interface TitleParts {
  title: string | null;
  titleOrg: string | null;
  gender: 'm' | 'f' | null;
  cutAt: number; // where this mention starts when words before it belong to another name, else -1
}

// "Paraguay President" -> org "Paraguay", title "President"; "Mr." is no title.
export function splitTitle(tokens: Token[], a: number, e: number): TitleParts {
  let gender: 'm' | 'f' | null = null;
  for (let k = a; k < e; k++) {
    const h = (tokens[k].f & HONORIFIC) !== 0 ? HONORIFICS[bare(tokens[k])] : undefined;
    if (h) gender = h;
  }
  const head = titleStart(tokens, a, e);
  const org = orgBefore(tokens, a, Math.min(head, e));
  if (head >= e) return { title: null, titleOrg: org.text, gender, cutAt: org.cutAt };
  return {
    title: titleText(tokens, head, e),
    titleOrg: org.text,
    gender: gender ?? roleGender(tokens[e - 1]?.lower ?? ''),
    cutAt: org.cutAt,
  };
}

// The title is the run of title words, role words and connectors just before the name.
function titleStart(tokens: Token[], a: number, e: number): number {
  // "doctor on Nova Scotia": a title never ends in a preposition, so this is a place, not a person
  if (
    e > a &&
    isConnector(tokens[e - 1]) &&
    (tokens[e - 1].lower === 'on' || tokens[e - 1].lower === 'in')
  )
    return e;
  let k = e;
  while (k > a) {
    const t = tokens[k - 1];
    const ok =
      t.kind === 'punct'
        ? t.text === '.'
        : (isTitleToken(t) && !isPlace(t)) || (!t.cap && (isRoleWord(t) || isConnector(t)));
    if (!ok) break;
    k--;
  }
  while (k < e && (isConnector(tokens[k]) || tokens[k].kind === 'punct')) k++;
  return k;
}

// The capitalised run before a title: "Paraguay" in "his Cabinet Paraguay President".
function orgBefore(tokens: Token[], a: number, e: number): { text: string | null; cutAt: number } {
  let s = e;
  while (
    s > a &&
    (tokens[s - 1].cap || (s - 1 > a && isConnector(tokens[s - 1]) && tokens[s - 2].cap))
  )
    s--;
  const cut = orgCut(tokens, s, e);
  return { text: joinTokens(tokens, cut, e), cutAt: cut > s ? cut : -1 };
}

// An organisation word ends an earlier name: "his Cabinet Paraguay President" -> "Paraguay".
function orgCut(tokens: Token[], a: number, e: number): number {
  let s = a;
  for (let k = a; k < e - 1; k++)
    if (tokens[k].cap && (tokens[k].f & ORG) !== 0 && tokens[k + 1].cap) s = k + 1;
  return s;
}

function titleText(tokens: Token[], head: number, e: number): string | null {
  const words = tokens.slice(head, e).filter((t) => t.kind === 'word');
  if (words.every((t) => HONORIFICS[bare(t)] !== undefined && COURTESY_TITLES.has(bare(t))))
    return null;
  return joinTokens(tokens, head, e);
}

export function joinTokens(tokens: Token[], s: number, e: number): string | null {
  if (e <= s) return null;
  let out = '';
  for (let k = s; k < e; k++) {
    const t = tokens[k];
    out += k > s && t.start > tokens[k - 1].end ? ' ' + t.text : t.text;
  }
  return out.trim() === '' ? null : out;
}
