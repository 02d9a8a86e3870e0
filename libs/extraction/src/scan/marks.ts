// Classifies one quotation-mark character (or a '' pair) by its neighbours.
// Only the immediate neighbours are read, so classification is O(1).

export type Family = 'double' | 'single';
export type Direction = 'open' | 'close' | 'either';

export interface Mark {
  family: Family;
  direction: Direction;
  length: number; // 2 for a '' pair
}

const SINGLE_OPEN: Mark = { family: 'single', direction: 'open', length: 1 };
const OPENING_CONTEXT = ' \t\n\r\u00a0([{—–-/…:';

export function isLetterOrDigit(c: string | undefined): boolean {
  if (c === undefined) return false;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return c > '\u007f' && (c.toLowerCase() !== c.toUpperCase() || /\p{L}|\p{N}/u.test(c));
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isSpace(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\u00a0';
}

function afterOpeningContext(c: string | undefined): boolean {
  return c === undefined || OPENING_CONTEXT.includes(c) || c === '“' || c === '‘' || c === '"' || c === "'";
}

function straightDouble(prev: string | undefined, next: string | undefined, length: number): Mark {
  const canOpen = afterOpeningContext(prev) && !isSpace(next);
  const canClose = !isSpace(prev) && !isLetterOrDigit(next);
  const direction: Direction = canOpen && !canClose ? 'open' : canClose && !canOpen ? 'close' : 'either';
  return { family: 'double', direction, length };
}

// ’ is a closing single quote only where it cannot be an apostrophe inside a
// word (it’s, O’Connor) or before digits (’90s); countries’ is decided later.
function rightSingle(prev: string | undefined, next: string | undefined): Mark | null {
  if (isLetterOrDigit(next) || isSpace(prev)) return null;
  return { family: 'single', direction: 'close', length: 1 };
}

function straightSingle(prev: string | undefined, next: string | undefined): Mark | null {
  if (isLetterOrDigit(prev) && isLetterOrDigit(next)) return null;
  if (afterOpeningContext(prev) && isLetterOrDigit(next)) return isDigit(next) ? null : SINGLE_OPEN;
  if (!isSpace(prev) && !isLetterOrDigit(next)) return { family: 'single', direction: 'close', length: 1 };
  return null;
}

// A run of ''' closing a nested 'quote.''' gives the single mark first.
function straightApostrophes(text: string, i: number, prev: string | undefined): Mark | null {
  if (text[i + 1] !== "'") return straightSingle(prev, text[i + 1]);
  if (text[i + 2] === "'" && !isSpace(prev) && prev !== "'") return straightSingle(prev, "'");
  return straightDouble(prev, text[i + 2], 2);
}

export function classifyMark(text: string, i: number): Mark | null {
  const c = text[i];
  const prev = i > 0 ? text[i - 1] : undefined;
  switch (c) {
    case '“':
    case '«':
      return { family: 'double', direction: 'open', length: 1 };
    case '”':
    case '»':
      return { family: 'double', direction: 'close', length: 1 };
    case '"':
      return straightDouble(prev, text[i + 1], 1);
    case '‘':
      return isSpace(text[i + 1]) || isDigit(text[i + 1]) ? null : SINGLE_OPEN;
    case '’':
      return rightSingle(prev, text[i + 1]);
    case "'":
      return straightApostrophes(text, i, prev);
    default:
      return null;
  }
}
