import type { Token } from '../text/tokens';
import { analyzeGroup, isCourtesyBefore, joinTokens, type Phrase } from './phrase';
import { groupAfter } from './groups';
import { appositionEnd, parseApposition } from './affiliation';
import {
  nameWordsOf,
  nameWordsOfTokens,
  samePerson,
  stripPossessive,
  type Mention,
  type Person,
} from './person';
import {
  addMention,
  createMentionIndex,
  isSurname,
  latestBefore,
  type MentionIndex,
} from './mentions';
import { PLACE_WORDS } from '../lexicon/en/places';
import { NAME_CONNECTORS } from '../lexicon/en/words';
import { isFunctionWord } from './groups';
import { FIRST_NAMES } from '../lexicon/en/first-names';
import * as lexicon from '../lexicon/classify';

// Read once: imported bindings are getters in some module loaders.
const OPENERS = lexicon.FLAGS.ROLE | lexicon.FLAGS.DETERMINER;
const NOT_GIVEN =
  lexicon.FLAGS.PLACE |
  lexicon.FLAGS.ORG |
  lexicon.FLAGS.STOP |
  lexicon.FLAGS.ROLE |
  lexicon.FLAGS.TITLE; // lower-case words that can open a group

export interface Registry {
  people: Person[];
  bySurname: Map<string, Person[]>; // last name word -> people, for merging
  mentions: MentionIndex;
  // Organisations named in the text, in text order: what "the company said" can refer
  // to. Kept apart from people so no pronoun or surname look-up reaches them; the
  // organisation itself is made only when a reference resolves to it (orgOf).
  orgMentions: OrgMention[];
}

export interface OrgMention {
  start: number; // token range of the mention
  end: number;
  nameStart: number;
  nameEnd: number;
  possessive: boolean;
  person: Person | null; // made on first use
}

export function createRegistry(): Registry {
  return { people: [], bySurname: new Map(), mentions: createMentionIndex(), orgMentions: [] };
}

// One pass over the text: every capitalised group that reads as a person is
// registered with its title, apposition and native-script name.
export function buildRegistry(tokens: Token[]): Registry {
  const registry = createRegistry();
  const headline = headlineTest(tokens);
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.kind !== 'word' || (!t.cap && (t.f & OPENERS) === 0)) {
      i++;
      continue;
    }
    const e = groupAfter(tokens, i, tokens.length);
    // only a group with a capitalised word can name anyone
    const phrase = e > i && hasCapital(tokens, i, e) ? analyzeGroup(tokens, i, e) : null;
    if (phrase && phrase.kind === 'name') registerOrRecall(registry, tokens, phrase, headline(i));
    i = e > i ? e : i + 1;
  }
  return registry;
}

// Title-case lines ("Hillary Clinton Was Headed to ER But Diverted") capitalise
// every word, so their capitalised runs say nothing about names. Each line is
// judged once, when a name is first found in it.
function headlineTest(tokens: Token[]): (i: number) => boolean {
  let lineStart = -1;
  let lineEnd = -1;
  let answer = false;
  return (i: number): boolean => {
    if (i < lineStart || i >= lineEnd) {
      lineStart = i;
      while (lineStart > 0 && tokens[lineStart - 1].kind !== 'break') lineStart--;
      lineEnd = i;
      while (lineEnd < tokens.length && tokens[lineEnd].kind !== 'break') lineEnd++;
      answer = isTitleCaseLine(tokens, lineStart, lineEnd);
    }
    return answer;
  };
}

function isTitleCaseLine(tokens: Token[], s: number, e: number): boolean {
  let words = 0;
  let caps = 0;
  for (let k = s; k < e; k++) {
    const t = tokens[k];
    if (t.kind !== 'word' || t.text.length < 4) continue;
    words++;
    if (t.cap) caps++;
  }
  return words >= 6 && caps === words;
}

function hasCapital(tokens: Token[], s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (tokens[k].cap) return true;
  return false;
}

