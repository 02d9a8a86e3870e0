// npm run bench:extract -- IN.jsonl
// Throughput of the extraction engine on one core (Node runs it on one thread),
// per-document latency, and the time for pathological 1 MB inputs.
// Rates are given per CPU second of this process (what one core delivers even
// when other work shares the machine) and per wall-clock second.
import { readFileSync } from 'node:fs';
import * as os from 'node:os';
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

// CPU milliseconds (user + system) spent by this process since `from`.
function cpuMs(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}

function wallMs(from: bigint): number {
  return Number(process.hrtime.bigint() - from) / 1e6;
}

function throughput(texts: string[]): Record<string, number> {
  for (const t of texts) extract(t); // warm up the JIT
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
  const perDocCpu: number[] = [];
  const perDocWall: number[] = [];
  let passes = 0;
  const cpu0 = process.cpuUsage();
  const wall0 = process.hrtime.bigint();
  while (cpuMs(cpu0) < MIN_SECONDS * 1000 || passes < 2) {
    for (const t of texts) {
      const c = process.cpuUsage();
      const w = process.hrtime.bigint();
      extract(t);
      perDocWall.push(wallMs(w));
      perDocCpu.push(cpuMs(c));
    }
    passes++;
  }
  const cpu = cpuMs(cpu0) / 1000;
  const wall = wallMs(wall0) / 1000;
  perDocCpu.sort((a, b) => a - b);
  perDocWall.sort((a, b) => a - b);
  const docs = texts.length * passes;
  return {
    documents: texts.length,
    passes,
    cpuSeconds: round(cpu),
    wallSeconds: round(wall),
    documentsPerCpuSecond: Math.round(docs / cpu),
    megabytesPerCpuSecond: round((bytes * passes) / MB / cpu),
    documentsPerWallSecond: Math.round(docs / wall),
    megabytesPerWallSecond: round((bytes * passes) / MB / wall),
    p50CpuMs: round(percentile(perDocCpu, 50)),
    p99CpuMs: round(percentile(perDocCpu, 99)),
    p50WallMs: round(percentile(perDocWall, 50)),
    p99WallMs: round(percentile(perDocWall, 99)),
    maxWallMs: round(perDocWall[perDocWall.length - 1]),
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
  const words = [
    'it’s',
    "O'Connor",
    'said',
    'Wang',
    'Baodong',
    'he',
    'the spokesman',
    '’90s',
    'countries’',
    'Mr.',
    'according to',
  ];
  const parts: string[] = [];
  let n = 0;
  while (n < size) {
    const r = rand();
    let piece: string;
    if (kind === 'marks') piece = marks[Math.floor(r * marks.length)];
    else if (kind === 'mixed')
      piece =
        r < 0.6
          ? marks[Math.floor(rand() * marks.length)]
          : ' ' + words[Math.floor(rand() * words.length)] + ' ';
    else
      piece =
        r < 0.5
          ? marks[Math.floor(rand() * marks.length)] + 'x'
          : r < 0.9
            ? ' ' + words[Math.floor(rand() * words.length)]
            : r < 0.95
              ? '. '
              : '\n';
    parts.push(piece);
    n += piece.length;
  }
  return parts.join('').slice(0, size);
}

// Each input runs three times; the best run is the engine's time, the rest is the machine.
function timePathological(): Record<string, number | boolean> {
  const out: Record<string, number | boolean> = {};
  let worstCpu = 0;
  let worstWall = 0;
  for (const kind of ['marks', 'mixed', 'paragraphs']) {
    const text = pathological(kind, MB);
    let cpu = Infinity;
    let wall = Infinity;
    let quotes = 0;
    for (let run = 0; run < 3; run++) {
      const c = process.cpuUsage();
      const w = process.hrtime.bigint();
      quotes = extract(text).quotes.length;
      wall = Math.min(wall, wallMs(w));
      cpu = Math.min(cpu, cpuMs(c));
    }
    out[`${kind}CpuMs`] = round(cpu);
    out[`${kind}WallMs`] = round(wall);
    out[`${kind}Quotes`] = quotes;
    worstCpu = Math.max(worstCpu, cpu);
    worstWall = Math.max(worstWall, wall);
  }
  out.worstCpuMs = round(worstCpu);
  out.worstWallMs = round(worstWall);
  out.underOneSecond = worstCpu < 1000 && worstWall < 1000;
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
  const report = {
    node: process.version,
    input: path,
    loadAverage: os.loadavg().map(round),
    cpus: os.cpus().length,
    throughput: throughput(loadTexts(path)),
    pathological1MB: timePathological(),
  };
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
}

main();
