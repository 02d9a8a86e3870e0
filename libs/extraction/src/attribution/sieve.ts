import type { Attribution, Rule, RuleName } from './attribution';
import type { Context } from './context';
import { cueAfter } from './rules/cue-after';
import { cueBefore } from './rules/cue-before';
import { cueInSentence } from './rules/cue-in-sentence';
import { colonIntro } from './rules/colon-intro';
import { sameParagraph } from './rules/same-paragraph';
import { continuation } from './rules/continuation';
import { transcriptLabel } from './rules/transcript-label';
import { previousSentence } from './rules/previous-sentence';
import { reportedSpeech } from './rules/reported-speech';
import { paragraphTopic } from './rules/paragraph-topic';

// The sieve, declared once: most certain first; a later rule only sees quotes still open.
export const RULES: readonly Rule[] = [
  { name: 'transcript-label', stage: 'cue', run: transcriptLabel },
  { name: 'cue-after', stage: 'cue', run: cueAfter },
  { name: 'cue-before', stage: 'cue', run: cueBefore },
  { name: 'cue-in-sentence', stage: 'cue', run: cueInSentence },
  { name: 'colon-intro', stage: 'cue', run: colonIntro },
  { name: 'same-paragraph', stage: 'context', run: sameParagraph },
  { name: 'previous-sentence', stage: 'context', run: previousSentence },
  { name: 'continuation', stage: 'context', run: continuation },
  { name: 'reported-speech', stage: 'context', run: reportedSpeech },
  { name: 'paragraph-topic', stage: 'context', run: paragraphTopic },
];

export type RuleSwitches = Partial<Record<RuleName, boolean>>;

// The rules of a stage that are on (all are, unless switched off with `false`).
export function rulesOf(stage: Rule['stage'], switches: RuleSwitches = {}): Rule[] {
  return RULES.filter((r) => r.stage === stage && switches[r.name] !== false);
}

export const CUE_RULES = rulesOf('cue');

export function attributeQuotes(ctx: Context, switches: RuleSwitches = {}): (Attribution | null)[] {
  const cue = rulesOf('cue', switches);
  const context = rulesOf('context', switches);
  const done: (Attribution | null)[] = new Array(ctx.quotes.length).fill(null);
  for (let q = 0; q < ctx.quotes.length; q++) {
    if (ctx.quoteToken[q] < 0) continue;
    const a = firstOf(cue, ctx, q, done);
    if (a?.source.person && a.cueToken >= 0)
      ctx.speakers.push({ token: a.cueToken, person: a.source.person });
    done[q] = a;
  }
  // Context rules run in text order so a chain of quote paragraphs follows its speaker.
  for (let q = 0; q < ctx.quotes.length; q++) {
    if (done[q] || ctx.quoteToken[q] < 0) continue;
    done[q] = firstOf(context, ctx, q, done);
  }
  return done;
}

// The first rule with an answer; an answer that yields to a later rule stands only
// when that rule has none.
function firstOf(
  rules: Rule[],
  ctx: Context,
  q: number,
  done: (Attribution | null)[],
): Attribution | null {
  let held: Attribution | null = null;
  for (const rule of rules) {
    if (held && rule.name !== held.yieldsTo) continue;
    const a = rule.run(ctx, q, done);
    if (!a) continue;
    if (held) return a;
    if (!a.yieldsTo) return a;
    held = a;
  }
  return held;
}