// A full name is registered; a lone surname only when it names someone already known.
function registerOrRecall(
  registry: Registry,
  tokens: Token[],
  phrase: Phrase,
  inHeadline: boolean,
): void {
  if (phrase.org) {
    if (!inHeadline) registerOrganisation(registry, tokens, phrase);
    return;
  }
  const words = nameWordsOfTokens(tokens, phrase.nameStart, phrase.nameEnd);
  if (!inHeadline && isPersonName(words, phrase, tokens)) {
    registerPhrase(registry, tokens, phrase, words);
    return;
  }
  if (words.length !== 1) return;
  const person = knownByWord(registry, words[0], phrase.start);
  if (!person) return;
  person.aliases.add(bareName(tokens, phrase));
  if (!person.personal && isSurnameSubject(tokens, person, words[0], phrase))
    person.personal = true;
  const mention: Mention = {
    person,
    start: phrase.start,
    end: phrase.end,
    possessive: isPossessive(tokens[phrase.nameEnd - 1]),
  };
  addMention(registry.mentions, mention, phrase.nameStart);
}

const MAX_ORG_MENTIONS = 10_000;

// An organisation by name: a capitalised run with an organisation head (Department,
// Inc., University) or an acronym; a run of place words alone is a place, not a speaker.
function registerOrganisation(registry: Registry, tokens: Token[], phrase: Phrase): void {
  if (registry.orgMentions.length >= MAX_ORG_MENTIONS || phrase.title !== null) return;
  let org = false;
  for (let k = phrase.nameStart; k < phrase.nameEnd; k++) {
    const t = tokens[k];
    if (
      t.kind === 'word' &&
      t.cap &&
      ((t.f & lexicon.FLAGS.ORG) !== 0 ||
        (t.text.length >= 2 && t.text === t.text.toUpperCase() && /\p{Lu}/u.test(t.text)))
    )
      org = true;
  }
  if (!org) return;
  registry.orgMentions.push({
    start: phrase.start,
    end: phrase.end,
    nameStart: phrase.nameStart,
    nameEnd: phrase.nameEnd,
    possessive: isPossessive(tokens[phrase.nameEnd - 1]),
    person: null,
  });
}

// The organisation an org mention names, made once.
export function orgOf(registry: Registry, tokens: Token[], m: OrgMention): Person {
  if (!m.person) {
    const name = stripPossessive(joinTokens(tokens, m.nameStart, m.nameEnd) ?? '').replace(
      /^the\s+/i,
      '',
    );
    m.person = findOrCreate(registry, name, true);
    if (m.person.article === undefined) m.person.article = tokens[m.nameStart - 1]?.lower === 'the';
  }
  return m.person;
}

const COMMON =
  lexicon.FLAGS.STOP | lexicon.FLAGS.AUX | lexicon.FLAGS.SPEECH | lexicon.FLAGS.BASE_VERB;

// "Ian Read … “…,” Read said": once the article names a person whose surname is also a
// common word ("May", "Read", "Jun"), that word written with a capital inside a sentence,
// or opening one before a speech verb, is the surname, not the common word. Clears the
// common-word bits on those tokens; true when any changed (the registry is then rebuilt).
export function adoptSurnames(registry: Registry, tokens: Token[], sentence: Int32Array): boolean {
  const surnames = new Set<string>();
  for (const p of registry.people) {
    const last = p.words[p.words.length - 1];
    if (p.org || p.members || p.words.length < 2 || !p.personal) continue;
    if ((lexicon.flagsOf(last) & COMMON) !== 0 && !isFunctionWord(last)) surnames.add(last);
  }
  if (surnames.size === 0) return false;
  let changed = false;
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind !== 'word' || !t.cap || (t.f & COMMON) === 0 || !surnames.has(t.lower)) continue;
    const opens = sentence[k - 1] !== sentence[k] || tokens[k - 1].kind === 'break';
    const next = tokens[k + 1];
    if (opens && !(next?.kind === 'word' && (next.f & lexicon.FLAGS.SPEECH) !== 0)) continue;
    t.f &= ~COMMON;
    changed = true;
  }
  return changed;
}

