// Quotation marks that do not quote anyone: titles of works ("on ABC’s “This
// Week”"), scare quotes with nobody behind them, markup attribute values.

const WORD = /[\p{L}][\p{L}'’\-]*/gu;
const MAX_TITLE_WORDS = 6;
const MAX_SCARE_WORDS = 3;

export interface Candidate {
  text: string; // what stands between the marks
  partial: boolean; // opens inside running text
  attributed: boolean; // a speaker or a described source was found
  before: string; // the character before the opening mark
  wholeParagraph: boolean; // the quote is all its paragraph holds
  cued: boolean; // a cue next to the quote named its source (not just the paragraph around it)
}

function isTitleCase(text: string): boolean {
  const words = text.match(WORD) ?? [];
  if (words.length === 0 || words.length > MAX_TITLE_WORDS) return false;
  return /^\p{Lu}/u.test(words[0] ?? '') && words.every((w) => w.length < 4 || /^\p{Lu}/u.test(w));
}

// Every significant word capitalised inside running text: the name of a show, book or song.
export function isTitleOfWork(c: Candidate): boolean {
  return c.partial && isTitleCase(c.text);
}

// A short title-case line standing alone in quotes is a heading: 'All Bets Are Off.'
// (a paragraph that merely follows a speaker does not make it speech)
export function isHeading(c: Candidate): boolean {
  return c.wholeParagraph && !c.cued && isTitleCase(c.text);
}

export function isScareQuote(c: Candidate): boolean {
  if (c.attributed) return false;
  const words = c.text.match(WORD) ?? [];
  return words.length <= MAX_SCARE_WORDS;
}

// tweet-id="778257943577919488"
export function isMarkupValue(c: Candidate): boolean {
  return c.before === '=';
}

export const NOT_QUOTATION_RULES = [isMarkupValue, isTitleOfWork, isHeading, isScareQuote];

export function isQuotation(c: Candidate): boolean {
  return !NOT_QUOTATION_RULES.some((rule) => rule(c));
}
