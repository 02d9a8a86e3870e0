// Quotation marks that do not quote anyone: titles of works ("on ABC’s “This
// Week”"), headings, scare quotes with nobody behind them, markup attribute values.

const MAX_TITLE_WORDS = 6;
const MAX_SCARE_WORDS = 3;
const MAX_LOOSE_SCARE_WORDS = 2; // "too many", said after a speaker, is speech more often than not

export interface Candidate {
  text: string; // what stands between the marks
  partial: boolean; // opens inside running text
  attributed: boolean; // a speaker or a described source was found
  before: string; // the character before the opening mark
  wholeParagraph: boolean; // the quote is all its paragraph holds
  cued: boolean; // a cue next to the quote named its source (not just the paragraph around it)
  wordBefore?: string; // the word right before the opening mark, lower case ('' if none)
  verbBefore?: string; // the word before `wordBefore`, lower case
  wordAfter?: string;
  afterPossessive?: boolean; // the opening mark follows a possessive: CBS’ “Face the Nation” // the word right after the closing mark, only spaces between ('' if none)
}

function isLetter(c: string): boolean {
  return c.toLowerCase() !== c.toUpperCase();
}

// The first `limit + 1` words (letter runs with ' ’ -), so long quotes cost nothing.
function firstWords(text: string, limit: number): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length && words.length <= limit; i++) {
    const c = text[i];
    const inWord =
      c !== undefined && (isLetter(c) || (start >= 0 && (c === "'" || c === '’' || c === '-')));
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      words.push(text.slice(start, i));
      start = -1;
    }
  }
  return words;
}

function isTitleCase(text: string): boolean {
  const words = firstWords(text, MAX_TITLE_WORDS);
  if (words.length === 0 || words.length > MAX_TITLE_WORDS) return false;
  const capital = (w: string): boolean => w[0] !== w[0].toLowerCase();
  return capital(words[0]) && words.every((w) => w.length < 4 || capital(w));
}

// Every significant word capitalised inside running text: the name of a show, book or song.
export function isTitleOfWork(c: Candidate): boolean {
  return (c.partial || c.afterPossessive === true) && isTitleCase(c.text);
}

// A short title-case line standing alone in quotes is a heading: 'All Bets Are Off.'
// (a paragraph that merely follows a speaker does not make it speech)
export function isHeading(c: Candidate): boolean {
  return c.wholeParagraph && !c.cued && isTitleCase(c.text);
}

// Three words or fewer with nobody behind them ("lone wolves"), or inside running text with
// no cue of their own (a “independent” in a paragraph where someone else is quoted: the
// paragraph's speaker does not make it speech). A short quote with its own cue ("“I'm
// back,” he said"), or standing as its own sentence next to its speaker's, is kept.
export function isScareQuote(c: Candidate): boolean {
  if (c.attributed && !(c.partial && !c.cued)) return false;
  const words = firstWords(c.text, MAX_SCARE_WORDS).length;
  return c.attributed ? words <= MAX_LOOSE_SCARE_WORDS : words <= MAX_SCARE_WORDS;
}

// Determiners that open a noun phrase, and the words that may follow a quoted noun
// without being the head noun it modifies.
const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'its',
  'their',
  'his',
  'her',
  'our',
  'your',
  'this',
  'that',
  'these',
  'those',
]);
const NOT_A_HEAD = new Set([
  'and',
  'or',
  'but',
  'nor',
  'on',
  'in',
  'at',
  'for',
  'of',
  'to',
  'over',
  'from',
  'with',
  'by',
  'as',
  'about',
  'into',
  'than',
  'is',
  'was',
  'are',
  'were',
  'be',
  'been',
  'that',
  'which',
  'who',
  'when',
  'if',
  'because',
  'after',
  'before',
  'since',
  'while',
  'he',
  'she',
  'they',
  'it',
  'we',
  'i',
  'you',
  'has',
  'had',
  'have',
  'will',
  'would',
  'could',
  'should',
  'can',
  'may',
  'might',
  'said',
  'says',
  'told',
  'according',
  'so',
  'then',
  'not',
  'also',
]);

const CALLING = new Set([
  'call',
  'calls',
  'called',
  'calling',
  'dub',
  'dubs',
  'dubbed',
  'dubbing',
  'termed',
  'described',
  'labelled',
  'labeled',
  'branded',
]);

// A short quote between a determiner and a following noun modifies that noun: the
// “unpredictable” nature, the “boys will be boys” trope. A word used, not words spoken.
export function isQuotedModifier(c: Candidate): boolean {
  if (!c.partial || !c.wordBefore || !c.wordAfter) return false;
  if (!DETERMINERS.has(c.wordBefore) || NOT_A_HEAD.has(c.wordAfter)) return false;
  if (c.verbBefore && CALLING.has(c.verbBefore)) return false; // what someone called it

  const last = c.text.at(-1) ?? '';
  return isLetter(last) && firstWords(c.text, MAX_SCARE_WORDS + 1).length <= MAX_SCARE_WORDS + 1;
}

const NAMING = new Set(['called', 'dubbed', 'named', 'titled', 'entitled', 'nicknamed']);

const PASSIVE_AUX = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being']);

// A short quote right after a passive naming verb is the name given to a thing: the
// system, simply called ‘loop,’; a game was dubbed “Snowbowl”. Active naming is speech:
// `what Mr. Trump called ''a disgrace''`, `called the conclusion “bold”`.
export function isGivenName(c: Candidate): boolean {
  return (
    c.partial &&
    c.wordBefore !== undefined &&
    NAMING.has(c.wordBefore) &&
    c.verbBefore !== undefined &&
    (PASSIVE_AUX.has(c.verbBefore) || c.verbBefore.endsWith('ly')) &&
    firstWords(c.text, MAX_SCARE_WORDS).length <= MAX_LOOSE_SCARE_WORDS
  );
}

// tweet-id="778257943577919488"
export function isMarkupValue(c: Candidate): boolean {
  return c.before === '=';
}

export const NOT_QUOTATION_RULES = [
  isMarkupValue,
  isTitleOfWork,
  isHeading,
  isScareQuote,
  isQuotedModifier,
  isGivenName,
];

export function isQuotation(c: Candidate): boolean {
  return !NOT_QUOTATION_RULES.some((rule) => rule(c));
}
