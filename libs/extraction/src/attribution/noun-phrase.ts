import type { Token } from '../text/tokens';
import { analyzeGroup, isFullName, type Phrase } from '../people/phrase';
import { groupAfter, groupBefore } from '../people/groups';
import { appositionEnd, parseApposition, type Affiliation } from '../people/affiliation';
import { parentheticalEnd } from '../people/registry';
import { AUXILIARIES, INTENSIFIERS, PRONOUNS } from '../lexicon/en/words';
import { isParticleCue, isSpeechParticiple } from '../lexicon/en/speech-verbs';
import * as lexicon from '../lexicon/classify';
import { AUTHORSHIP_PARTICIPLES, DOCUMENT_NOUNS } from '../lexicon/en/kinds';
import { inRelativeClause } from './spans';

// Read once: imported bindings are getters in some module loaders.
const VERB = lexicon.FLAGS.SPEECH | lexicon.FLAGS.BASE_VERB;

// A speech verb by its lexicon bits ("said", "call").
function isSpeechVerb(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'word' && (t.f & VERB) !== 0;
}

// A source as the text names it, before it is resolved to a person.
export type NounPhrase =
  | { kind: 'phrase'; phrase: Phrase; start: number; end: number; affiliation: Affiliation | null }
  | { kind: 'pronoun'; word: string; start: number; end: number }
  | { kind: 'description'; start: number; end: number }
  | { kind: 'joined'; start: number; and: number; end: number }; // "Obama and Clinton"

const MAX_DESCRIPTION = 8;
// Determiners that open a described source: "a senior official", "his spokesman".
const FORWARD_DETERMINERS = new Set([
  'a',
  'an',
  'the',
  'another',
  'one',
  'two',
  'three',
  'some',
  'several',
  'many',
  'his',
  'her',
  'their',
  'its',
  'our',
]);
const PREPOSITIONS = new Set([
  'on',
  'in',
  'at',
  'of',
  'for',
  'with',
  'from',
  'to',
  'by',
  'about',
  'into',
  'onto',
  'over',
  'under',
  'after',
  'before',
  'during',
  'through',
]);

function isPreposition(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'word' && PREPOSITIONS.has(t.lower);
}
const STOP_DESCRIPTION = new Set([
  'who',
  'which',
  'that',
  'and',
  'but',
  'or',
  'as',
  'because',
  'if',
  'when',
  'while',
]);

export function pronounAt(tokens: Token[], k: number): NounPhrase | null {
  const t = tokens[k];
  if (!t || t.kind !== 'word' || PRONOUNS[t.lower] === undefined) return null;
  return { kind: 'pronoun', word: t.text, start: k, end: k + 1 };
}

// Skips auxiliaries and adverbs between a subject and its verb, walking back from k.
const DAYS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);

function isAux(t: Token | undefined): boolean {
  return (
    t !== undefined &&
    t.kind === 'word' &&
    ((AUXILIARIES.has(t.lower) && (!t.cap || DAYS.has(t.lower))) ||
      isMannerAdverb(t) ||
      (!t.cap && INTENSIFIERS.has(t.lower))) // "Cruz himself said"
  );
}

// "Marc Morial, the chief executive …, forcefully told …": an adverb in -ly before the verb.
// Nouns in -ly are no adverbs ("the family said").
const LY_NOUNS = new Set([
  'family',
  'ally',
  'rally',
  'assembly',
  'supply',
  'bully',
  'monopoly',
  'anomaly',
  'folly',
  'belly',
  'jelly',
  'lily',
  'holly',
  'italy',
  'july',
  'reply',
  'fly',
]);

function isMannerAdverb(t: Token): boolean {
  return !t.cap && t.lower.length >= 5 && t.lower.endsWith('ly') && !LY_NOUNS.has(t.lower);
}

export function skipAuxBack(tokens: Token[], k: number, floor: number): number {
  let j = skipTimeBack(tokens, k, floor);
  for (let n = 0; n < 4 && j >= floor && isAux(tokens[j]); n++)
    j = skipTimeBack(tokens, j - 1, floor);
  return j;
}