// The most recent person named with this word, the surname first.
function knownByWord(registry: Registry, word: string, at: number): Person | null {
  const list = registry.mentions.byWord.get(word) ?? [];
  const bySurname = latestBefore(list, at, (m) => !m.person.org && isSurname(m.person, word));
  return (bySurname ?? latestBefore(list, at, (m) => !m.person.org))?.person ?? null;
}

// A title says "person" when it ends in a title word or role noun ("President", "chief
// economist"), not in a modifier or a preposition ("under", "doctor on").
function isPersonalTitle(tokens: Token[], p: Phrase): boolean {
  if (p.title === null) return false;
  let k = p.nameStart - 1;
  while (k >= p.start && tokens[k].kind === 'punct') k--;
  const t = tokens[k];
  return (
    t !== undefined &&
    t.kind === 'word' &&
    (t.f & (lexicon.FLAGS.TITLE | lexicon.FLAGS.ROLE_NOUN)) !== 0
  );
}

// "Guenther Schuh … Schuh is aware that …": a full name taken up by its surname alone as
// the subject of a verb is a person (organisations and places are not called by their
// last word). The first word must be a plausible given name: no place, number or stop word.
function isSurnameSubject(tokens: Token[], person: Person, word: string, phrase: Phrase): boolean {
  if (
    person.org ||
    person.words.length < 2 ||
    !isSurname(person, word) ||
    phrase.nameEnd !== phrase.end
  )
    return false;
  const prev = tokens[phrase.start - 1];
  if (
    prev &&
    prev.kind === 'word' &&
    (prev.lower === 'the' || (prev.f & lexicon.FLAGS.DETERMINER) !== 0)
  )
    return false;
  const next = tokens[phrase.end];
  if (!next || next.kind !== 'word' || next.cap) return false;
  const verb =
    (next.f & (lexicon.FLAGS.AUX | lexicon.FLAGS.SPEECH)) !== 0 || /(ed|s)$/.test(next.lower);
  const given = person.words[0];
  const firstFlags = lexicon.flagsOf(given);
  return (
    verb &&
    !/^\d/.test(given) &&
    (firstFlags &
      (lexicon.FLAGS.PLACE |
        lexicon.FLAGS.STOP |
        lexicon.FLAGS.ORG |
        lexicon.FLAGS.ROLE |
        lexicon.FLAGS.TITLE)) ===
      0 &&
    !/(ing|ian|ans|ese)$/.test(given)
  );
}

function isPossessive(t: Token): boolean {
  return t.poss;
}

// A place word after a courtesy title is a surname: "Ms. White", "Mr. English".
function isPersonName(words: string[], p: Phrase, tokens: Token[]): boolean {
  if (words.length === 0) return false;
  if (
    words.every((w) => PLACE_WORDS.has(w)) &&
    !(p.nameStart > p.start && isCourtesyBefore(tokens, p.nameStart))
  )
    return false;
  return words.length >= 2 || p.title !== null || p.gender !== null;
}

export function bareName(tokens: Token[], p: Phrase): string {
  return stripPossessive(joinTokens(tokens, p.nameStart, p.nameEnd) ?? '');
}

