// npm run bench:extract -- IN.jsonl
// Throughput of the extraction engine on one core (Node runs it on one thread),
// per-document latency, and the time for pathological 1 MB inputs.
import { readFileSync } from 'node:fs';
import { extract } from '../libs/extraction/src';

const MIN_SECONDS = 3;
const MB = 1024 * 1024;

function loadTexts(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { text: string }).text);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function throughput(texts: string[]): Record<string, number> {
  for (const t of texts) extract(t); // warm up the JIT
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
  const perDoc: number[] = [];
  let passes = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < MIN_SECONDS || passes < 2) {
    for (const t of texts) {
      const t0 = process.hrtime.bigint();
      extract(t);
      perDoc.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    passes++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  perDoc.sort((a, b) => a - b);
  return {
    documents: texts.length,
    passes,
    seconds: round(elapsed),
    documentsPerSecond: Math.round((texts.length * passes) / elapsed),
    megabytesPerSecond: round((bytes * passes) / MB / elapsed),
    p50Ms: round(percentile(perDoc, 50)),
    p99Ms: round(percentile(perDoc, 99)),
    maxMs: round(perDoc[perDoc.length - 1]),
  };
}

// Deterministic pseudo-random text so every run measures the same input.
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function pathological(kind: string, size: number): string {
  const rand = lcg(42);
  const marks = ['“', '”', '"', "'", '‘', '’', "''"];
  const words = ['it’s', "O'Connor", 'said', 'Wang', 'Baodong', 'he', 'the spokesman', '’90s', 'countries’', 'Mr.', 'according to'];
  const parts: string[] = [];
  let n = 0;
  while (n < size) {
    const r = rand();
    let piece: string;
    if (kind === 'marks') piece = marks[Math.floor(r * marks.length)];
    else if (kind === 'mixed') piece = r < 0.6 ? marks[Math.floor(rand() * marks.length)] : ' ' + words[Math.floor(rand() * words.length)] + ' ';
    else piece = r < 0.5 ? marks[Math.floor(rand() * marks.length)] + 'x' : r < 0.9 ? ' ' + words[Math.floor(rand() * words.length)] : r < 0.95 ? '. ' : '\n';
    parts.push(piece);
    n += piece.length;
  }
  return parts.join('').slice(0, size);
}

function timePathological(): Record<string, number | boolean> {
  const out: Record<string, number | boolean> = {};
  let worst = 0;
  for (const kind of ['marks', 'mixed', 'paragraphs']) {
    const text = pathological(kind, MB);
    const t0 = process.hrtime.bigint();
    const quotes = extract(text).quotes.length;
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    out[`${kind}Ms`] = round(ms);
    out[`${kind}Quotes`] = quotes;
    worst = Math.max(worst, ms);
  }
  out.worstMs = round(worst);
  out.underOneSecond = worst < 1000;
  return out;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function main(): void {
  const path = process.argv[2];
  if (!path) {
    process.stderr.write('usage: bench:extract IN.jsonl\n');
    process.exit(1);
  }
  const report = { node: process.version, input: path, throughput: throughput(loadTexts(path)), pathological1MB: timePathological() };
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
}

main();
