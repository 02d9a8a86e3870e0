import type { Attribution } from './attribution';
import { CALIBRATION } from './calibration';

// The stated confidence of an attribution is the precision its path measured on annotated
// news (src/attribution/calibration.ts, written by `npm run calibrate`). A path is the rule,
// how the speaker was reached (name, pronoun, description, document, label) and the rule's
// own prior for the variant that fired (`cue-before:name@0.70` is a colon clause,
// `cue-before:name@0.90` a subject right before the verb; inherited answers keep theirs).
// A path seen too rarely falls back to rule:via, then to the rare paths reached the same
// way (rare pronoun paths, rare description paths, pooled: a rare variant measures lower
// than the common paths of its kind), then to all rare paths.
export function kindOf(a: Attribution): string {
  return `${a.rule}:${a.source.via}`;
}

export function pathOf(a: Attribution): string {
  return `${kindOf(a)}@${a.confidence.toFixed(2)}`;
}

export const MIN_QUOTES = 20;

export function confidenceOf(a: Attribution, path = pathOf(a)): number {
  const exact = CALIBRATION.paths[path];
  if (exact && exact.quotes >= MIN_QUOTES) return exact.precision;
  const kind = CALIBRATION.kinds[kindOf(a)];
  if (kind && kind.quotes >= MIN_QUOTES) return kind.precision;
  const tail = CALIBRATION.tails[a.source.via];
  if (tail && tail.quotes >= MIN_QUOTES) return tail.precision;
  return (CALIBRATION.tails.all ?? CALIBRATION.overall).precision;
}
