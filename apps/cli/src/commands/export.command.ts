import type { INestApplicationContext } from '@nestjs/common';
import { ExportsService, QuoteSheetQuery, SHEET_FORMATS, SheetFormatName } from '@app/exports';
import { validationPipe } from '@app/common';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { progressTo } from '../progress';

// export --format xlsx --out FILE [--speaker … --q … --from … --to … --verdict … --article …]
export async function exportCommand(app: INestApplicationContext, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      format: { type: 'string', default: 'csv' },
      out: { type: 'string' },
      speaker: { type: 'string' },
      q: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      verdict: { type: 'string' },
      article: { type: 'string' },
    },
  });
  if (!SHEET_FORMATS.includes(values.format as SheetFormatName))
    throw new Error(`--format must be one of ${SHEET_FORMATS.join(', ')}`);
  const { out, ...filters } = values;
  // The same validation as the HTTP query string.
  const query = (await validationPipe().transform(
    Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)),
    {
      type: 'query',
      metatype: QuoteSheetQuery,
    },
  )) as QuoteSheetQuery;
  const sheet = await app.get(ExportsService).prepareSheet(query);
  const path = out ?? sheet.filename;
  const file = createWriteStream(path);
  const bar = progressTo(await sheet.count(), `export ${query.format}`);
  const rows = await sheet.writeTo(file, (n) => bar.update(n));
  bar.stop();
  file.end();
  await once(file, 'finish');
  process.stderr.write(`${rows} rows written to ${path}\n`);
  return 0;
}
