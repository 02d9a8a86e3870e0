import type { Context } from './context';
import type { Source } from './source';

// Every rule of the sieve, most certain first within its stage. The one list of names:
// attributions, options, the eval's per-rule table and the calibration all use it.
export const RULE_NAMES = [
  'transcript-label',
  'cue-after',
  'cue-before',
  'cue-in-sentence',
  'colon-intro',
  'same-paragraph',
  'previous-sentence',
  'continuation',
  'reported-speech',
  'paragraph-topic',
] as const;

export type RuleName = (typeof RULE_NAMES)[number];

// 'cue' rules read the words around one quote; 'context' rules run afterwards in text
// order and may read what was decided for the quotes before.
export type Stage = 'cue' | 'context';

// How one quote was attributed: the source, the rule that decided and its cue.
export interface Attribution {
  source: Source;
  rule: RuleName;
  cue: string | null;
  cueToken: number; // token index of the cue word, -1 when there is none
  confidence: number;
  // A later rule of the same stage whose answer, if it has one, wins over this one
  // ("“….” Name said" after "Other said: “…”"): rules never call each other.
  yieldsTo?: RuleName;
}

export type RuleRun = (
  ctx: Context,
  quote: number,
  done: readonly (Attribution | null)[],
) => Attribution | null;

export interface Rule {
  name: RuleName;
  stage: Stage;
  run: RuleRun;
}

export type CueRule = (ctx: Context, quote: number) => Attribution | null;
export type ContextRule = (
  ctx: Context,
  quote: number,
  done: readonly (Attribution | null)[],
) => Attribution | null;
