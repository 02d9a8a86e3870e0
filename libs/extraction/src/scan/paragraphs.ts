export interface Span {
  start: number;
  end: number;
}

// Paragraphs are lines; leading and trailing blanks are trimmed off each span.
export function paragraphsOf(text: string): Span[] {
  const out: Span[] = [];
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    i = text.indexOf('\n', i); // the next line end, found natively
    if (i < 0) i = text.length;
    let start = lineStart;
    let end = i;
    while (start < end && isBlank(text.charCodeAt(start))) start++;
    while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
    if (end > start) out.push({ start, end });
    lineStart = i + 1;
  }
  return out;
}

function isBlank(code: number): boolean {
  return (
    code === 32 || code === 9 || code === 13 || code === 0xa0 || code === 0x2028 || code === 0x3000
  );
}
