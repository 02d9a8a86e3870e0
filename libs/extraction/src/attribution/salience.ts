import { writtenLowerCase, type Context } from './context';
import type { Mention, Person } from '../people/person';
import { lastBefore } from '../people/mentions';
import { orgOf } from '../people/registry';
import { PREPOSITIONS } from '../lexicon/en/words';
import { ORGANISATION_NOUNS } from '../lexicon/en/kinds';
import { isCueAt } from './spans';
import { skipAuxBack, subjectEndingAt, type NounPhrase } from './noun-phrase';
import { resolveName } from '../people/resolver';
import { analyzeGroup } from '../people/phrase';
import { isInvertible } from '../lexicon/en/speech-verbs';
import { FIRST_NAMES } from '../lexicon/en/first-names';
import { isWordCode } from '../text/chars';
import * as lexicon from '../lexicon/classify';

// Read once: imported bindings are getters in some module loaders.
const NOT_A_NAME =
  lexicon.FLAGS.STOP |
  lexicon.FLAGS.PRONOUN |
  lexicon.FLAGS.DETERMINER |
  lexicon.FLAGS.AUX |
  lexicon.FLAGS.ROLE |
  lexicon.FLAGS.TITLE |
  lexicon.FLAGS.PLACE |
  lexicon.FLAGS.ORG;

type Gender = 'm' | 'f' | null;

// How far back a pronoun looks: sentences, and mentions walked.
const MAX_SENTENCES = 40;
const MAX_STEPS = 200;
const MAX_SUBJECT_SCAN = 60; // tokens of a sentence searched for an unknown subject

function fits(person: Person, gender: Gender): boolean {
  return person.personal && !person.org && (!gender || !person.gender || person.gender === gender);
}

// he/she -> a person named before, sentence by sentence back from the pronoun
// (the subject of the latest reporting clause first, not the latest name):
// 1. in the pronoun's own sentence, only a name that opens it ("Smith, asked …, said he");
// 2. in each earlier sentence: the speaker of a quote attributed there, else its first
//    name that is not the object of a preposition, else its latest name.
// Only people with evidence of being a person qualify; no candidate means null.
export function resolvePronoun(ctx: Context, at: number, gender: Gender): Person | null {
  const all = ctx.registry.mentions.all;
  const speakers = ctx.speakers;
  let i = lastBefore(all, at);
  let j = lastSpeakerBefore(speakers, at);
  const here = ctx.sentence[at];
  let steps = 0;
  for (let s = here; s >= 0 && here - s <= MAX_SENTENCES && steps < MAX_STEPS; s--) {
    let spoke: Person | null = null;
    while (j >= 0 && ctx.sentence[speakers[j].token] === s && steps < MAX_STEPS) {
      steps++;
      if (!spoke && fits(speakers[j].person, gender)) spoke = speakers[j].person;
      j--;
    }
    const inSentence: Mention[] = [];
    while (i >= 0 && ctx.sentence[all[i].start] === s && steps < MAX_STEPS) {
      inSentence.push(all[i]);
      i--;
      steps++;
    }
    // a heading or page furniture ("Story continues below advertisement") introduces no one
    if (s !== here && isBareLine(ctx, s)) continue;
    if (s === here) {
      const found = openingName(ctx, inSentence, s, gender);
      if (found) return found;
      continue;
    }
    if (spoke) return spoke;
    // the subject of this sentence is a name we know nothing about ("Mulder didn't
    // hesitate."): the pronoun most likely means it, so nobody older is guessed
    const lone = unknownSubject(ctx, s, inSentence);
    if (lone >= 0) return takenUp(ctx, lone, gender);
    if (lone === -2) return null;
    const found = pick(ctx, inSentence, gender);
    if (found) return found;
    const named = unknownNameSubject(ctx, s, inSentence);
    if (named)
      return readsAsName(ctx, named) ? takenUp(ctx, named.start, gender, named.person) : null;
  }
  return null;
}