export function registerPhrase(
  registry: Registry,
  tokens: Token[],
  p: Phrase,
  words?: string[],
): Mention {
  const name = bareName(tokens, p);
  const person = findOrCreate(registry, name, p.org, p.gender, words);
  const first = words ?? person.words;
  // a given name is no place, organisation or role word, nor is the name's last word a place
  // or an organisation head ("Boston Globe", "Nova Scotia", "Madison Square Garden")
  const given =
    first.length >= 2 &&
    (lexicon.flagsOf(first[0]) & NOT_GIVEN) === 0 &&
    !NAME_CONNECTORS.has(first[0]) &&
    (lexicon.flagsOf(first[first.length - 1]) & (lexicon.FLAGS.PLACE | lexicon.FLAGS.ORG)) === 0
      ? FIRST_NAMES.get(first[0])
      : undefined;
  if (!person.gender) person.gender = p.gender ?? given ?? null;
  if (!p.org && (p.gender !== null || isPersonalTitle(tokens, p) || given !== undefined))
    person.personal = true;
  if (!person.role && p.title) {
    person.role = p.title;
    person.organization = person.organization ?? p.titleOrg;
  }
  if (name !== person.name) person.aliases.add(name);
  const after = attachExtras(tokens, person, p.end);
  const mention: Mention = {
    person,
    start: p.start,
    end: Math.max(p.end, after),
    possessive: isPossessive(tokens[p.nameEnd - 1]),
  };
  addMention(registry.mentions, mention, p.nameStart);
  return mention;
}

export function findOrCreate(
  registry: Registry,
  name: string,
  org: boolean,
  gender: 'm' | 'f' | null = null,
  known?: string[],
): Person {
  const words = known ?? nameWordsOf(name);
  const key = words[words.length - 1] ?? name.toLowerCase();
  const same = registry.bySurname.get(key);
  const found =
    same?.find((p) => samePerson(p.words, words) || (words.length === 0 && p.name === name)) ??
    (words.length === 1 && !org ? bySurnameAlone(same, gender) : undefined);
  if (found) return found;
  const person: Person = {
    id: registry.people.length,
    name,
    words,
    nativeName: null,
    aliases: new Set(),
    role: null,
    organization: null,
    gender: null,
    org,
    quoted: false,
    personal: false,
  };
  registry.people.push(person);
  if (same) same.push(person);
  else registry.bySurname.set(key, [person]);
  return person;
}

// "Mrs. Clinton" is the latest Clinton named in full, the one of her gender first.
function bySurnameAlone(same: Person[] | undefined, gender: 'm' | 'f' | null): Person | undefined {
  const people = (same ?? []).filter((p) => !p.org && p.words.length >= 2);
  const exact = gender ? people.filter((p) => p.gender === gender) : [];
  return (exact.length > 0 ? exact : people.filter((p) => !gender || !p.gender)).at(-1);
}

// Native name in parentheses, then an apposition: "Wang Baodong (王寶東), spokesman for …,".
function attachExtras(tokens: Token[], person: Person, e: number): number {
  let k = e;
  const close = parentheticalEnd(tokens, k);
  if (close > k) {
    const inner = tokens[k + 1];
    if (
      close === k + 2 &&
      inner.kind === 'word' &&
      isNativeScript(inner.text) &&
      !person.nativeName
    )
      person.nativeName = inner.text;
    k = close + 1;
  }
  if (tokens[k]?.text !== ',') return k;
  const end = appositionEnd(tokens, k, tokens.length);
  if (end < 0) return k;
  const aff = parseApposition(tokens, k + 1, end);
  if (aff?.role && !person.org) person.personal = true;
  if (
    aff &&
    (aff.role || aff.organization) &&
    !person.role &&
    !(person.organization && aff.organization)
  ) {
    person.role = aff.role ?? person.role;
    person.organization = aff.organization ?? person.organization;
  }
  return end;
}

// Index of the ')' closing a short parenthetical at k: "(王寶東)", "(D-N.C.)".
export function parentheticalEnd(tokens: Token[], k: number): number {
  if (tokens[k]?.text !== '(') return k;
  for (let j = k + 1; j < tokens.length && j - k <= 8; j++) {
    if (tokens[j].text === ')') return j;
    if (tokens[j].kind === 'break' || tokens[j].kind === 'quote') return k;
  }
  return k;
}

function isNativeScript(text: string): boolean {
  return /[^\p{Script=Latin}\p{N}\p{P}\p{M}]/u.test(text);
}
