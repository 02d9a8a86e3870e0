import type { Writable } from 'node:stream';
import type { SheetRow } from '../sheet-row';
import { SheetFormat, SheetWriter, write } from './sheet-writer';

const cell = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');

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
      const article = r.url ? `[${cell(r.articleTitle || r.url)}](${r.url})` : cell(r.articleTitle);
      const verdict = r.reviewedBy
        ? `${r.verdict} (${cell(r.reviewedBy)}, ${r.reviewedAt.slice(0, 10)})`
        : r.verdict;
      chunk += `| “${cell(r.quote)}” | ${article} | ${r.date || 'undated'} | ${verdict} | ${cell(r.evidence)} |\n`;
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