const TIME_NOUNS = new Set([
  'week',
  'month',
  'year',
  'weekend',
  'morning',
  'afternoon',
  'evening',
  'night',
  'summer',
  'spring',
  'fall',
  'autumn',
  'winter',
]);
const TIME_DETERMINERS = new Set(['this', 'last', 'next', 'that']);

// "Michelle Rempel earlier this week called …", "Smith on Monday said": a time adverbial
// between the subject and its verb.
function skipTimeBack(tokens: Token[], k: number, floor: number): number {
  const t = tokens[k];
  if (k - 1 < floor || !t || t.kind !== 'word') return k;
  const prev = tokens[k - 1];
  if (TIME_NOUNS.has(t.lower) && TIME_DETERMINERS.has(prev.lower)) {
    const j = k - 2;
    return j >= floor && (tokens[j].lower === 'earlier' || tokens[j].lower === 'later') ? j - 1 : j;
  }
  if (DAYS.has(t.lower) && t.cap && prev.lower === 'on') return k - 2;
  return k;
}

export function skipAuxForward(tokens: Token[], k: number, ceil: number): number {
  let j = k;
  for (let n = 0; n < 4 && j < ceil && isAux(tokens[j]); n++) j++;
  return j;
}

// The subject that ends at token j (inclusive): pronoun, name or role, with an
// apposition between it and the verb ("Sharon Hom, executive director of …,").
export function subjectEndingAt(tokens: Token[], j: number, floor: number): NounPhrase | null {
  if (j < floor) return null;
  const pronoun = pronounAt(tokens, j);
  if (pronoun) return pronoun;
  if (tokens[j].text === ',') return appositiveSubject(tokens, j, floor);
  if (tokens[j].text === ')')
    return subjectEndingAt(tokens, openParen(tokens, j, floor) - 1, floor);
  const s = groupBefore(tokens, j, floor);
  const phrase = s >= 0 ? analyzeGroup(tokens, s, j + 1) : null;
  // the object of a preposition is no subject: "… speaking to Fox News said";
  // it may end an apposition left open: "Sam Lau, the director for the Iowa Democratic Party said"
  if (
    phrase &&
    phrase.title === null &&
    phrase.start > floor &&
    isPreposition(tokens[phrase.start - 1])
  )
    return prepositionalSubject(tokens, phrase.start, j + 1, floor);
  // "Sam Lau, the communications director for the Iowa Democratic Party said":
  // a role at an organisation describes a person, named before the comma if at all
  if (phrase && phrase.org && phrase.title !== null)
    return roleAtOrganization(tokens, phrase.start, j + 1, floor);
  // "Anthony Anton, president and CEO of Washington Restaurant Association stated": a role
  // word written in capitals opens the run; the person is named before the open apposition
  if (phrase && phrase.org && opensWithRole(tokens, phrase.start))
    return (
      openApposition(tokens, phrase.start, j + 1, floor) ?? {
        kind: 'description',
        start: phrase.start,
        end: j + 1,
      }
    );
  // "a South Korean political pundit" reads wider than its role word "pundit"
  const wider = !phrase || phrase.kind === 'role' ? descriptionEndingAt(tokens, j, floor) : null;
  if (wider && (!phrase || wider.start < phrase.start)) return wider;
  if (phrase) {
    const joined = phrase.org ? -1 : joinedStart(tokens, phrase.start, floor);
    if (joined >= 0) return { kind: 'joined', start: joined, and: phrase.start - 1, end: j + 1 };
    return { kind: 'phrase', phrase, start: phrase.start, end: j + 1, affiliation: null };
  }
  return null;
}

