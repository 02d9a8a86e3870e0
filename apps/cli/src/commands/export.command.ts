import { ExportsService, QuoteSheetQuery } from '@app/exports';
import { validationPipe } from '@app/common';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { CommandImpl, UsageError } from '../cli';
import { progressTo } from '../progress';

// export --format xlsx --out FILE [--speaker … --q … --from … --to … --verdict … --article …]
export const exportCommand: CommandImpl<{ query: QuoteSheetQuery; out?: string }> = {
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
