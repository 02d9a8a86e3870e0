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

// A readable sheet grouped by speaker: a heading per speaker, a table of their quotes.
// Rows arrive ordered by speaker, so a group ends when the speaker changes.
class MarkdownWriter implements SheetWriter {
  private speaker: string | null = null;

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
      if (r.speaker !== this.speaker) {
        this.speaker = r.speaker;
        const who = r.speaker || 'Unattributed';
        const role = [r.role, r.organization].filter(Boolean).join(', ');
        chunk += `\n## ${cell(who)}${r.nativeName ? ` (${cell(r.nativeName)})` : ''}\n\n${role ? `_${cell(role)}_\n\n` : ''}`;
        chunk +=
          '| Quote | Article | Date | Verdict | Evidence |\n| --- | --- | --- | --- | --- |\n';
      }
      const article = link(r.articleTitle, r.url);
      const verdict = r.reviewedBy
        ? `${cell(r.verdict)} (${cell(r.reviewedBy)}, ${cell(r.reviewedAt.slice(0, 10))})`
        : cell(r.verdict);
      chunk += `| “${cell(r.quote)}” | ${article} | ${r.date ? cell(r.date) : 'undated'} | ${verdict} | ${cell(r.evidence)} |\n`;
    }
    return write(this.out, chunk);
  }

  end(): Promise<void> {
    return write(this.out, this.speaker === null ? '\n_No quotes match._\n' : '');
  }
}

export const MARKDOWN: SheetFormat = {
  contentType: 'text/markdown; charset=utf-8',
  extension: 'md',
  create: (out) => new MarkdownWriter(out),
};