// "Obama and Clinton call them", "Tore Sohlberg and Lehla Abreder said": two people
// joined by "and" speak together; the last name alone is not the speaker. The start of
// the first name when the phrase is joined so, else -1.
function joinedStart(tokens: Token[], start: number, floor: number): number {
  const and = tokens[start - 1];
  if (!and || start - 1 <= floor || and.kind !== 'word' || and.lower !== 'and') return -1;
  const prev = tokens[start - 2];
  if (prev.kind !== 'word' || !prev.cap || prev.poss) return -1;
  const s = groupBefore(tokens, start - 2, floor);
  const first = s >= 0 ? analyzeGroup(tokens, s, start - 1) : null;
  if (!first || first.kind !== 'name' || first.org || first.start > start - 2) return -1;
  if (first.start > floor && isPreposition(tokens[first.start - 1])) return -1;
  return first.start;
}

function openParen(tokens: Token[], j: number, floor: number): number {
  for (let k = j - 1; k >= floor && j - k <= 8; k--) if (tokens[k].text === '(') return k;
  return floor - 1;
}

// "NAME, apposition, said": the comma that opens the apposition, the nearest
// one with a person before it; "the White House spokesman, Josh Earnest, said"
// names its speaker inside the commas.
// A lone word before a comma may be a place ("retired in Cambridge, Mass.,"):
// a full name further back wins over it.
function appositiveSubject(tokens: Token[], comma: number, floor: number): NounPhrase | null {
  let weak: NounPhrase | null = null;
  for (let c = comma - 1; c >= floor && comma - c <= 40; c--) {
    const t = tokens[c];
    if (t.kind === 'quote' || t.kind === 'break') break;
    // "Clinton, who called Sanders after the result, told …": a verb of the relative clause
    if (isSpeechVerb(t) && !inRelativeClause(tokens, c, floor)) break;
    if (t.text !== ',') continue;
    const inner = innerName(tokens, c + 1, comma);
    if (inner) return inner;
    const np = subjectEndingAt(tokens, c - 1, floor);
    if (np?.kind === 'joined') return np;
    if (!np || np.kind !== 'phrase' || np.phrase.kind !== 'name' || np.phrase.org) continue;
    const found: NounPhrase = {
      ...np,
      end: comma,
      affiliation: parseApposition(tokens, c + 1, comma),
    };
    if (isFullName(tokens, np.phrase)) return found;
    weak = weak ?? found;
  }
  return (
    weak ?? (tokens[comma - 1]?.text === ')' ? subjectEndingAt(tokens, comma - 1, floor) : null)
  );
}

// "James Pethokoukis of the American Enterprise Institute wrote": the person
// right before the preposition; else the comma of an apposition left open.
function prepositionalSubject(
  tokens: Token[],
  from: number,
  end: number,
  floor: number,
): NounPhrase | null {
  const prep = tokens[from - 1];
  const author =
    prep.lower === 'from' || prep.lower === 'by' ? documentAuthor(tokens, from, end, floor) : null;
  if (author) return author;
  if (
    prep.lower === 'of' ||
    prep.lower === 'from' ||
    prep.lower === 'at' ||
    prep.lower === 'with'
  ) {
    const np = from - 2 >= floor ? subjectEndingAt(tokens, from - 2, floor) : null;
    if (
      np &&
      np.kind === 'phrase' &&
      np.phrase.kind === 'name' &&
      !np.phrase.org &&
      isFullName(tokens, np.phrase)
    )
      return { ...np, end, affiliation: null };
  }
  return openApposition(tokens, from, end, floor);
}

const MAX_DOCUMENT_GAP = 8; // tokens between a document's head and "by"/"from"

// "A statement from the EU said", "a study by the Senate committee found", "A statement
// e-mailed to The Globe by Reagan Ruslim said": a document speaks for its author.
function documentAuthor(
  tokens: Token[],
  from: number,
  end: number,
  floor: number,
): NounPhrase | null {
  const phrase = analyzeGroup(tokens, from, end);
  if (!phrase || phrase.kind !== 'name' || phrase.start !== from) return null;
  let authored = false;
  for (let k = from - 2; k >= floor && from - k <= MAX_DOCUMENT_GAP; k--) {
    const t = tokens[k];
    if (t.kind === 'word' && AUTHORSHIP_PARTICIPLES.has(t.lower)) {
      authored = true;
      continue;
    }
    if (t.kind !== 'word' || isSpeechVerb(t)) return null;
    if (t.cap || !DOCUMENT_NOUNS.has(t.lower)) continue;
    if (k < from - 2 && !authored) return null; // "an email obtained by X": not its author
    for (let d = k - 1; d >= floor && k - d <= 4; d--) {
      const w = tokens[d];
      if (w.kind !== 'word' || isPreposition(w)) return null;
      if (FORWARD_DETERMINERS.has(w.lower) && !isPreposition(tokens[d - 1]))
        return { kind: 'phrase', phrase, start: phrase.start, end, affiliation: null };
    }
    return null;
  }
  return null;
}

