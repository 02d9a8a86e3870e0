import type {
  ExtractedQuote,
  ExtractionResult,
  ExtractOptions,
  MentionedPerson,
  SpeakerKind,
} from './types';
import { scanQuotes, type ScannedQuote } from './scan/scan-quotes';
import { matchKicker } from './segment/kicker';
import { buildContext } from './attribution/context';
import { attributeQuotes, rulesOf } from './attribution/sieve';
import type { Attribution } from './attribution/attribution';
import type { Person } from './people/person';
import { canonicalNames, type Canonical } from './people/canonical';
import { confidenceOf, pathOf } from './attribution/confidence';
import { DOCUMENT_NOUNS, ORGANISATION_NOUNS } from './lexicon/en/kinds';
import { ORG_WORDS } from './lexicon/en/roles';
import { isLetterOrDigit } from './scan/marks';
import { isDigitCode, isWordCode } from './text/chars';
import { isQuotation } from './filter/not-quotations';

const CONTEXT_RULE_NAMES = new Set(rulesOf('context').map((r) => r.name));

// Extracts the quotes of ONE article or teaser. A teaser's kicker label is skipped.
export function extract(text: string, options: ExtractOptions = {}): ExtractionResult {
  void options.publishedAt; // affiliations are "as of the article"; the date is kept by the caller
  const from = matchKicker(text, 0)?.end ?? 0;
  const quotes = scanQuotes(text);
  const ctx = buildContext(text, quotes, from);
  const attributions = attributeQuotes(ctx, options.rules);
  const out: ExtractedQuote[] = [];
  const canonical = canonicalNames(ctx.registry.people);
  quotes.forEach((q, i) => {
    if (ctx.quoteToken[i] < 0) return;
    const a = attributions[i];
    const quote = toQuote(text, q, a, canonical);
    // the words around a quote are read only where a quoted modifier is possible
    const modifier = quote.partial && q.end > q.start;
    const [before1, before2] = modifier ? wordsBefore(text, q.open) : ['', ''];
    const attributed = a !== null; // a cue was found, even if its pronoun stays unresolved
    const cued = a !== null && !CONTEXT_RULE_NAMES.has(a.rule);
    if (inTeaserLine(text, q.open) || (!cued && inHeadline(text, q.open))) return;
    if (inCaption(text, q.after)) return;
    if (
      !isQuotation({
        text: quote.text,
        partial: quote.partial,
        attributed,
        cued,
        before: text[q.open - 1] ?? '',
        wholeParagraph: isWholeParagraph(text, q),
        wordBefore: before1,
        verbBefore: before2,
        wordAfter: modifier ? wordAfter(text, q.after) : '',
        afterPossessive: !quote.partial && followsPossessive(text, q.open),
      })
    )
      return;
    if (a?.source.person) a.source.person.quoted = true;
    out.push(quote);
  });
  return { quotes: out, people: peopleOf(ctx.registry.people) };
}

function toQuote(
  text: string,
  q: ScannedQuote,
  a: Attribution | null,
  canonical: Canonical,
): ExtractedQuote {
  const person = a?.source.person ?? null;
  const path = person ? pathOf(a as Attribution) : null;
  return {
    text: text.slice(q.start, q.end),
    start: q.start,
    end: q.end,
    speaker: person ? canonical(person) : null,
    speakerDescription: a?.source.description ?? null,
    mention: a?.source.mention ?? null,
    cue: a?.cue ?? null,
    role: person?.role ?? a?.source.role ?? null,
    organization: person?.organization ?? a?.source.organization ?? null,
    nativeName: person?.nativeName ?? null,
    partial: isPartial(text, q),
    unterminated: q.unterminated,
    speakerKind: a ? kindOf(a) : null,
    rule: person ? (a as Attribution).rule : 'none',
    confidence: path !== null ? confidenceOf(a as Attribution, path) : 0,
    path,
  };
}

// Quoted words inside running text: the opening mark follows a word.
function isPartial(text: string, q: ScannedQuote): boolean {
  let i = q.open - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\u00a0' || text[i] === '\t')) i--;
  return i >= 0 && isLetterOrDigit(text[i]);
}

function isLetterCode(code: number): boolean {
  return isWordCode(code) && !isDigitCode(code);
}

function isLowerCode(code: number): boolean {
  if (code >= 97 && code <= 122) return true;
  if (code < 0xc0 || !isWordCode(code)) return false;
  const c = String.fromCharCode(code);
  return c !== c.toUpperCase();
}

// Start of the word (letters only) ending right before `at` after spaces; `at` if none.
function wordStartBefore(text: string, at: number): number {
  let i = at - 1;
  while (i >= 0 && text.charCodeAt(i) === 32) i--;
  const end = i + 1;
  while (i >= 0 && end - i <= 20 && isLetterCode(text.charCodeAt(i))) i--;
  return i + 1 < end ? i + 1 : at;
}

function wordAt(text: string, start: number): string {
  let j = start;
  while (j < text.length && j - start <= 20 && isLetterCode(text.charCodeAt(j))) j++;
  return text.slice(start, j).toLowerCase();
}

// The two words before `at` (nearest first), lower case; '' where there is none.
function wordsBefore(text: string, at: number): [string, string] {
  const s1 = wordStartBefore(text, at);
  if (s1 === at) return ['', ''];
  const s2 = wordStartBefore(text, s1);
  return [wordAt(text, s1), s2 === s1 ? '' : wordAt(text, s2)];
}

