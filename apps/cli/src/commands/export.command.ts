import { ExportsService, QuoteSheetQuery, SHEET_FORMATS } from '@app/exports';
import { validationPipe } from '@app/common';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Command, UsageError } from '../cli';
import { progressTo } from '../progress';

const filter = (help: string, value = 'VALUE') => ({
  spec: { type: 'string' as const },
  value,
  help,
});

// export --format xlsx --out FILE [--speaker … --q … --from … --to … --verdict … --article …]
export const exportCommand: Command<{ query: QuoteSheetQuery; out?: string }> = {
  name: 'export',
  summary: 'write a quote sheet (same filters as GET /api/v1/quotes)',
  description:
    'Write a quote sheet to a file, with the same filters as GET /api/v1/quotes. A progress bar\n' +
    'shows on a terminal; the row count goes to stderr.',
  options: {
    format: {
      spec: { type: 'string', default: 'csv' },
      value: 'FORMAT',
      help: `${SHEET_FORMATS.join(', ')} (default csv)`,
    },
    out: filter('the file to write (default: a name made from the filters)', 'FILE'),
    speaker: filter('speaker id or name', 'SPEAKER'),
    q: filter('full-text search: "a phrase", OR, -word', 'QUERY'),
    from: filter('quotes published on or after this date', 'DATE'),
    to: filter('quotes published on or before this date', 'DATE'),
    verdict: filter('only quotes whose claims have this verdict', 'VERDICT'),
    article: filter('only quotes of this article', 'ID'),
  },
  // The same validation as the HTTP query string, before any database is opened.
  async input({ values }) {
    const { out, ...filters } = values;
    try {
      const query = (await validationPipe().transform(
        Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)),
        { type: 'query', metatype: QuoteSheetQuery },
      )) as QuoteSheetQuery;
      return { query, out: out as string | undefined };
    } catch (e) {
      throw new UsageError(e instanceof Error ? e.message : String(e));
    }
  },
  async run(app, { query, out }) {
    const sheet = await app.get(ExportsService).prepareSheet(query);
    const path = out ?? sheet.filename;
    const file = createWriteStream(path);
    const bar = progressTo(await sheet.count(), `export ${query.format}`);
    let rows: number;
    try {
      rows = await sheet.writeTo(file, (n) => bar.update(n));
    } finally {
      bar.stop();
      file.end();
    }
    await once(file, 'finish');
    process.stderr.write(`${rows} rows written to ${path}\n`);
    return 0;
  },
};