function roleAtOrganization(
  tokens: Token[],
  start: number,
  end: number,
  floor: number,
): NounPhrase | null {
  if (tokens[start - 1]?.text === ',' && start - 1 > floor) {
    const np = subjectEndingAt(tokens, start - 2, floor);
    if (np && np.kind === 'phrase' && np.phrase.kind === 'name' && !np.phrase.org)
      return { ...np, end, affiliation: parseApposition(tokens, start, end) };
  }
  return { kind: 'description', start, end };
}

// "CEO of …", "Chairman at …": a role noun or title, then the organisation's link word.
function opensWithRole(tokens: Token[], s: number): boolean {
  const t = tokens[s] as Token | undefined;
  const link = tokens[s + 1];
  return (
    t !== undefined &&
    t.kind === 'word' &&
    (t.f & (lexicon.FLAGS.ROLE_NOUN | lexicon.FLAGS.TITLE)) !== 0 &&
    link?.kind === 'word' &&
    (link.lower === 'of' || link.lower === 'at' || link.lower === 'for')
  );
}

// The comma that opened an apposition the writer never closed.
function openApposition(
  tokens: Token[],
  from: number,
  end: number,
  floor: number,
): NounPhrase | null {
  for (let c = from - 1; c >= floor && from - c <= 15; c--) {
    const t = tokens[c];
    if (t.kind === 'quote' || t.kind === 'break' || isSpeechVerb(t) || t.text === '.') return null;
    if (t.text !== ',') continue;
    const np = subjectEndingAt(tokens, c - 1, floor);
    if (
      !np ||
      np.kind !== 'phrase' ||
      np.phrase.kind !== 'name' ||
      np.phrase.org ||
      !isFullName(tokens, np.phrase)
    )
      return null;
    return { ...np, end, affiliation: parseApposition(tokens, c + 1, end) };
  }
  return null;
}

// The whole stretch between two commas is one person's name.
function innerName(tokens: Token[], s: number, e: number): NounPhrase | null {
  if (e - s > 6 || e <= s) return null;
  const end = groupAfter(tokens, s, e);
  if (end !== e) return null;
  const phrase = analyzeGroup(tokens, s, e);
  // "Clinton's introducer, actress Jamie Lee Curtis": a title may open the name
  return phrase &&
    phrase.kind === 'name' &&
    !phrase.org &&
    (phrase.nameStart === s || titledFullName(tokens, phrase, s))
    ? { kind: 'phrase', phrase, start: s, end: e, affiliation: null }
    : null;
}

// A title then a given name and a surname, the title opening the stretch: "actress Jamie Lee
// Curtis", "Montana Sen. Jon Tester"; not "an early supporter of Trump".
function titledFullName(tokens: Token[], phrase: Phrase, s: number): boolean {
  if (phrase.title === null || (tokens[s].f & lexicon.FLAGS.DETERMINER) !== 0) return false;
  let words = 0;
  for (let k = phrase.nameStart; k < phrase.nameEnd; k++)
    if (tokens[k].kind === 'word' && tokens[k].cap) words++;
  return words >= 2;
}

function isModifierWord(t: Token | undefined): boolean {
  return (
    t !== undefined &&
    t.kind === 'word' &&
    !t.cap &&
    !STOP_DESCRIPTION.has(t.lower) &&
    !FORWARD_DETERMINERS.has(t.lower) &&
    !isSpeechVerb(t) &&
    PRONOUNS[t.lower] === undefined
  );
}