// A lone capitalised word that starts no known name, at the start of the sentence or of
// a clause after a comma, followed by its verb: "Trudeau denied …", ", Mulder didn't …".
// Its token when it reads as a name; -2 when it may be a common word (the pronoun still
// most likely means it: null); -1 when there is no such subject.
function unknownSubject(ctx: Context, s: number, inSentence: Mention[]): number {
  const start = ctx.sentenceSpan[2 * s];
  const end = ctx.sentenceSpan[2 * s + 1];
  const tokens = ctx.tokens;
  for (let k = start; k < end - 1 && k - start < MAX_SUBJECT_SCAN; k++) {
    const t = tokens[k];
    if (t.kind !== 'word' || !t.cap || (t.f & NOT_A_NAME) !== 0 || t.text.length < 3) continue;
    if (k > start && tokens[k - 1].text !== ',') continue;
    if (k > start && tokens[k - 2]?.kind === 'word' && tokens[k - 2].cap && /[.]/.test(t.text))
      continue; // "Moncton, N.B."
    const next = tokens[k + 1];
    if (next.kind === 'word' && next.cap) continue; // part of a longer name
    const verb =
      next.kind === 'word' &&
      ((next.f & (lexicon.FLAGS.AUX | lexicon.FLAGS.SPEECH)) !== 0 ||
        /(ed|n['’]t)$/.test(next.lower));
    const after = tokens[k + 2];
    // "Yuni, a resident of …, was", "Smith, 45, said"
    const apposition =
      k === start &&
      next.text === ',' &&
      after !== undefined &&
      (APPOSITION_OPENERS.has(after.lower) || /^\d/.test(after.text));
    if (!verb && !apposition) continue;
    if (/['’]/.test(t.text) || t.lower.endsWith('ing')) continue; // "Having lost so much, …"
    if (t.lower.length >= 6 && t.lower.endsWith('ly') && !FIRST_NAMES.has(t.lower)) continue; // "Unfortunately, the …"
    if (inSentence.some((m) => m.start <= k && k < m.end)) continue;
    if (writtenLowerCase(ctx, t.lower)) continue; // "Story continues": written lower case elsewhere, a common word
    // a sentence capitalises any first word ("Moments later", "Audiences can"): a name is
    // also capitalised inside a sentence, or is a known first name, or has an apposition
    const named =
      apposition || FIRST_NAMES.has(t.lower) || k > start || capitalisedInside(ctx, t.text);
    return named ? k : -2;
  }
  return -1;
}

// The unknown subject a pronoun takes up is a person of the pronoun's gender: the pronoun
// is the evidence. Only a plain name qualifies (no organisation head, no acronym).
function takenUp(ctx: Context, k: number, gender: Gender, known?: Person): Person | null {
  let person = known ?? null;
  if (!person) {
    const phrase = analyzeGroup(ctx.tokens, k, k + 1);
    if (!phrase || phrase.kind !== 'name' || phrase.org) return null;
    person = resolveName(ctx.registry, ctx.tokens, phrase);
  }
  if (person.org || (gender && person.gender && person.gender !== gender)) return null;
  person.personal = true;
  person.gender = person.gender ?? gender;
  return person;
}

// A name that opens the sentence, followed by its verb, with no evidence of being a person
// or an organisation ("Mamadou Dia was on a business trip …"): the subject the pronoun most
// likely means, though we cannot tell it is a person, so nobody older is guessed.
function unknownNameSubject(ctx: Context, s: number, inSentence: Mention[]): Mention | null {
  const start = ctx.sentenceSpan[2 * s];
  const m = inSentence.at(-1); // the earliest mention of the sentence
  if (!m || m.start !== start || m.possessive) return null;
  const p = m.person;
  if (p.personal || p.org || p.words.length < 2) return null;

  const next = ctx.tokens[m.end];
  const verb =
    next !== undefined &&
    next.kind === 'word' &&
    ((next.f & (lexicon.FLAGS.AUX | lexicon.FLAGS.SPEECH)) !== 0 ||
      /(ed|n['’]t)$/.test(next.lower));
  return verb ? m : null;
}

// "Was Szlachta satisfied", "Comedian Sarah Silverman": a sentence capitalises its first
// word, so a first word that is a common word is no part of the name.
function readsAsName(ctx: Context, m: Mention): boolean {
  const first = ctx.tokens[m.start];
  return (
    first.kind === 'word' && (first.f & NOT_A_NAME) === 0 && !writtenLowerCase(ctx, first.lower)
  );
}

const MAX_BARE_LINE = 12; // tokens

// A line of its own that does not end as a sentence does: a subhead or page furniture.
function isBareLine(ctx: Context, s: number): boolean {
  const start = ctx.sentenceSpan[2 * s];
  const end = ctx.sentenceSpan[2 * s + 1];
  if (start < 0 || end - start > MAX_BARE_LINE) return false;
  const p = ctx.paragraph[start];
  if (ctx.paragraphSpan[2 * p] !== start || ctx.paragraphSpan[2 * p + 1] !== end) return false;
  const last = ctx.tokens[end - 1];
  return last.kind === 'word';
}

const APPOSITION_OPENERS = new Set(['a', 'an', 'the', 'who', 'whose']);
// Binary search: the index of the last speaker whose cue is before token `at`, or -1.
function lastSpeakerBefore(speakers: Context['speakers'], at: number): number {
  let lo = 0;
  let hi = speakers.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (speakers[mid].token < at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function usable(m: Mention, gender: Gender, ctx?: Context): boolean {
  return !m.possessive && fits(m.person, gender) && !(ctx && isCredit(ctx, m));
}

// A photo or byline credit is no one in the story: "(Luis Tato/AFP/Getty Images)",
// "(Lauren Pelley / CBC News)", "Tijana Martin / The Canadian Press".
function isCredit(ctx: Context, m: Mention): boolean {
  const after = ctx.tokens[m.end];
  const before = ctx.tokens[m.start - 1];
  return (
    (after !== undefined && after.text === '/') || (before !== undefined && before.text === '(')
  );
}

function afterPreposition(ctx: Context, m: Mention): boolean {
  const t = ctx.tokens[m.start - 1];
  return t !== undefined && t.kind === 'word' && PREPOSITIONS.has(t.lower);
}

// "… called Immigration Minister Ahmed Hussen a “chicken”": a name right after a
// lower-case word other than a conjunction is the object of a verb, not a subject.
function afterVerb(ctx: Context, m: Mention): boolean {
  const t = ctx.tokens[m.start - 1];
  const next = ctx.tokens[m.end];
  return (
    t !== undefined &&
    t.kind === 'word' &&
    !t.cap &&
    !SUBJECT_OPENERS.has(t.lower) &&
    // "said Grant Green": a speech verb before the name is inverted, the name its subject
    (t.f & (lexicon.FLAGS.DETERMINER | lexicon.FLAGS.ROLE | lexicon.FLAGS.TITLE)) === 0 &&
    !isInvertible(t.lower) &&
    // "Did that mean Garcia would vote …": the subject of a clause of its own
    !(
      next !== undefined &&
      next.kind === 'word' &&
      ((next.f & (lexicon.FLAGS.AUX | lexicon.FLAGS.SPEECH)) !== 0 ||
        /(ed|n['’]t)$/.test(next.lower))
    )
  );
}

function hasRelativeClause(ctx: Context, m: Mention): boolean {
  const tokens = ctx.tokens;
  let k = m.start;
  while (k < m.end && k - m.start < 8 && (tokens[k].cap || tokens[k].text === '.')) k++;
  const comma = tokens[k];
  const who = tokens[k + 1];
  return comma?.text === ',' && who !== undefined && (who.lower === 'who' || who.lower === 'whose');
}

const SUBJECT_OPENERS = new Set([
  'and',
  'but',
  'or',
  'that',
  'when',
  'while',
  'as',
  'because',
  'since',
  'if',
  'so',
  'then',
  'who',
  'although',
  'though',
  'where',
  'after',
  'before',
  'until',
  'once',
]);

// inSentence is latest first.
function pick(ctx: Context, inSentence: Mention[], gender: Gender): Person | null {
  for (let k = inSentence.length - 1; k >= 0; k--)
    if (
      usable(inSentence[k], gender, ctx) &&
      !afterPreposition(ctx, inSentence[k]) &&
      !afterVerb(ctx, inSentence[k])
    )
      return inSentence[k].person;
  // "I'm talking about Alfonso Espinos, who like Montalban was born in Mexico": a name a
  // relative clause is about is the sentence's topic, whatever stands inside the clause
  for (let k = inSentence.length - 1; k >= 0; k--)
    if (usable(inSentence[k], gender, ctx) && hasRelativeClause(ctx, inSentence[k]))
      return inSentence[k].person;
  // no subject that fits: an object will do ("The rise of Bannon gave Beck new impetus")
  for (let k = inSentence.length - 1; k >= 0; k--)
    if (usable(inSentence[k], gender, ctx) && !afterPreposition(ctx, inSentence[k]))
      return inSentence[k].person;
  for (const m of inSentence) if (usable(m, gender, ctx)) return m.person;
  return null;
}

// In the pronoun's own sentence, a name in subject position before it: at the sentence
// start or right after a comma, colon, dash or conjunction ("Smith, asked …, said he";
// "DIALOGUE: US president-elect Donald Trump … confirmed that he"), not the object of a
// verb or preposition ("Asked what he would tell Mayor John Tory …, he said").
function openingName(
  ctx: Context,
  inSentence: Mention[],
  s: number,
  gender: Gender,
): Person | null {
  const start = ctx.sentenceSpan[2 * s];
  for (let k = inSentence.length - 1; k >= 0; k--) {
    const m = inSentence[k];
    if (!usable(m, gender, ctx)) continue;
    const prev = ctx.tokens[m.start - 1];
    if (
      m.start === start ||
      (prev && (CLAUSE_OPENERS.has(prev.text) || CLAUSE_OPENERS.has(prev.lower)))
    )
      return m.person;
  }
  return null;
}

const CLAUSE_OPENERS = new Set([',', ':', '—', '–', '(', ';', 'and', 'but']);

const MAX_ORG_SENTENCES = 6;

// Nouns that take up any organisation named before; others must be the named one's head
// ("the foundation" -> National Golf Foundation, "the council" -> St. Paul City Council).
const GENERIC_ORG_NOUNS = new Set([
  'company',
  'firm',
  'utility',
  'agency',
  'organization',
  'organisation',
  'corporation',
  'business',
]);

// "the company said", "the utility said", "the foundation predicts": the organisation
// named within the few sentences before, when exactly one is named there (two make the
// reference unclear: null) and the noun fits it. "it said" is not resolved: too often
// it is a report, a law or a place (measured on polnear_train).
export function resolveOrganisation(ctx: Context, at: number, noun: string): Person | null {
  const orgs = ctx.registry.orgMentions;
  const here = ctx.sentence[at];
  let lo = 0;
  let hi = orgs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (orgs[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  let found: Person | null = null;
  for (let i = lo - 1; i >= 0 && lo - i <= MAX_STEPS; i--) {
    const m = orgs[i];
    if (here - ctx.sentence[m.start] > MAX_ORG_SENTENCES) break;
    if (m.possessive) continue;
    const org = orgOf(ctx.registry, ctx.tokens, m);
    if (found && found !== org && found.name !== org.name) return null;
    found = org;
  }
  if (!found || GENERIC_ORG_NOUNS.has(noun)) return found;
  return found.words.includes(noun) ? found : null;
}

const MAX_REPORT_SENTENCES = 4;

// What a reporting clause's subject says about a later "it" or "they": the subject itself
// (the answer), 'again' (the same source taken up again: look further back) or 'other'.
type Reading = 'again' | 'other' | NounPhrase;

// The subject of the latest reporting clause before `at`, in its own sentence (before it)
// or in one of the few sentences before, read by `read`; null when none fits.
function latestReportSubject(
  ctx: Context,
  at: number,
  read: (np: NounPhrase) => Reading,
): NounPhrase | null {
  const tokens = ctx.tokens;
  const here = ctx.sentence[at];
  // sentences since the last link of the chain ("it said" … "the utility said" …)
  let seen = 0;
  for (let s = here; s >= 0 && seen < MAX_REPORT_SENTENCES && here - s <= MAX_SENTENCES; s--) {
    if (ctx.sentenceSpan[2 * s] < 0 || (s !== here && isBareLine(ctx, s))) continue;
    if (s !== here) seen++;
    const start = ctx.sentenceSpan[2 * s];
    // in its own sentence, only a reporting clause before it: "China, …, said it was …"
    const end = s === here ? at : ctx.sentenceSpan[2 * s + 1];
    for (let j = end - 1; j > start && end - j <= MAX_SUBJECT_SCAN; j--) {
      if (!isCueAt(tokens, j) || (tokens[j].f & lexicon.FLAGS.PARTICIPLE) !== 0) continue;
      const np = subjectEndingAt(tokens, skipAuxBack(tokens, j - 1, start), start);
      const r = np ? read(np) : 'other';
      if (r === 'other') return null;
      if (r === 'again') {
        seen = 0;
        break;
      }
      return r;
    }
  }
  return null;
}

// "BC Hydro said in a statement that … ¶ “…,” it said": "it" as a speaker is the
// organisation that is the subject of the latest reporting clause before it. A person, a
// document or any other subject there in between makes "it" something else (a report, a
// law, a place): null. "the utility said" between them is the same organisation again.
export function resolveIt(ctx: Context, at: number): Person | null {
  const tokens = ctx.tokens;
  const np = latestReportSubject(ctx, at, (np) => {
    if (np.kind === 'pronoun') return np.word.toLowerCase() === 'it' ? 'again' : 'other';
    if (np.kind === 'description') {
      const head = tokens[np.end - 1].lower;
      return tokens[np.start].lower === 'the' &&
        np.end - np.start === 2 &&
        ORGANISATION_NOUNS.has(head)
        ? 'again'
        : 'other';
    }
    if (np.kind === 'joined' || !np.phrase.org || np.phrase.kind !== 'name') return 'other';
    return tokens[np.phrase.nameEnd - 1].poss ? 'other' : np;
  });
  return np?.kind === 'phrase' ? resolveName(ctx.registry, tokens, np.phrase) : null;
}

// "Google said Thursday that … ¶ “…,” the company said": an organisation noun takes up
// the subject of the latest reporting clause when that is a name of no person (and
// classifies it: the company is an organisation). "it" and the same noun between are the
// same source again; anyone else reporting in between: null.
export function reportedOrganisation(ctx: Context, at: number, noun: string): Person | null {
  const tokens = ctx.tokens;
  const np = latestReportSubject(ctx, at, (np) => {
    if (np.kind === 'pronoun') return np.word.toLowerCase() === 'it' ? 'again' : 'other';
    if (np.kind === 'description')
      return tokens[np.start].lower === 'the' &&
        np.end - np.start === 2 &&
        ORGANISATION_NOUNS.has(tokens[np.end - 1].lower)
        ? 'again'
        : 'other';
    if (np.kind === 'joined' || np.phrase.kind !== 'name') return 'other';
    return tokens[np.phrase.nameEnd - 1].poss || np.phrase.title !== null || np.phrase.gender
      ? 'other'
      : np;
  });
  if (np?.kind !== 'phrase') return null;
  const org = resolveName(ctx.registry, tokens, np.phrase);
  if (org.personal || (!GENERIC_ORG_NOUNS.has(noun) && !org.words.includes(noun))) return null;
  org.org = true;
  return org;
}

// "Tore Sohlberg and Lehla Abreder said they respected the vote. ¶ “…,” they said": "they"
// is the joined subject of the latest reporting clause; any other subject there: null.
export function jointReporters(ctx: Context, at: number): NounPhrase | null {
  return latestReportSubject(ctx, at, (np) => {
    if (np.kind === 'pronoun') return np.word.toLowerCase() === 'they' ? 'again' : 'other';
    return np.kind === 'joined' ? np : 'other';
  });
}

const MAX_CAP_HITS = 32;

// Whether `word` (as written, capitalised) stands inside a sentence somewhere in the text,
// not after sentence punctuation, a quotation mark or a line start, and never after a
// preposition or article.
function capitalisedInside(ctx: Context, word: string): boolean {
  const text = ctx.text;
  let from = 0;
  let inside = false;
  for (let n = 0; n < MAX_CAP_HITS; n++) {
    const i = text.indexOf(word, from);
    if (i < 0) break;
    from = i + word.length;
    if (from < text.length && isWordCode(text.charCodeAt(from))) continue;
    let j = i - 1;
    while (j >= 0 && text.charCodeAt(j) === 32) j--;
    if (j < 0 || j === i - 1) continue;
    if (/[.!?:\n"'“”‘’—–-]/.test(text[j])) continue;
    // "in Clarkston", "the Millennials": a place or a class of people, not a person
    const before = /(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, i - 12), i));
    if (before && NOT_PERSON_BEFORE.has(before[1].toLowerCase())) return false;
    inside = true;
  }
  return inside;
}

const NOT_PERSON_BEFORE = new Set(['in', 'at', 'from', 'to', 'of', 'the', 'near', 'across']);
