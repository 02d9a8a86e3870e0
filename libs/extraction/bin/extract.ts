// npm run extract -- IN.jsonl > OUT.jsonl [--workers N]
// Reads {id, text[, publishedAt]} a line; writes {id, quotes, people} a line, in input order.
// Only JSON goes to stdout; progress and problems go to stderr.
// Runs as plain node on the bundled engine (see package.json), not through a TypeScript
// loader. Lines go in batches to worker threads (one per CPU but one, at most 4; on one CPU,
// and with --workers 0, it runs inline); input is read and output written in large chunks, so I/O never paces the engine.
import { createReadStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { extract } from '../src';

interface InputRow {
  id?: unknown;
  text?: unknown;
  publishedAt?: string | null;
}

interface Batch {
  seq: number;
  first: number; // line number of the first line, for messages
  lines: string[];
}

interface Done {
  seq: number;
  out: string;
  documents: number;
  problems: string[];
}

const BATCH_LINES = 64;
const MAX_IN_FLIGHT = 8; // batches per worker not yet written

// One batch: parse, extract, serialise. Problems are reported, not thrown, except bad JSON.
function runBatch(path: string, b: Batch): Done {
  let out = '';
  let documents = 0;
  const problems: string[] = [];
  b.lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let row: InputRow;
    try {
      row = JSON.parse(line) as InputRow;
    } catch (err) {
      throw new Error(`${path}:${b.first + i}: not JSON (${(err as Error).message})`, {
        cause: err,
      });
    }
    if (typeof row.text !== 'string') {
      problems.push(`extract: skipping a row without text (id ${JSON.stringify(row.id)})`);
      return;
    }
    const { quotes, people } = extract(row.text, { publishedAt: row.publishedAt ?? null });
    out += JSON.stringify({ id: row.id ?? null, quotes, people }) + '\n';
    documents++;
  });
  return { seq: b.seq, out, documents, problems };
}

async function* batches(path: string): AsyncGenerator<Batch> {
  let rest = '';
  let lines: string[] = [];
  let seq = 0;
  let lineNo = 1;
  let first = 1;
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const parts = (rest + (chunk as string)).split('\n');
    rest = parts.pop() ?? '';
    for (const part of parts) {
      lines.push(part.endsWith('\r') ? part.slice(0, -1) : part);
      lineNo++;
      if (lines.length === BATCH_LINES) {
        yield { seq: seq++, first, lines };
        lines = [];
        first = lineNo;
      }
    }
  }
  if (rest !== '') lines.push(rest);
  if (lines.length > 0) yield { seq, first, lines };
}

function write(text: string): Promise<void> {
  if (text === '' || process.stdout.write(text)) return Promise.resolve();
  return new Promise((resolve) => process.stdout.once('drain', resolve));
}

function parseArgs(argv: string[]): { path: string; workers: number } {
  let path = '';
  // One CPU stays with the main thread (reading, ordering, writing) and whatever else runs:
  // each worker pays its own JIT warm-up (about 1 CPU-second on 5 x polnear_train), so a second
  // worker on two shared cores cost more than it gave (measured: 1.6-3.0 s wall with one
  // worker, 3.5-4.3 s with two, load average 2-3.5). On one CPU it runs inline.
  const cpus = availableParallelism();
  let workers = Math.max(0, Math.min(4, cpus - 1));
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--workers') workers = Number(argv[++i]);
    else path = argv[i];
  }
  if (!path || !Number.isInteger(workers) || workers < 0)
    throw new Error('usage: extract IN.jsonl [--workers N] > OUT.jsonl');
  return { path, workers };
}

async function main(): Promise<void> {
  const { path, workers } = parseArgs(process.argv.slice(2));
  let documents = 0;
  let skipped = 0;
  const report = (d: Done): Promise<void> => {
    documents += d.documents;
    skipped += d.problems.length;
    for (const p of d.problems) process.stderr.write(p + '\n');
    return write(d.out);
  };
  if (workers === 0) {
    for await (const b of batches(path)) await report(runBatch(path, b));
  } else {
    await pooled(path, workers, report);
  }
  process.stderr.write(`extract: ${documents} documents${skipped ? `, ${skipped} skipped` : ''}\n`);
}

// Batches go round-robin to the workers; results are written in input order.
async function pooled(path: string, n: number, report: (d: Done) => Promise<void>): Promise<void> {
  const pool = Array.from({ length: n }, () => new Worker(__filename, { workerData: { path } }));
  const pending = new Map<number, Done>();
  let next = 0;
  let sent = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const signal = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  for (const w of pool) {
    w.on('message', (d: Done) => {
      pending.set(d.seq, d);
      signal();
    });
    w.on('error', (err: Error) => {
      failure = failure ?? err;
      signal();
    });
  }
  const waitForResult = (): Promise<void> => new Promise((resolve) => (wake = resolve));
  const drain = async (limit: number): Promise<void> => {
    while (sent - next > limit) {
      if (failure) throw failure;
      const d = pending.get(next);
      if (!d) {
        await waitForResult();
        continue;
      }
      pending.delete(next);
      next++;
      await report(d);
    }
  };
  try {
    for await (const b of batches(path)) {
      pool[b.seq % n].postMessage(b);
      sent++;
      await drain(MAX_IN_FLIGHT * n);
    }
    await drain(0);
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

if (isMainThread) {
  main().catch((err: Error) => {
    process.stderr.write(`extract: ${err.message}\n`);
    process.exit(1);
  });
} else {
  const { path } = workerData as { path: string };
  // a throw here (bad JSON) reaches the main thread as the worker's 'error'
  parentPort?.on('message', (b: Batch) => parentPort?.postMessage(runBatch(path, b)));
}
