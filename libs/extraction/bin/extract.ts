// npm run extract -- IN.jsonl > OUT.jsonl
// Reads {id, text[, publishedAt]} a line; writes {id, quotes, people} a line.
// Only JSON goes to stdout; progress and problems go to stderr.
import { extract } from '../src';
import { readJsonl } from './jsonl';

interface InputRow {
  id?: unknown;
  text?: unknown;
  publishedAt?: string | null;
}

function write(line: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(line + '\n')) resolve();
    else process.stdout.once('drain', resolve);
  });
}

async function main(): Promise<void> {
  const path = process.argv[2];
  if (!path) throw new Error('usage: extract IN.jsonl > OUT.jsonl');
  let n = 0;
  let skipped = 0;
  for await (const row of readJsonl<InputRow>(path)) {
    if (typeof row.text !== 'string') {
      skipped++;
      process.stderr.write(`extract: skipping a row without text (id ${JSON.stringify(row.id)})\n`);
      continue;
    }
    const { quotes, people } = extract(row.text, { publishedAt: row.publishedAt ?? null });
    await write(JSON.stringify({ id: row.id ?? null, quotes, people }));
    n++;
  }
  process.stderr.write(`extract: ${n} documents${skipped ? `, ${skipped} skipped` : ''}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`extract: ${err.message}\n`);
  process.exit(1);
});