// The lower-case word starting right after `at` past spaces only; '' if none.
function wordAfter(text: string, at: number): string {
  let i = at;
  while (i < text.length && text.charCodeAt(i) === 32) i++;
  const start = i;
  while (i < text.length && i - start <= 20 && isLowerCode(text.charCodeAt(i))) i++;
  return i > start && !(i < text.length && isLetterCode(text.charCodeAt(i)))
    ? text.slice(start, i)
    : '';
}

// CBS’ “Face the Nation”, ABC’s “This Week”: an apostrophe closing a word before the mark.
function followsPossessive(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && text.charCodeAt(i) === 32) i--;
  const c = text.charCodeAt(i);
  return (c === 0x2019 || c === 39) && i > 0 && isLetterCode(text.charCodeAt(i - 1));
}

function isWholeParagraph(text: string, q: ScannedQuote): boolean {
  let i = q.open - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i >= 0 && text[i] !== '\n') return false;
  let j = q.after;
  while (j < text.length && ' \t\r.,'.includes(text[j])) j++;
  return j >= text.length || text[j] === '\n';
}

function peopleOf(people: Person[]): MentionedPerson[] {
  return people
    .filter((p) => !p.org && !p.members)
    .map((p) => ({
      name: p.name,
      nativeName: p.nativeName,
      aliases: [...p.aliases],
      role: p.role,
      organization: p.organization,
      quoted: p.quoted,
    }));
}

// "BC Hydro", "RCMP": an acronym in a name says organisation, as an organisation head does.
function isOrganisationName(name: string): boolean {
  return name.split(/\s+/).some((w) => /^\p{Lu}{2,}$/u.test(w) || ORG_WORDS.has(w.toLowerCase()));
}

// A named organisation, else a person; an unnamed source by its head noun: "the report"
// is a document, "the company" an organisation, "officials" a group, "a spokesman" a person.
function kindOf(a: Attribution): SpeakerKind {
  const person = a.source.person;
  if (person?.members) return 'group';
  if (person)
    return person.org || (!person.personal && isOrganisationName(person.name))
      ? 'organisation'
      : 'person';
  const words = (a.source.description ?? a.source.mention)
    .toLowerCase()
    .split(/[^\p{L}-]+/u)
    .filter((w) => w !== '');
  const head = words.at(-1) ?? '';
  if (words.includes('and')) return 'group'; // "Obama and Clinton"
  if (DOCUMENT_NOUNS.has(head)) return 'document';
  if (ORGANISATION_NOUNS.has(head) || a.source.mention.toLowerCase() === 'it')
    return 'organisation';
  if (head.endsWith('s') && !head.endsWith('ss')) return 'group';
  if (['they', 'we'].includes(head)) return 'group';
  return 'person';
}

// "READ MORE: Justin Trudeau says …", "WATCH: ‘…’": a teaser headline for another
// story, page furniture and not this article's speech.
const TEASER_LABEL =
  /^[ \t]*(?:READ MORE|READ|MORE|WATCH|RELATED|LISTEN|VIDEO|PHOTOS?|SEE ALSO|ALSO READ|ICYMI|TRENDING|RECOMMENDED|LATEST)\b[^:\n]{0,20}:/;

function inTeaserLine(text: string, at: number): boolean {
  const lineStart = lineStartWithin(text, at, 400);
  return (
    lineStart >= 0 && TEASER_LABEL.test(text.slice(lineStart, Math.min(at + 1, lineStart + 40)))
  );
}

// A photo caption ends with its credit: "… Dennis Brooks says: ‘Just listen.’ (Muriel
// Draaisma/CBC)". It repeats the story's words beside a picture; the story has them too.
function inCaption(text: string, at: number): boolean {
  let end = at;
  while (end < text.length && text.charCodeAt(end) !== 10) {
    if (end - at > 300) return false;
    end++;
  }
  let i = end - 1;
  while (i > at && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 13)) i--;
  if (text.charCodeAt(i) !== 41) return false; // ')'
  for (let k = i - 1; k > at && i - k <= 80; k--) {
    const c = text.charCodeAt(k);
    if (c === 40) return text.slice(k, i).includes('/'); // '(' … '/' … ')'
    if (c === 41) return false;
  }
  return false;
}

// Start of the line holding `at`, or -1 when it starts more than `limit` characters back:
// every look-around is bounded, so extraction stays linear on any input.
function lineStartWithin(text: string, at: number, limit: number): number {
  for (let i = at - 1; i >= 0; i--) {
    if (text.charCodeAt(i) === 10) return i + 1;
    if (at - i > limit) return -1;
  }
  return at <= limit ? 0 : -1;
}

// A short line with no sentence punctuation at its end is a headline or subhead
// ("RCMP call situation 'unpredictable'", "'Hard to be in such close quarters'"):
// what it quotes is taken up again in the story, where it has a speaker.
function inHeadline(text: string, at: number): boolean {
  const lineStart = lineStartWithin(text, at, 120);
  if (lineStart < 0) return false;
  let lineEnd = at;
  while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && lineEnd - lineStart <= 120)
    lineEnd++;
  if (lineEnd - lineStart > 120) return false;
  let i = lineEnd - 1;
  while (i > lineStart && /[\s"'“”‘’»«)]/.test(text[i])) i--;
  return i > lineStart && /[\p{L}\p{N}]/u.test(text[i]);
}
