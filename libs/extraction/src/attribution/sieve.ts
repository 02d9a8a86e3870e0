import type { Attribution, ContextRule, CueRule } from './attribution';
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

// Most certain first; a later rule only sees quotes still open.
export const CUE_RULES: CueRule[] = [transcriptLabel, cueAfter, cueBefore, cueInSentence, colonIntro];
export const CONTEXT_RULES: ContextRule[] = [sameParagraph, previousSentence, continuation, reportedSpeech];

export function attributeQuotes(ctx: Context): (Attribution | null)[] {
  const done: (Attribution | null)[] = ctx.quotes.map((_, q) => {
    const a = ctx.quoteToken[q] < 0 ? null : firstOf(CUE_RULES, (rule) => rule(ctx, q));
    if (a?.source.person && a.cueToken >= 0) ctx.speakers.push({ token: a.cueToken, person: a.source.person });
    return a;
  });
  // Context rules run in text order so a chain of quote paragraphs follows its speaker.
  for (let q = 0; q < ctx.quotes.length; q++) {
    if (done[q] || ctx.quoteToken[q] < 0) continue;
    done[q] = firstOf(CONTEXT_RULES, (rule) => rule(ctx, q, done));
  }
  return done;
}

function firstOf<R>(rules: R[], run: (rule: R) => Attribution | null): Attribution | null {
  for (const rule of rules) {
    const a = run(rule);
    if (a) return a;
  }
  return null;
}
