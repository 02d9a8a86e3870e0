import type { Token } from '../text/tokens';
import { isAbbreviation } from '../text/sentences';
import * as lexicon from '../lexicon/classify';
import { FIRST_NAMES } from '../lexicon/en/first-names';
import { MONTHS, NAME_PARTICLES, NEVER_SURNAMES } from '../lexicon/en/words';

// Read once: imported bindings are getters in some module loaders.
const { STOP, ROLE, CONNECTOR, DETERMINER, AUX, PRONOUN, PLACE, ORG } = lexicon.FLAGS;
const CLOSED_CLASS = CONNECTOR | DETERMINER | PRONOUN;

// A "group" is a run of tokens that can make up a mention of a source:
// capitalised words, role words, connectors between them, abbreviation dots.
// "White House press secretary Josh Earnest", "the advocacy group", "Mr. King".

const MAX_GROUP = 14;
export const GROUP_DETERMINERS = lexicon.GROUP_DETERMINERS;

export function isRoleWord(t: Token): boolean {
  return (t.f & ROLE) !== 0;
}

// "Ian Read", "Theresa May", "Ai Jun": a capitalised word that otherwise opens no name
// is a surname right after a given name, unless it is a function word.
function isSurnameAt(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  const prev = tokens[k - 1];
  return (
    t.kind === 'word' &&
    t.cap &&
    (t.f & STOP) !== 0 &&
    (t.f & CLOSED_CLASS) === 0 &&
    !NEVER_SURNAMES.has(t.lower) &&
    !isDateAt(tokens, k) &&
    prev !== undefined &&
    prev.kind === 'word' &&
    prev.cap &&
    !prev.poss &&
    prev.end < t.start &&
    (prev.f & (STOP | PLACE | ORG)) === 0 &&
    (FIRST_NAMES.has(prev.lower) || afterRole(tokens, k - 1))
  );
}

// "columnist Ai Jun": a role word, then a capitalised given name the lexicon does not know.
function afterRole(tokens: Token[], given: number): boolean {
  const role = tokens[given - 1];
  return (
    role !== undefined &&
    role.kind === 'word' &&
    !role.cap &&
    (role.f & lexicon.FLAGS.ROLE_NOUN) !== 0
  );
}

// "Orlando July 8": a month before a day's number is a date.
function isDateAt(tokens: Token[], k: number): boolean {
  if (!MONTHS.has(tokens[k].lower)) return false;
  const next = tokens[k + 1];
  return next !== undefined && next.kind === 'word' && /^\d/.test(next.text);
}

export function isFunctionWord(lower: string): boolean {
  return NEVER_SURNAMES.has(lower) || (lexicon.flagsOf(lower) & CLOSED_CLASS) !== 0;
}

function isCoreWord(t: Token | undefined): boolean {
  return (
    t !== undefined &&
    t.kind === 'word' &&
    (t.cap ? (t.f & STOP) === 0 || t.text.length === 1 : (t.f & ROLE) !== 0)
  );
}

// A lower-case modifier of a role noun: "nutritional-supplement executive", "bureau chief".
function isRoleModifierAt(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  const next = tokens[k + 1];
  // a verb is no modifier: "Justin Trudeau is under siege" ("under" is a role word too)
  return (
    t.kind === 'word' &&
    !t.cap &&
    (t.f & (STOP | CONNECTOR | DETERMINER | AUX)) === 0 &&
    next !== undefined &&
    next.kind === 'word' &&
    (next.f & ROLE) !== 0 &&
    !next.cap
  );
}

function isAbbrevDot(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  const prev = tokens[k - 1];
  return (
    t.kind === 'punct' &&
    t.text === '.' &&
    prev !== undefined &&
    prev.end === t.start &&
    isAbbreviation(prev)
  );
}

// Up to two particles between two capitalised name words.
function isParticleAt(tokens: Token[], k: number): boolean {
  if (!NAME_PARTICLES.has(tokens[k].lower) || tokens[k].cap) return false;
  let a = k - 1;
  if (a >= 0 && tokens[a].kind === 'word' && !tokens[a].cap && NAME_PARTICLES.has(tokens[a].lower))
    a--;
  let b = k + 1;
  if (tokens[b]?.kind === 'word' && !tokens[b].cap && NAME_PARTICLES.has(tokens[b].lower)) b++;
  return k - a <= 2 && b - k <= 2 && isCapCore(tokens[a]) && isCapCore(tokens[b]);
}

// "of" between capitalised words, or "of the" before one: "Institute of the Americas".
function isConnectorAt(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (t.kind !== 'word' || t.cap) return false;
  if (isParticleAt(tokens, k)) return true;
  if ((t.f & CONNECTOR) === 0) return false;
  const prev = tokens[k - 1];
  if (isCoreWord(prev))
    return (
      isCoreWord(tokens[k + 1]) ||
      (t.lower !== 'the' && tokens[k + 1]?.lower === 'the' && isCapCore(tokens[k + 2]))
    );
  return (
    t.lower === 'the' &&
    prev?.kind === 'word' &&
    (prev.f & CONNECTOR) !== 0 &&
    isCapCore(tokens[k + 1])
  );
}

function isCapCore(t: Token | undefined): boolean {
  return t !== undefined && t.cap && isCoreWord(t);
}

function isDeterminer(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'word' && (t.f & DETERMINER) !== 0;
}

// Start index of the group that ends at token j (inclusive), or -1.
export function groupBefore(tokens: Token[], j: number, floor: number): number {
  let s = -1;
  for (let k = j; k >= floor && j - k < MAX_GROUP; k--) {
    const t = tokens[k];
    if (t.kind === 'punct' && isAbbrevDot(tokens, k)) continue;
    if (
      isCoreWord(t) ||
      isSurnameAt(tokens, k) ||
      (k < j && (isConnectorAt(tokens, k) || isRoleModifierAt(tokens, k)))
    ) {
      s = k;
      continue;
    }
    if (s >= 0 && isDeterminer(t)) s = k;
    break;
  }
  return s < 0 ? -1 : trimLeadingConnectors(tokens, s, j + 1);
}

// End index (exclusive) of the group that starts at token i, or i when none.
export function groupAfter(tokens: Token[], i: number, ceil: number): number {
  let k = i;
  if (isDeterminer(tokens[k]) || (tokens[k]?.lower === 'the' && tokens[k].cap)) k++;
  const first = k;
  for (; k < ceil && k - i < MAX_GROUP; k++) {
    const t = tokens[k];
    // a possessive ends the phrase: "Donald Trump’s incoming foreign policy team"
    if (isCoreWord(t) && t.cap && t.poss) return k + 1;
    if (
      isCoreWord(t) ||
      (k > first && (isConnectorAt(tokens, k) || isSurnameAt(tokens, k))) ||
      isRoleModifierAt(tokens, k)
    )
      continue;
    if (k > first && isAbbrevDot(tokens, k)) continue;
    break;
  }
  return k === first ? i : k;
}

function trimLeadingConnectors(tokens: Token[], s: number, e: number): number {
  let a = s;
  while (
    a < e &&
    tokens[a].kind === 'word' &&
    !tokens[a].cap &&
    (tokens[a].f & CONNECTOR) !== 0 &&
    (tokens[a].f & DETERMINER) === 0
  )
    a++;
  return a < e ? a : -1;
}
