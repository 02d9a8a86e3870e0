// npm run calibrate -- --strict GOLD.jsonl … --canonical GOLD.jsonl … [--write]
// Measures the precision of every attribution path (rule:how the speaker was reached)
// on annotated news and, with --write, stores it in src/attribution/calibration.ts: the
// confidence the engine states is then what was observed. A file given with --strict is
// scored by strict names (its gold is canonical full names, like ggt); --canonical by
// the canonical reading (gold is a mention, like PolNeAR). Each file counts as much as
// any other (the mean of their precisions), so a big corpus does not drown a small one.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../src';
import { matchQuotes, speakerCanonical, speakerStrict, type GoldQuote } from '../src/eval/score';
import { mentionHead } from '../src/eval/fold';
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

async function measure(path: string, strict: boolean): Promise<{ paths: Tally; rules: Tally; overall: Tally }> {
  const rows = await readAllJsonl<GoldRow>(path);
  const out = { paths: new Map() as Tally, rules: new Map() as Tally, overall: new Map() as Tally };
  for (const row of rows) {
    const predicted = extract(row.text).quotes;
    for (const pair of matchQuotes(row.quotes, predicted)) {
      const gold = row.quotes[pair.gold];
      const pred = predicted[pair.predicted];
      if (gold.type === 'partial' || gold.speaker === null || pred.speaker === null || pred.path === null) continue;
      const head = mentionHead(gold.speaker);
      const right = speakerStrict(head, pred.speaker) || (!strict && speakerCanonical(gold.speaker, pred.speaker));
      add(out.paths, pred.path, right);
      add(out.rules, pred.rule, right);
      add(out.overall, 'all', right);
    }
  }
  return out;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

// The mean over files of each key's precision, each file weighted alike; quotes summed.
function pool(tallies: Tally[]): Record<string, { quotes: number; precision: number }> {
  const keys = new Set(tallies.flatMap((t) => [...t.keys()]));
  const out: Record<string, { quotes: number; precision: number }> = {};
  for (const key of [...keys].sort()) {
    const seen = tallies.map((t) => t.get(key)).filter((c): c is Count => c !== undefined && c.quotes >= 5);
    if (seen.length === 0) continue;
    const quotes = seen.reduce((n, c) => n + c.quotes, 0);
    out[key] = { quotes, precision: round(seen.reduce((p, c) => p + c.right / c.quotes, 0) / seen.length) };
  }
  return out;
}

async function main(): Promise<void> {
  const files: { path: string; strict: boolean }[] = [];
  let mode: boolean | null = null;
  let write = false;
  for (const arg of process.argv.slice(2)) {
    if (arg === '--strict') mode = true;
    else if (arg === '--canonical') mode = false;
    else if (arg === '--write') write = true;
    else if (mode === null) throw new Error('usage: calibrate --strict GOLD… --canonical GOLD… [--write]');
    else files.push({ path: arg, strict: mode });
  }
  const measured = await Promise.all(files.map((f) => measure(f.path, f.strict)));
  const calibration = {
    overall: pool(measured.map((m) => m.overall)).all ?? { quotes: 0, precision: 0.9 },
    rules: pool(measured.map((m) => m.rules)),
    paths: pool(measured.map((m) => m.paths)),
  };
  process.stdout.write(JSON.stringify(calibration, null, 2) + '\n');
  if (!write) return;
  const source = `// Written by \`npm run calibrate\`; do not edit by hand.
// Measured on: ${files.map((f) => `${f.path.split('/').pop()} (${f.strict ? 'strict' : 'canonical'})`).join(', ')}.
export interface Measured {
  quotes: number;
  precision: number;
}

export const CALIBRATION: { overall: Measured; rules: Record<string, Measured>; paths: Record<string, Measured> } = ${JSON.stringify(calibration, null, 2).replace(/"([a-z][a-z-]*(?::[a-z]+)?)":/g, "'$1':")};
`;
  writeFileSync(join(__dirname, '..', 'src', 'attribution', 'calibration.ts'), source);
}

main().catch((err: Error) => {
  process.stderr.write(`calibrate: ${err.message}\n`);
  process.exit(1);
});