// "a South Korean political pundit": words back to a determiner, head last.
export function descriptionEndingAt(tokens: Token[], j: number, floor: number): NounPhrase | null {
  const head = tokens[j];
  if (
    !head ||
    head.kind !== 'word' ||
    head.cap ||
    isSpeechVerb(head) ||
    AUXILIARIES.has(head.lower)
  )
    return null;
  for (let k = j; k >= floor && j - k < MAX_DESCRIPTION; k--) {
    const t = tokens[k];
    // "the lanky, bespectacled professor": a comma between two adjectives
    if (t.text === ',' && k < j && isModifierWord(tokens[k - 1]) && isModifierWord(tokens[k + 1]))
      continue;
    if (t.kind !== 'word' || STOP_DESCRIPTION.has(t.lower) || isSpeechVerb(t)) return null;
    // the object of a preposition is no subject: "on his Truth Social platform"
    if (FORWARD_DETERMINERS.has(t.lower) && k < j)
      return isPreposition(tokens[k - 1]) ? null : { kind: 'description', start: k, end: j + 1 };
  }
  return null;
}

// The subject after an inverted verb: "said Jaime Harrison, chair of …".
export function subjectStartingAt(tokens: Token[], k: number, ceil: number): NounPhrase | null {
  if (k >= ceil) return null;
  const pronoun = pronounAt(tokens, k);
  if (pronoun) return pronoun;
  const e = groupAfter(tokens, k, ceil);
  if (e > k && isPossessive(tokens[e - 1])) return possessedSubject(tokens, k, e, ceil);
  const phrase = e > k ? analyzeGroup(tokens, k, e) : null;
  // "one Republican involved in the planning" is described, not named
  if (phrase && phrase.org && INDEFINITE.has(tokens[k].lower))
    return descriptionStartingAt(tokens, k, ceil);
  // "the 39-year-old founder of Studiocomix Press": a role at an organisation describes a person
  if (
    phrase &&
    phrase.org &&
    (tokens[k].f & lexicon.FLAGS.DETERMINER) !== 0 &&
    (phrase.title !== null || opensWithRole(tokens, k + 1))
  )
    return { kind: 'description', start: k, end: e };
  if (phrase)
    return {
      kind: 'phrase',
      phrase,
      start: k,
      end: e,
      affiliation: affiliationAfter(tokens, e, ceil),
    };
  return descriptionStartingAt(tokens, k, ceil);
}

const INDEFINITE = new Set(['a', 'an', 'one', 'another']);

function isPossessive(t: Token): boolean {
  return t.kind === 'word' && t.poss;
}

// "Florida’s Rick Wilson", "Ms. Merkel's spokesman, Steffen Seibert": the
// possessor only qualifies the source.
function possessedSubject(tokens: Token[], k: number, e: number, ceil: number): NounPhrase | null {
  const next = groupAfter(tokens, e, ceil);
  const named = next > e ? analyzeGroup(tokens, e, next) : null;
  if (named && named.kind === 'name')
    return {
      kind: 'phrase',
      phrase: named,
      start: k,
      end: next,
      affiliation: affiliationAfter(tokens, next, ceil),
    };
  let j = e;
  while (
    j < ceil &&
    j - e < 5 &&
    tokens[j].kind === 'word' &&
    !tokens[j].cap &&
    !isSpeechVerb(tokens[j])
  )
    j++;
  if (j === e) return null;
  if (tokens[j]?.text === ',') {
    const end = appositionEnd(tokens, j, ceil);
    const inner = end > j ? innerName(tokens, j + 1, end) : null;
    if (inner) return { ...inner, start: k, end };
  }
  return { kind: 'description', start: k, end: j };
}

function affiliationAfter(tokens: Token[], e: number, ceil: number): Affiliation | null {
  const k = parentheticalEnd(tokens, e) > e ? parentheticalEnd(tokens, e) + 1 : e;
  if (tokens[k]?.text !== ',') return null;
  const end = appositionEnd(tokens, k, ceil);
  return end > k ? parseApposition(tokens, k + 1, end) : null;
}

