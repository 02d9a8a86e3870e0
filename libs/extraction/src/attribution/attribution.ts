import type { Source } from './source';

// How one quote was attributed: the source, the rule that decided and its cue.
export interface Attribution {
  source: Source;
  rule: string;
  cue: string | null;
  cueToken: number; // token index of the cue word, -1 when there is none
  confidence: number;
}

export type CueRule = (ctx: import('./context').Context, quote: number) => Attribution | null;
export type ContextRule = (
  ctx: import('./context').Context,
  quote: number,
  done: (Attribution | null)[],
) => Attribution | null;
