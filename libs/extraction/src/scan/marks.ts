import * as chars from '../text/chars';

// Read once: imported bindings are getters in some module loaders.
const { isDigitCode, isSpaceCode, isWordCode } = chars;

// Classifies one quotation mark (or a '' pair) by its neighbours. Only the
// immediate neighbours are read, by code unit, so classification is O(1).

export type Family = 'double' | 'single';
export type Direction = 'open' | 'close' | 'either';

export interface Mark {
  family: Family;
  direction: Direction;
  length: number; // 2 for a '' pair
}

const SINGLE_OPEN: Mark = { family: 'single', direction: 'open', length: 1 };
const SINGLE_CLOSE: Mark = { family: 'single', direction: 'close', length: 1 };
const DOUBLE_OPEN: Mark = { family: 'double', direction: 'open', length: 1 };
const DOUBLE_CLOSE: Mark = { family: 'double', direction: 'close', length: 1 };
const STRAIGHT: Record<Direction, Mark[]> = {
  open: [DOUBLE_OPEN, { family: 'double', direction: 'open', length: 2 }],
  close: [DOUBLE_CLOSE, { family: 'double', direction: 'close', length: 2 }],
  either: [
    { family: 'double', direction: 'either', length: 1 },
    { family: 'double', direction: 'either', length: 2 },
  ],
};

const PAIR_OPEN: Mark = { family: 'double', direction: 'open', length: 2 };
const PAIR_CLOSE: Mark = { family: 'double', direction: 'close', length: 2 };
const NONE = -1; // the code before the start or after the end of the text

export function isLetterOrDigit(c: string | undefined): boolean {
  return c !== undefined && isWordCode(c.charCodeAt(0));
}

function word(code: number): boolean {
  return code !== NONE && isWordCode(code);
}

function space(code: number): boolean {
  return code === NONE || isSpaceCode(code);
}

// Whitespace, brackets, dashes, slashes, colons and other opening marks.
function opening(code: number): boolean {
  if (space(code)) return true;
  switch (code) {
    case 40:
    case 91:
    case 123:
    case 0x2014:
    case 0x2013:
    case 45:
    case 47:
    case 0x2026:
    case 58: // ( [ { — – - / … :
    case 0x201c:
    case 0x2018:
    case 34:
    case 39:
      return true;
    default:
      return false;
  }
}

function straightDouble(prev: number, next: number, length: number): Mark {
  const canOpen = opening(prev) && !space(next);
  const canClose = !space(prev) && !word(next);
  const direction: Direction =
    canOpen && !canClose ? 'open' : canClose && !canOpen ? 'close' : 'either';
  return STRAIGHT[direction][length - 1];
}

// ’ is a closing single quote only where it cannot be an apostrophe inside a
// word (it’s, O’Connor) or before digits (’90s); countries’ is decided later.
function rightSingle(prev: number, next: number): Mark | null {
  return word(next) || space(prev) ? null : SINGLE_CLOSE;
}

function straightSingle(prev: number, next: number): Mark | null {
  if (word(prev) && word(next)) return null;
  if (opening(prev) && word(next)) return isDigitCode(next) ? null : SINGLE_OPEN;
  if (!space(prev) && !word(next)) return SINGLE_CLOSE;
  return null;
}

// A run of ''' closing a nested 'quote.''' gives the single mark first.
function straightApostrophes(text: string, i: number, prev: number): Mark | null {
  const next = at(text, i + 1);
  if (next !== 39) return straightSingle(prev, next);
  if (at(text, i + 2) === 39 && !space(prev) && prev !== 39) return straightSingle(prev, 39);
  return straightDouble(prev, at(text, i + 2), 2);
}

function at(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : NONE;
}

export function classifyMark(text: string, i: number): Mark | null {
  const prev = at(text, i - 1);
  switch (text.charCodeAt(i)) {
    case 0x201c: // “
    case 0xab: // «
      return DOUBLE_OPEN;
    case 0x201d: // ”
    case 0xbb: // »
      return DOUBLE_CLOSE;
    case 34: // "
      return straightDouble(prev, at(text, i + 1), 1);
    case 0x2018: {
      // ‘ (‘‘ is an opening double mark, typeset from two singles)
      const next = at(text, i + 1);
      if (next === 0x2018)
        return at(text, i + 2) === NONE || space(at(text, i + 2)) ? null : PAIR_OPEN;
      return space(next) || isDigitCode(next) ? null : SINGLE_OPEN;
    }
    case 0x2019: {
      // ’ (’’ after a word or punctuation closes a double quotation: “… creators,’’ says)
      const next = at(text, i + 1);
      if (next === 0x2019 && !space(prev) && !word(at(text, i + 2))) return PAIR_CLOSE;
      return rightSingle(prev, next);
    }
    case 39: // '
      return straightApostrophes(text, i, prev);
    default:
      return null;
  }
}
