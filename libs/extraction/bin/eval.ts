// npm run eval -- GOLD.jsonl [--pred PRED.jsonl] [--errors N]
// Scores the engine (or a prediction file) against gold as ../shared/eval/README.md says.
// Without a gold file: the engine on each of DEFAULT_FILES, one JSON object keyed by file.
import { extract } from '../src';
import { scoreDocuments } from '../src/eval/tally';
import type { GoldQuote, PredictedQuote, ScoredDocument } from '../src/eval/score';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { readAllJsonl } from './jsonl';

const DEFAULT_FILES = [
  '../shared/eval/ggt_dev.jsonl',
  '../shared/eval/polnear_dev.jsonl',
  '../shared/eval/polnear_train.jsonl',
];

interface GoldRow {
  id: string;
  text: string;
  quotes: GoldQuote[];
}

interface PredRow {
  id: string;
  quotes: PredictedQuote[];
}

interface Args {
  gold: string; // '' for every default file
  pred: string | null;
  errors: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { gold: '', pred: null, errors: 0 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--pred') args.pred = argv[++i];
    else if (argv[i] === '--errors') args.errors = Number(argv[++i]);
    else args.gold = argv[i];
  }
  if ((!args.gold && args.pred) || !Number.isInteger(args.errors) || args.errors < 0) {
    throw new Error('usage: eval [GOLD.jsonl [--pred PRED.jsonl]] [--errors N]');
  }
  return args;
}

async function predictions(args: Args, gold: GoldRow[]): Promise<Map<string, PredictedQuote[]>> {
  if (args.pred) {
    const rows = await readAllJsonl<PredRow>(args.pred);
    return new Map(rows.map((r) => [r.id, r.quotes ?? []]));
  }
  return new Map(gold.map((g) => [g.id, extract(g.text).quotes]));
}

// Adds a little surrounding text to each error so it can be read on its own.
function withContext(report: ReturnType<typeof scoreDocuments>, gold: GoldRow[]): void {
  const texts = new Map(gold.map((g) => [g.id, g.text]));
  for (const list of Object.values(report.errors ?? {})) {
    for (const e of list as Array<{ id: string; start?: number; context?: string }>) {
      const text = texts.get(e.id);
      if (text === undefined || e.start === undefined) continue;
      e.context = text.slice(Math.max(0, e.start - 160), e.start + 260).replace(/\n+/g, ' ¶ ');
    }
  }
}

function pad(cells: (string | number)[], widths: number[]): string {
  return (
    cells
      .map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i])))
      .join('  ') + '\n'
  );
}

// The two tables again, readable, on stderr (stdout stays one JSON object).
function tables(report: ReturnType<typeof scoreDocuments>): string {
  let out = '\nreliability (named speakers; stated confidence vs observed precision)\n';
  const w1 = [14, 7, 10, 9, 9];
  out += pad(['bucket', 'quotes', 'stated', 'strict', 'canon.'], w1);
  for (const r of report.reliability ?? [])
    out += pad(
      [
        r.bucket,
        r.quotes,
        r.meanConfidence.toFixed(3),
        r.precisionStrict.toFixed(3),
        r.precisionCanonical.toFixed(3),
      ],
      w1,
    );
  out += '\nper rule (matched quotes decided; precision over those with a gold name)\n';
  const w2 = [20, 8, 7, 9, 9];
  out += pad(['rule', 'decided', 'scored', 'strict', 'canon.'], w2);
  for (const r of report.rules ?? [])
    out += pad(
      [r.rule, r.decided, r.scored, r.precisionStrict.toFixed(3), r.precisionCanonical.toFixed(3)],
      w2,
    );
  return out;
}

async function evaluate(args: Args): Promise<ReturnType<typeof scoreDocuments>> {
  const gold = await readAllJsonl<GoldRow>(args.gold);
  const predicted = await predictions(args, gold);
  const docs: ScoredDocument[] = gold.map((g) => ({
    id: g.id,
    gold: g.quotes,
    predicted: predicted.get(g.id) ?? [],
  }));
  const report = scoreDocuments(docs, args.errors);
  withContext(report, gold);
  return report;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.gold) {
    const report = await evaluate(args);
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    process.stderr.write(tables(report));
    return;
  }
  const reports: Record<string, ReturnType<typeof scoreDocuments>> = {};
  for (const file of DEFAULT_FILES) {
    if (!existsSync(file)) throw new Error(`${file} not found (run from the repository root)`);
    const name = basename(file, '.jsonl');
    reports[name] = await evaluate({ ...args, gold: file });
    process.stderr.write(`\n== ${name}\n` + summary(reports[name]) + tables(reports[name]));
  }
  process.stdout.write(JSON.stringify(reports, null, 2) + '\n');
}

// The headline figures of one file, on one line each.
function summary(r: ReturnType<typeof scoreDocuments>): string {
  const s = r.speaker;
  const f = (n: number): string => n.toFixed(3);
  return (
    `quote precision ${f(r.quote.precision)} recall ${f(r.quote.recall)} F1 ${f(r.quote.f1)}\n` +
    `speaker strict ${f(s.strict)} lenient ${f(s.lenient)} canonical ${f(s.canonical)}\n` +
    `stated names ${s.attributed} of ${s.scored}: precision strict ${f(s.precisionStrict)} canonical ${f(s.precisionCanonical)}\n`
  );
}

main().catch((err: Error) => {
  process.stderr.write(`eval: ${err.message}\n`);
  process.exit(1);
});
