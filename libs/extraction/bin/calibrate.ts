// npm run calibrate -- --strict GOLD.jsonl … --canonical GOLD.jsonl … [--write]
// Measures the precision of every attribution path (rule:how the speaker was reached)
// on annotated news and, with --write, stores it in src/attribution/calibration.ts: the
// confidence the engine states is then what was observed. A file given with --strict is
// scored by strict names (its gold is canonical full names, like ggt); --canonical by
// the canonical reading (gold is a mention, like PolNeAR). Each file's precision on a path
// is weighted by its quotes there, up to 100, so a big corpus does not drown a small one.
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { join } from 'node:path';
import { extract } from '../src';
import { matchQuotes, speakerCanonical, speakerStrict, type GoldQuote } from '../src/eval/score';
import { mentionHead } from '../src/eval/fold';
import { MIN_QUOTES } from '../src/attribution/confidence';
import { readAllJsonl } from './jsonl';

interface GoldRow {
  id: string;
  text: string;
  quotes: GoldQuote[];
}

interface Count {
  quotes: number;
  right: number;
}

type Tally = Map<string, Count>;

function add(t: Tally, key: string, right: boolean): void {
  const c = t.get(key) ?? { quotes: 0, right: 0 };
  c.quotes++;
  if (right) c.right++;
  t.set(key, c);
}

