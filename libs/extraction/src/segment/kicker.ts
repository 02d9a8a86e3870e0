// A teaser opens with a kicker label: all-caps words, optionally wrapped in
// ‘…’, '…', “…” or "…", then ':' and a space. Scanned by hand (no regex) so a
// long line can never cause backtracking.

const CLOSING: Record<string, string> = { '‘': '’', "'": "'", '“': '”', '"': '"' };
const MAX_LABEL = 60;

export interface KickerMatch {
  label: string; // without the trailing colon, wrapping marks kept
  end: number; // index just after ': '
}

function isLabelChar(c: string): boolean {
  return (
    (c >= 'A' && c <= 'Z') ||
    (c >= '0' && c <= '9') ||
    ' -’”"\'&.!?,'.includes(c) ||
    isUpperNonAscii(c)
  );
}

function isUpperNonAscii(c: string): boolean {
  return c > '\u007f' && c !== c.toLowerCase() && c === c.toUpperCase();
}

function countUpper(s: string): number {
  let n = 0;
  for (const c of s) if ((c >= 'A' && c <= 'Z') || isUpperNonAscii(c)) n++;
  return n;
}

export function matchKicker(text: string, at: number): KickerMatch | null {
  const open = CLOSING[text[at]] !== undefined ? text[at] : null;
  let i = open ? at + 1 : at;
  const limit = Math.min(text.length, i + MAX_LABEL);
  while (i < limit && text[i] !== ':' && isLabelChar(text[i])) i++;
  if (text[i] !== ':' || (text[i + 1] !== ' ' && text[i + 1] !== '\u00a0')) return null;
  let inner = text.slice(open ? at + 1 : at, i);
  if (open) {
    if (!inner.endsWith(CLOSING[open])) return null;
    inner = inner.slice(0, -1);
  }
  if (countUpper(inner) < 2 || !/^[A-Z\u00c0-\u024f]/.test(inner) || inner !== inner.trim())
    return null;
  return { label: text.slice(at, i), end: i + 2 };
}
