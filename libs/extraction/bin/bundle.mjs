// node libs/extraction/bin/bundle.mjs ENTRY OUTFILE
// Bundles ENTRY for plain node with esbuild, unless OUTFILE is newer than ENTRY and every file
// under libs/extraction (src, bin): `npm run extract` then starts at once on an unchanged
// engine (the esbuild step took half a second of a two-second run over 4,200 documents).
import { build } from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';

const [entry, outfile] = process.argv.slice(2);
if (!entry || !outfile) {
  process.stderr.write('usage: bundle.mjs ENTRY OUTFILE\n');
  process.exit(2);
}

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = s.mtimeMs;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

function builtAt(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

const sources = Math.max(
  newest(entry),
  newest('libs/extraction/src'),
  newest('libs/extraction/bin'),
);
if (builtAt(outfile) <= sources) {
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    outfile,
  });
}
