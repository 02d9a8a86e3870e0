import { matchKicker } from '../segment/kicker';
import { classifyMark, type Mark, type Family } from './marks';
import * as chars from '../text/chars';

const isWordCode = chars.isWordCode; // read once: imported bindings are getters in some loaders
import { paragraphsOf, type Span } from './paragraphs';

export interface ScannedQuote {
  start: number; // first character inside the marks
  end: number; // just past the last character inside the marks
  open: number; // index of the opening mark
  close: number | null; // index of the closing mark; null when left open
  after: number; // just past the closing mark (end of the quote when left open)
  paragraph: number;
  unterminated: boolean; // left open at the end of the text or of its paragraph
  continued: boolean; // reopens a quote carried over from the previous paragraph
}

interface OpenMark {
  family: Family;
  at: number;
  length: number;
}

// Bounds the work per mark, which keeps the scan linear on hostile input.
const MAX_DEPTH = 6;
// " ' “ ” ‘ ’ « »
const MARK = /["'\u201c\u201d\u2018\u2019\u00ab\u00bb]/g;

// The first mark at or after `from` is at `at` (-1: none to the end of the text).
interface NextMark {
  from: number;
  at: number;
}

// The first mark at or after `i`. The regular expression engine scans faster than a loop;
// the answer is remembered, so a mark far beyond many short paragraphs is searched for
// once, not once per paragraph (the scan stays linear).
function nextMarkAt(text: string, i: number, next: NextMark): number {
  if (i >= next.from && (next.at < 0 || next.at >= i)) return next.at;
  MARK.lastIndex = i;
  const found = MARK.exec(text);
  next.from = i;
  next.at = found === null ? -1 : found.index;
  return next.at;
}

function isMarkCode(c: number): boolean {
  return (
    c === 34 ||
    c === 39 ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x2018 ||
    c === 0x2019 ||
    c === 0xab ||
    c === 0xbb
  );
}

export function scanQuotes(text: string): ScannedQuote[] {
  const out: ScannedQuote[] = [];
  const paragraphs = paragraphsOf(text);
  let carried = false;
  const next: NextMark = { from: Infinity, at: -1 }; // nothing searched yet
  paragraphs.forEach((para, index) => {
    const left = scanParagraph(text, para, index, carried, out, next);
    carried = left !== null && startsWithDoubleOpen(text, paragraphs[index + 1]);
    if (left) out.push({ ...left, unterminated: !carried });
  });
  return out;
}

function startsWithDoubleOpen(text: string, para: Span | undefined): boolean {
  if (!para) return false;
  const mark = classifyMark(text, para.start);
  return mark !== null && mark.family === 'double' && mark.direction !== 'close';
}

// Scans one paragraph, pushing closed quotes; returns the top-level quote left open, if any.
function scanParagraph(
  text: string,
  para: Span,
  index: number,
  carried: boolean,
  out: ScannedQuote[],
  next: NextMark,
): ScannedQuote | null {
  const stack: OpenMark[] = [];
  let i = matchKicker(text, para.start)?.end ?? para.start;
  for (; i < para.end; i++) {
    if (!isMarkCode(text.charCodeAt(i))) {
      i = nextMarkAt(text, i, next);
      if (i < 0 || i >= para.end) break;
    }
    const mark = classifyMark(text, i);
    if (!mark) continue;
    const closed = applyMark(stack, mark, i);
    if (closed)
      pushQuote(
        out,
        text,
        closed,
        { at: i, length: mark.length },
        index,
        carried && closed.at === para.start,
      );
    i += mark.length - 1;
  }
  const bottom = stack[0];
  if (!bottom || bottom.family !== 'double') return null;
  const start = bottom.at + bottom.length;
  if (!hasContent(text, start, para.end)) return null;
  return {
    start,
    end: para.end,
    open: bottom.at,
    close: null,
    after: para.end,
    paragraph: index,
    unterminated: true,
    continued: carried && bottom.at === para.start,
  };
}

// Returns the top-level opening mark this mark closes, if it closes one.
function applyMark(stack: OpenMark[], mark: Mark, at: number): OpenMark | null {
  const depth = findOpen(stack, mark.family);
  const closes = mark.direction === 'close' || (mark.direction === 'either' && depth >= 0);
  if (!closes) {
    if (stack.length < MAX_DEPTH) stack.push({ family: mark.family, at, length: mark.length });
    return null;
  }
  if (depth < 0) return null; // a stray closer or an apostrophe (countries’)
  const opened = stack[depth];
  stack.length = depth;
  return depth === 0 ? opened : null;
}

function findOpen(stack: OpenMark[], family: Family): number {
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k].family === family) return k;
  return -1;
}

function pushQuote(
  out: ScannedQuote[],
  text: string,
  opened: OpenMark,
  close: { at: number; length: number },
  paragraph: number,
  continued: boolean,
): void {
  const start = opened.at + opened.length;
  if (!hasContent(text, start, close.at)) return;
  out.push({
    start,
    end: close.at,
    open: opened.at,
    close: close.at,
    after: close.at + close.length,
    paragraph,
    unterminated: false,
    continued,
  });
}

function hasContent(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isWordCode(text.charCodeAt(i))) return true;
  return false;
}