function descriptionStartingAt(tokens: Token[], k: number, ceil: number): NounPhrase | null {
  if (!FORWARD_DETERMINERS.has(tokens[k].lower)) return null;
  let e = k + 1;
  while (
    e < ceil &&
    e - k <= MAX_DESCRIPTION &&
    tokens[e].kind === 'word' &&
    !STOP_DESCRIPTION.has(tokens[e].lower) &&
    !isSpeechVerb(tokens[e]) &&
    !isSpeechParticiple(tokens[e].lower)
  )
    e++;
  return e > k + 1 ? { kind: 'description', start: k, end: e } : null;
}

// Where a subject that starts at k ends, and the verb after it: "he said",
// "Sharon Hom, executive director …, said", "Mr. Trump said recently".
// `loose` accepts any verb-like word closing the clause ("“…,” Hannity started.").
export function subjectThenVerb(
  tokens: Token[],
  k: number,
  ceil: number,
  loose = false,
): { np: NounPhrase; verb: number } | null {
  const np = subjectStartingAt(tokens, k, ceil);
  if (!np) return null;
  let j = np.end;
  const paren = parentheticalEnd(tokens, j);
  if (paren > j) j = paren + 1;
  if (tokens[j]?.text === ',' && isSpeechVerb(tokens[skipAuxForward(tokens, j + 1, ceil)])) j++;
  if (tokens[j]?.text === ',' && np.kind === 'phrase')
    return appositionThenVerb(tokens, np, j, ceil);
  const verb = skipAuxForward(tokens, j, ceil);
  if (verb >= ceil || tokens[verb].kind !== 'word' || tokens[verb].cap) return null;
  if (
    isSpeechVerb(tokens[verb]) ||
    isParticleCue(tokens[verb].lower, tokens[verb + 1]?.lower) ||
    isQuotedAsSaying(tokens, verb)
  )
    return { np, verb };
  return loose &&
    np.kind !== 'description' &&
    /(ed|es)$/.test(tokens[verb].lower) &&
    isClauseEnd(tokens[verb + 1])
    ? { np, verb }
    : null;
}

// "Sharon Hom, executive director of …, said"; up to three appositions
// ("Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said").
function appositionThenVerb(
  tokens: Token[],
  np: NounPhrase & { kind: 'phrase' },
  comma: number,
  ceil: number,
): { np: NounPhrase; verb: number } | null {
  let j = comma;
  let affiliation: Affiliation | null = null;
  let inner: NounPhrase | null = null;
  for (let n = 0; n < 3 && tokens[j]?.text === ','; n++) {
    const end = appositionEnd(tokens, j, ceil);
    if (end < 0 || tokens[end]?.text !== ',') return null;
    affiliation = affiliation ?? parseApposition(tokens, j + 1, end);
    // "the Vatican spokesman, Federico Lombardi, told": the name inside the commas speaks
    if (n === 0 && np.phrase.kind === 'role') inner = innerName(tokens, j + 1, end);
    const verb = skipAuxForward(tokens, end + 1, ceil);
    if (verb < ceil && isSpeechVerb(tokens[verb]))
      return {
        np: inner
          ? { ...inner, start: np.start }
          : { ...np, affiliation: affiliation ?? np.affiliation },
        verb,
      };
    j = end;
  }
  return null;
}

// "Braynard is quoted as saying"
function isQuotedAsSaying(tokens: Token[], k: number): boolean {
  return (
    tokens[k].lower === 'quoted' &&
    tokens[k + 1]?.lower === 'as' &&
    isSpeechParticiple(tokens[k + 2]?.lower ?? '')
  );
}

function isClauseEnd(t: Token | undefined): boolean {
  return (
    !t ||
    t.kind === 'break' ||
    t.kind === 'quote' ||
    (t.kind === 'punct' && '.,;!?'.includes(t.text))
  );
}
