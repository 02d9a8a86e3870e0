// The identity of a statement's wording: what two reports of the same words share.
export function quoteKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u2026/g, '...')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'.,;:!?…-]+|[\s"'.,;:!?…-]+$/g, '');
}

// The order in which a transaction locks quote rows: by speaker (none first), then text key.
// Every writer that locks several quotes takes them in this order (the persister's upsert,
// re-extraction's removal), so two of them never wait on each other in a cycle.
export function compareQuoteKeys(
  a: { speakerId: string | null; textKey: string },
  b: { speakerId: string | null; textKey: string },
): number {
  return cmp(a.speakerId ?? '', b.speakerId ?? '') || cmp(a.textKey, b.textKey);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// The paragraph around a span, for showing a quote in context.
export function paragraphAround(
  body: string,
  start: number,
  end: number,
): { text: string; start: number } {
  const from = body.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
  const next = body.indexOf('\n', end);
  const to = next === -1 ? body.length : next;
  return { text: body.slice(from, to), start: from };
}
