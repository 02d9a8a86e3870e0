// npm run extract -- IN.jsonl > OUT.jsonl
// Reads {id, text[, publishedAt]} a line; writes {id, quotes, people} a line.
// Only JSON goes to stdout; progress and problems go to stderr.
// Runs as plain node on the bundled engine (see package.json), not through a TypeScript
// loader. Input is read in large chunks and output written in large batches, waiting
// for stdout to drain only when its buffer is full, so I/O never paces the engine.
import { createReadStream } from 'node:fs';
import { extract } from '../src';

interface InputRow {
  id?: unknown;
  text?: unknown;
  publishedAt?: string | null;
}

const BATCH_BYTES = 1 << 20;

function drain(): Promise<void> {
  return new Promise((resolve) => process.stdout.once('drain', resolve));
}

async function main(): Promise<void> {
  const path = process.argv[2];
  if (!path) throw new Error('usage: extract IN.jsonl > OUT.jsonl');
  let n = 0;
  let skipped = 0;
  let lineNo = 0;
  let rest = '';
  let out: string[] = [];
  let outBytes = 0;
  const flush = async (): Promise<void> => {
    if (out.length === 0) return;
    const ok = process.stdout.write(out.join(''));
    out = [];
    outBytes = 0;
    if (!ok) await drain();
  };
  const handle = (line: string): void => {
    lineNo++;
    if (line.trim() === '') return;
    let row: InputRow;
    try {
      row = JSON.parse(line) as InputRow;
    } catch (err) {
      throw new Error(`${path}:${lineNo}: not JSON (${(err as Error).message})`);
    }
    if (typeof row.text !== 'string') {
      skipped++;
      process.stderr.write(`extract: skipping a row without text (id ${JSON.stringify(row.id)})\n`);
      return;
    }
    const { quotes, people } = extract(row.text, { publishedAt: row.publishedAt ?? null });
    const json = JSON.stringify({ id: row.id ?? null, quotes, people }) + '\n';
    out.push(json);
    outBytes += json.length;
    n++;
  };
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const lines = (rest + (chunk as string)).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) handle(line.endsWith('\r') ? line.slice(0, -1) : line);
    if (outBytes >= BATCH_BYTES) await flush();
  }
  if (rest !== '') handle(rest);
  await flush();
  process.stderr.write(`extract: ${n} documents${skipped ? `, ${skipped} skipped` : ''}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`extract: ${err.message}\n`);
  process.exit(1);
});
