import type { Token } from '../text/tokens';
import { ROLE_NOUNS } from '../lexicon/en/roles';
import { GROUP_DETERMINERS, isRoleWord } from './groups';
import { joinTokens } from './phrase';

export interface Affiliation {
  role: string | null;
  organization: string | null;
}

const PREPOSITIONS = new Set(['of', 'for', 'at', 'with', 'in', 'on', 'from', 'to']);
const CLAUSE_WORDS = new Set(['who', 'whom', 'whose', 'which', 'that', 'where', 'when']);

// ", executive director of the advocacy group Human Rights in China," and
// ", with the International Campaign for Tibet," as role and organisation.
export function parseApposition(tokens: Token[], s: number, e: number): Affiliation | null {
  let k = s;
  while (
    k < e &&
    tokens[k].kind === 'word' &&
    GROUP_DETERMINERS.has(tokens[k].lower) &&
    !tokens[k].cap
  )
    k++;
  if (
    k >= e ||
    tokens[k].kind !== 'word' ||
    CLAUSE_WORDS.has(tokens[k].lower) ||
    /^\d/.test(tokens[k].text)
  )
    return null;
  if (PREPOSITIONS.has(tokens[k].lower))
    return { role: null, organization: organizationAfter(tokens, k + 1, e) };
  const roleEnd = roleWordsEnd(tokens, k, e);
  if (roleEnd === k || !hasRoleNoun(tokens, k, roleEnd)) return null;
  const prep = tokens[roleEnd];
  const org =
    prep && prep.kind === 'word' && PREPOSITIONS.has(prep.lower)
      ? organizationAfter(tokens, roleEnd + 1, e)
      : null;
  return { role: joinTokens(tokens, k, roleEnd), organization: org };
}

function roleWordsEnd(tokens: Token[], k: number, e: number): number {
  let j = k;
  while (
    j < e &&
    tokens[j].kind === 'word' &&
    !PREPOSITIONS.has(tokens[j].lower) &&
    (tokens[j].cap || isRoleWord(tokens[j]))
  )
    j++;
  return j;
}

function hasRoleNoun(tokens: Token[], s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (ROLE_NOUNS.has(tokens[k].lower)) return true;
  return false;
}

// The organisation runs from its first capitalised word to the end of the apposition.
function organizationAfter(tokens: Token[], s: number, e: number): string | null {
  let a = s;
  while (a < e && !(tokens[a].kind === 'word' && tokens[a].cap)) {
    if (tokens[a].kind !== 'word' || CLAUSE_WORDS.has(tokens[a].lower)) return null;
    a++;
  }
  let b = a;
  while (
    b < e &&
    !(tokens[b].kind === 'word' && CLAUSE_WORDS.has(tokens[b].lower)) &&
    tokens[b].text !== ','
  )
    b++;
  while (b > a && tokens[b - 1].kind !== 'word') b--;
  return joinTokens(tokens, a, b);
}

// End (exclusive) of an apposition that starts after the comma at c: the next
// comma, or the end of the clause. Returns -1 when nothing plausible follows.
export function appositionEnd(tokens: Token[], c: number, limit: number): number {
  for (let k = c + 1; k < limit && k - c <= 40; k++) {
    const t = tokens[k];
    if (t.kind === 'break' || t.kind === 'quote') return k;
    if (
      t.kind === 'punct' &&
      (t.text === ',' || t.text === ';' || t.text === ')' || t.text === '—')
    )
      return k;
    if (
      t.kind === 'punct' &&
      t.text === '.' &&
      !(tokens[k - 1]?.end === t.start && tokens[k - 1].text.length <= 3)
    )
      return k;
  }
  return -1;
}
