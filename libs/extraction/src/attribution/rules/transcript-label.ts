import type { Attribution } from '../attribution';
import type { Context } from '../context';
import { findOrCreate } from '../../people/registry';
import { resolveWord } from '../../people/resolver';

// A quoted transcript turn names its speaker first: “PENCE: Well, look, …”.
const LABEL = /^\s*([A-Z][A-Z'’.\- ]{1,30}[A-Z]):\s/;
const NOT_SPEAKERS = new Set([
  'UPDATE',
  'NOTE',
  'EDITOR',
  'EDITORS NOTE',
  'CORRECTION',
  'BREAKING',
  'WATCH',
  'READ',
  'PHOTOS',
  'VIDEO',
  'Q',
  'A',
]);

export function transcriptLabel(ctx: Context, quote: number): Attribution | null {
  const q = ctx.quotes[quote];
  const m = LABEL.exec(ctx.text.slice(q.start, Math.min(q.end, q.start + 40)));
  if (!m || NOT_SPEAKERS.has(m[1])) return null;
  const label = m[1];
  const words = label.toLowerCase().split(/\s+/);
  const at = ctx.quoteToken[quote];
  const person =
    (words.length === 1 ? resolveWord(ctx.registry, words[0], at, null) : null) ??
    findOrCreate(ctx.registry, titleCase(label), false);
  const source = {
    person,
    description: null,
    mention: label,
    role: null,
    organization: null,
    pronoun: false,
    via: 'label' as const,
  };
  return { source, rule: 'transcript-label', cue: ':', cueToken: -1, confidence: 0.9 };
}

function titleCase(label: string): string {
  return label
    .toLowerCase()
    .replace(/(^|[\s\-'’])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}