async function measure(
  path: string,
  strict: boolean,
): Promise<{ paths: Tally; kinds: Tally; vias: Tally; rules: Tally; overall: Tally }> {
  const rows = await readAllJsonl<GoldRow>(path);
  const out = {
    paths: new Map() as Tally,
    kinds: new Map() as Tally,
    vias: new Map() as Tally,
    rules: new Map() as Tally,
    overall: new Map() as Tally,
  };
  for (const row of rows) {
    const predicted = extract(row.text).quotes;
    for (const pair of matchQuotes(row.quotes, predicted)) {
      const gold = row.quotes[pair.gold];
      const pred = predicted[pair.predicted];
      if (
        gold.type === 'partial' ||
        gold.speaker === null ||
        pred.speaker === null ||
        pred.path === null
      )
        continue;
      const head = mentionHead(gold.speaker);
      const right =
        speakerStrict(head, pred.speaker) ||
        (!strict && speakerCanonical(gold.speaker, pred.speaker));
      add(out.paths, pred.path, right);
      add(out.kinds, pred.path.replace(/@.*$/, ''), right);
      add(out.vias, pred.path.replace(/^[^:]*:/, '').replace(/@.*$/, ''), right);
      add(out.rules, pred.rule, right);
      add(out.overall, 'all', right);
    }
  }
  return out;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

const CAP = 100; // quotes beyond this add no weight to a file's say on a path

// The mean over files of each key's precision, each file weighted by its quotes on that
// key up to CAP: a big corpus does not drown a small one, and a handful of quotes in a
// file says little. Quotes are summed.
function pool(tallies: Tally[]): Record<string, { quotes: number; precision: number }> {
  const keys = new Set(tallies.flatMap((t) => [...t.keys()]));
  const out: Record<string, { quotes: number; precision: number }> = {};
  for (const key of [...keys].sort()) {
    const seen = tallies
      .map((t) => t.get(key))
      .filter((c): c is Count => c !== undefined && c.quotes > 0);
    if (seen.length === 0) continue;
    const quotes = seen.reduce((n, c) => n + c.quotes, 0);
    const weight = seen.reduce((w, c) => w + Math.min(c.quotes, CAP), 0);
    const precision =
      seen.reduce((p, c) => p + (Math.min(c.quotes, CAP) * c.right) / c.quotes, 0) / weight;
    out[key] = { quotes, precision: round(precision) };
  }
  return out;
}

// Quotes and right answers summed over files: the rare paths are few in every file, and
// no file's handful should count as much as another's many.
function pooledSum(tallies: Tally[]): Record<string, { quotes: number; precision: number }> {
  const out: Record<string, { quotes: number; precision: number }> = {};
  const keys = new Set(tallies.flatMap((t) => [...t.keys()]));
  for (const key of [...keys].sort()) {
    let quotes = 0;
    let right = 0;
    for (const t of tallies) {
      quotes += t.get(key)?.quotes ?? 0;
      right += t.get(key)?.right ?? 0;
    }
    if (quotes > 0) out[key] = { quotes, precision: round(right / quotes) };
  }
  return out;
}

// The rare paths (fewer than MIN_QUOTES quotes over all files), pooled per way of reaching
// the speaker and all together: what a rare path states. The common paths of the same
// kind are the well-trodden ones and measure higher than a rare variant does.
function tailsOf(paths: Tally[]): Tally[] {
  const total = new Map<string, number>();
  for (const t of paths) for (const [k, c] of t) total.set(k, (total.get(k) ?? 0) + c.quotes);
  return paths.map((t) => {
    const tail: Tally = new Map();
    for (const [key, c] of t) {
      if ((total.get(key) ?? 0) >= MIN_QUOTES) continue;
      const via = key.replace(/^[^:]*:/, '').replace(/@.*$/, '');
      for (const k of [via, 'all']) {
        const sum = tail.get(k) ?? { quotes: 0, right: 0 };
        tail.set(k, { quotes: sum.quotes + c.quotes, right: sum.right + c.right });
      }
    }
    return tail;
  });
}

async function main(): Promise<void> {
  const files: { path: string; strict: boolean }[] = [];
  let mode: boolean | null = null;
  let write = false;
  for (const arg of process.argv.slice(2)) {
    if (arg === '--strict') mode = true;
    else if (arg === '--canonical') mode = false;
    else if (arg === '--write') write = true;
    else if (mode === null)
      throw new Error('usage: calibrate --strict GOLD… --canonical GOLD… [--write]');
    else files.push({ path: arg, strict: mode });
  }
  const measured = await Promise.all(files.map((f) => measure(f.path, f.strict)));
  const tails = tailsOf(measured.map((m) => m.paths));
  const calibration = {
    overall: pool(measured.map((m) => m.overall)).all ?? { quotes: 0, precision: 0.9 },
    rules: pool(measured.map((m) => m.rules)),
    kinds: pool(measured.map((m) => m.kinds)),
    vias: pool(measured.map((m) => m.vias)),
    tails: pooledSum(tails),
    paths: pool(measured.map((m) => m.paths)),
  };
  process.stdout.write(JSON.stringify(calibration, null, 2) + '\n');
  for (const key of Object.keys(calibration.paths)) {
    const cells = measured
      .map((m) => m.paths.get(key))
      .map((c) => (c ? `${c.right}/${c.quotes}` : '-').padStart(10));
    process.stderr.write(
      `${key.padEnd(34)}${cells.join('')}  -> ${calibration.paths[key].precision}\n`,
    );
  }
  if (!write) return;
  const source = `// Written by \`npm run calibrate\`; do not edit by hand.
// Measured on: ${files.map((f) => `${f.path.split('/').pop()} (${f.strict ? 'strict' : 'canonical'})`).join(', ')}.
export interface Measured {
  quotes: number;
  precision: number;
}

export const CALIBRATION: { overall: Measured; rules: Record<string, Measured>; kinds: Record<string, Measured>; vias: Record<string, Measured>; tails: Record<string, Measured>; paths: Record<string, Measured> } = ${JSON.stringify(calibration, null, 2).replace(/"([a-z][a-z-]*(?::[a-z]+)?(?:@[0-9.]+)?)":/g, "'$1':")};
`;
  // formatted as the repository's Prettier config says, so lint passes on the written file
  const target = join(__dirname, '..', 'src', 'attribution', 'calibration.ts');
  const options = (await resolveConfig(target)) ?? {};
  writeFileSync(target, await format(source, { ...options, filepath: target }));
}

main().catch((err: Error) => {
  process.stderr.write(`calibrate: ${err.message}\n`);
  process.exit(1);
});
