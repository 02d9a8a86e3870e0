import type { Writable } from 'node:stream';
import type { SheetRow } from '../sheet-row';
import { SheetFormat, SheetWriter, write } from './sheet-writer';

// Text from the data is shown, never interpreted: HTML is entity-escaped (no <script>, no raw
// HTML, no <javascript:…> autolinks) and Markdown punctuation is backslash-escaped (no
// [x](javascript:…) links, emphasis or images); line breaks fold so the table stays one row.
const HTML_ENTITY: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '"': '&quot;',
};
// Inline syntax only: cells and headings never start a line with text from the data.
const MARKDOWN_PUNCTUATION = /[\\`*_[\]()#!|~]/g;

export function cell(s: string): string {
  return s
    .replace(MARKDOWN_PUNCTUATION, '\\$&')
    .replace(/[<>&"]/g, (c) => HTML_ENTITY[c])
    .replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ');
}

// Only http(s) URLs become links, and characters that could end the link destination or the
// table cell, or open HTML, are percent-encoded: a URL cannot break out of its link.
const URL_SAFE = /[^A-Za-z0-9\-._~:/?#@!$&+,;=%]/gu;
const percentEncode = (c: string) =>
  Array.from(
    Buffer.from(c, 'utf8'),
    (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
  ).join('');

export function linkTarget(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return url.replace(URL_SAFE, percentEncode);
}

export function link(text: string, url: string): string {
  const target = url ? linkTarget(url) : null;
  return target ? `[${cell(text || url)}](${target})` : cell(text || url);
}

// Parts of a line that may be missing or come with stray punctuation from the article
// ("spokesman,"): trimmed, empty ones dropped, so no line ends in ", " or "()".
export function joinParts(parts: string[], separator = ', '): string {
  return parts
    .map((p) => p.replace(/^[\s,;]+|[\s,;]+$/g, ''))
    .filter(Boolean)
    .join(separator);
}

// The comma that led into "…,” he said" belongs to the article's sentence, not to the quote.
export function quoteText(quote: string): string {
  return quote.trim().replace(/[\s,，]+$/u, '');
}

// A readable sheet grouped by speaker: a heading per speaker, a table of their quotes, and one
// "Unattributed" group for quotes no known speaker said (the article's description of the
// speaker, when it gave one, goes with the quote). Rows arrive ordered by speaker with the
// unattributed ones last, so a group ends when the speaker changes.
class MarkdownWriter implements SheetWriter {
  private group: string | null = null;

  constructor(private readonly out: Writable) {}

  begin(): Promise<void> {
    return write(
      this.out,
      `# Quote sheet\n\n_Exported ${new Date().toISOString().slice(0, 10)} from Quote Ledger._\n`,
    );
  }

  rows(rows: SheetRow[]): Promise<void> {
    let chunk = '';
    for (const r of rows) {
      // "\u0000" cannot be a speaker's name (hostile input is refused before it is stored).
      const group = r.named ? r.speaker : '\u0000';
      if (group !== this.group) {
        this.group = group;
        chunk += r.named ? this.heading(r) : '\n## Unattributed\n\n';
        chunk +=
          '| Quote | Article | Date | Verdict | Evidence |\n| --- | --- | --- | --- | --- |\n';
      }
      const said = r.named || !r.speaker ? '' : ` — ${cell(r.speaker)}`;
      const article = link(r.articleTitle.trim(), r.url);
      const review = joinParts([r.reviewedBy, r.reviewedAt.slice(0, 10)]);
      const verdict = review ? `${cell(r.verdict)} (${cell(review)})` : cell(r.verdict);
      const evidence = r.evidence
        .split(' | ')
        .filter((u) => u.trim())
        .map((u) => link('', u.trim()))
        .join(', ');
      chunk += `| “${cell(quoteText(r.quote))}”${said} | ${article} | ${r.date ? cell(r.date) : 'undated'} | ${verdict} | ${evidence || '—'} |\n`;
    }
    return write(this.out, chunk);
  }

  private heading(r: SheetRow): string {
    const role = joinParts([r.role, r.organization]);
    const native = r.nativeName.trim() ? ` (${cell(r.nativeName.trim())})` : '';
    return `\n## ${cell(r.speaker)}${native}\n\n${role ? `_${cell(role)}_\n\n` : ''}`;
  }

  end(): Promise<void> {
    return write(this.out, this.group === null ? '\n_No quotes match._\n' : '');
  }
}

export const MARKDOWN: SheetFormat = {
  contentType: 'text/markdown; charset=utf-8',
  extension: 'md',
  create: (out) => new MarkdownWriter(out),
};
