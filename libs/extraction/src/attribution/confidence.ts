import type { Attribution } from './attribution';
import { CALIBRATION } from './calibration';

// The stated confidence of an attribution is the precision its path (rule and how the
// speaker was reached) measured on annotated news (src/attribution/calibration.ts,
// written by `npm run calibrate`). A path seen too rarely falls back to its rule.
export function pathOf(a: Attribution): string {
  return `${a.rule}:${a.source.via}`;
}

const MIN_QUOTES = 20;

export function confidenceOf(a: Attribution): number {
  const path = CALIBRATION.paths[pathOf(a)];
  if (path && path.quotes >= MIN_QUOTES) return path.precision;
  const rule = CALIBRATION.rules[a.rule];
  if (rule && rule.quotes >= MIN_QUOTES) return rule.precision;
  return CALIBRATION.overall.precision;
}
