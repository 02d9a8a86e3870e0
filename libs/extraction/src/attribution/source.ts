import type { Context } from './context';
import type { NounPhrase } from './noun-phrase';
import type { Person } from '../people/person';
import { joinTokens } from '../people/phrase';
import { resolveName, resolveRole } from '../people/resolver';
import { resolvePronoun } from './salience';
import { PRONOUNS } from '../lexicon/en/words';

// Who a noun phrase names: a person, or an unnamed source kept as described.
export interface Source {
  person: Person | null;
  description: string | null;
  mention: string;
  role: string | null; // as given at this mention, if any
  organization: string | null;
  pronoun: boolean;
}

export function resolveSource(ctx: Context, np: NounPhrase): Source {
  const mention = joinTokens(ctx.tokens, np.start, np.end) ?? '';
  if (np.kind === 'pronoun') return pronounSource(ctx, np.word, np.start, mention);
  if (np.kind === 'description') return describedSource(ctx, np.start, np.end, mention);
  if (np.phrase.kind === 'role') return describedSource(ctx, np.start, np.end, mention);
  const person = resolveName(ctx.registry, ctx.tokens, np.phrase);
  const aff = np.affiliation;
  if (aff && !person.role && !person.organization) {
    person.role = aff.role;
    person.organization = aff.organization;
  }
  return { person, description: null, mention, role: np.phrase.title ?? aff?.role ?? null, organization: np.phrase.titleOrg ?? aff?.organization ?? null, pronoun: false };
}

function pronounSource(ctx: Context, word: string, at: number, mention: string): Source {
  const kind = PRONOUNS[word.toLowerCase()];
  const person = kind === 'm' || kind === 'f' ? resolvePronoun(ctx, at, kind) : null;
  return { person, description: null, mention, role: null, organization: null, pronoun: true };
}

// "the spokesman" is someone named before; "a South Korean political pundit" is not.
function describedSource(ctx: Context, start: number, end: number, mention: string): Source {
  const definite = ctx.tokens[start].lower === 'the';
  const head = ctx.tokens[end - 1].lower;
  const person = definite ? resolveRole(ctx.registry, head, start) : null;
  return { person, description: person ? null : mention, mention, role: null, organization: null, pronoun: false };
}
