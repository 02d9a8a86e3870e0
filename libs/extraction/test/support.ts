import { scanQuotes } from '../src/scan/scan-quotes';
import { buildContext, type Context } from '../src/attribution/context';
import { CUE_RULES } from '../src/attribution/sieve';
import type { Attribution, ContextRule, CueRule } from '../src/attribution/attribution';

// Runs one rule on the quote whose text starts with `quoteStart`.
export interface RuleOutcome {
  speaker: string | null;
  description: string | null;
  mention: string | null;
  cue: string | null;
  rule: string | null;
}

function outcome(a: Attribution | null): RuleOutcome {
  return {
    speaker: a?.source.person?.name ?? null,
    description: a?.source.description ?? null,
    mention: a?.source.mention ?? null,
    cue: a?.cue ?? null,
    rule: a?.rule ?? null,
  };
}

function contextFor(text: string, quoteStart: string): { ctx: Context; index: number } {
  const ctx = buildContext(text, scanQuotes(text));
  const index = ctx.quotes.findIndex((q) => text.slice(q.start).startsWith(quoteStart));
  if (index < 0) throw new Error(`no quote starting ${quoteStart}`);
  return { ctx, index };
}

export function runCueRule(rule: CueRule, text: string, quoteStart: string): RuleOutcome {
  const { ctx, index } = contextFor(text, quoteStart);
  return outcome(rule(ctx, index));
}

// Context rules read what the cue rules decided for the other quotes.
export function runContextRule(rule: ContextRule, text: string, quoteStart: string): RuleOutcome {
  const { ctx, index } = contextFor(text, quoteStart);
  const done = ctx.quotes.map((_, q) =>
    q === index
      ? null
      : CUE_RULES.reduce<Attribution | null>((a, r) => a ?? r.run(ctx, q, []), null),
  );
  return outcome(rule(ctx, index, done));
}
