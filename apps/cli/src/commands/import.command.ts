import {
  ArticlesService,
  BATCH_SIZE,
  BatchItemResult,
  IngestInput,
  parseBatchLine,
} from '@app/articles';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { CommandImpl } from '../cli';
import { rateBar } from '../progress';

// Batches stored at once (one transaction each).
const IN_FLIGHT = 2;

const TEXT_FILE = /\.(txt|text|md)$/i;
const NDJSON_FILE = /\.(ndjson|jsonl)$/i;

async function collect(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const s = await stat(p);
    if (s.isDirectory()) {
      const entries = (await readdir(p)).sort();
      files.push(
        ...(await collect(
          entries
            .map((e) => join(p, e))
            .filter((e) => TEXT_FILE.test(e) || NDJSON_FILE.test(e) || !basename(e).includes('.')),
        )),
      );
    } else files.push(p);
  }
  return files;
}

// A document to import, or the reason a line of an NDJSON file is not one.
type Item = { where: string; input: IngestInput } | { where: string; failed: BatchItemResult };

async function* documents(files: string[]): AsyncGenerator<Item> {
  for (const file of files) {
    if (!NDJSON_FILE.test(file)) {
      const input = { body: await readFile(file, 'utf8'), source: 'cli' as const };
      yield { where: file, input: { ...input, filename: basename(file) } };
      continue;
    }
    const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    let n = 0;
    for await (const line of lines) {
      n += 1;
      if (line.trim() === '') continue;
      const where = `${file}:${n}`;
      const parsed = await parseBatchLine(line);
      if ('body' in parsed)
        yield {
          where,
          input: { ...parsed, source: 'cli', filename: `${basename(file)}:${n}` },
        };
      else yield { where, failed: parsed };
    }
  }
}

// For the progress bar's total and ETA: one cheap pass counting NDJSON lines.
async function countDocuments(files: string[]): Promise<number> {
  let total = 0;
  for (const file of files) {
    if (!NDJSON_FILE.test(file)) total += 1;
    else
      for await (const line of createInterface({ input: createReadStream(file, 'utf8') }))
        if (line.trim() !== '') total += 1;
  }
  return total;
}

// import <file|folder>...: text files (one document each) and NDJSON files (one a line), stored
// BATCH_SIZE documents a transaction. Documents whose hash is already stored are skipped before
// extraction, so an interrupted import run again resumes where it stopped for little cost.
export const importCommand: CommandImpl<{ files: string[] }> = {
  // Missing paths fail here, before any database is opened.
  input: async ({ positionals }) => ({
    files: await collect(positionals).catch((e: NodeJS.ErrnoException) => {
      throw new Error(e.code === 'ENOENT' ? `no such file or folder: ${e.path}` : e.message);
    }),
  }),
  async run(app, { files }) {
    const articles = app.get(ArticlesService);
    const started = Date.now();
    const bar = rateBar(process.stderr.isTTY ? await countDocuments(files) : 0, 'import');
    const summary = {
      files: files.length,
      documents: 0,
      created: 0,
      existing: 0,
      skipped: 0,
      articles: 0,
      failed: [] as { file: string; status?: number; error: string }[],
      seconds: 0,
      documentsPerSecond: 0,
    };
    const flush = async (batch: { where: string; input: IngestInput }[]) => {
      const hashes = batch.map((b) => ArticlesService.contentHash(b.input.body));
      const stored = await articles.storedDocuments(hashes);
      const todo = batch.filter((_, i) => !stored.has(hashes[i]));
      summary.skipped += batch.length - todo.length;
      summary.existing += batch.length - todo.length;
      const results = await articles.ingestBatch(todo.map((b) => b.input));
      results.forEach((r, i) => {
        if ('document' in r) {
          if (r.document.created) summary.created += 1;
          else summary.existing += 1;
          summary.articles += r.articles.length;
        } else
          summary.failed.push({ file: todo[i].where, status: r.status, error: r.error.message });
      });
      bar.tick(batch.length, batch[batch.length - 1].where);
    };
    // Up to IN_FLIGHT batches at once: while one waits on Postgres, the next is extracted (the
    // engine runs in this process, the store in the database's): the two cores both work.
    const inFlight = new Set<Promise<void>>();
    const submit = async (batch: { where: string; input: IngestInput }[]) => {
      if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
      const p: Promise<void> = flush(batch).finally(() => inFlight.delete(p));
      inFlight.add(p);
    };
    try {
      let batch: { where: string; input: IngestInput }[] = [];
      for await (const item of documents(files)) {
        summary.documents += 1;
        if ('failed' in item) {
          summary.failed.push({
            file: item.where,
            status: item.failed.status,
            error: 'error' in item.failed ? item.failed.error.message : 'failed',
          });
          bar.tick(1, item.where);
          continue;
        }
        batch.push(item);
        if (batch.length >= BATCH_SIZE) {
          await submit(batch);
          batch = [];
        }
      }
      if (batch.length > 0) await submit(batch);
      await Promise.all(inFlight);
    } finally {
      bar.stop();
    }
    summary.seconds = (Date.now() - started) / 1000;
    summary.documentsPerSecond = Math.round(summary.documents / Math.max(summary.seconds, 0.001));
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return summary.failed.length > 0 ? 1 : 0;
  },
};
