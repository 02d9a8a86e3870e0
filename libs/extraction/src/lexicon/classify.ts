import { HONORIFICS, ORG_WORDS, ROLE_MODIFIERS, ROLE_NOUNS, TITLE_WORDS } from './en/roles';
import { AUXILIARIES, CAPITALISED_STOPWORDS, NAME_CONNECTORS, PRONOUNS } from './en/words';
import { PLACE_WORDS } from './en/places';
import {
  BASE_SPEECH_VERBS,
  FINITE_SPEECH_VERBS,
  INVERTIBLE_VERBS,
  PARTICLE_VERBS,
  SPEECH_PARTICIPLES,
  isInvertible,
  isSpeechParticiple,
} from './en/speech-verbs';

const SPEECH_WORDS = [
  ...FINITE_SPEECH_VERBS,
  ...BASE_SPEECH_VERBS,
  ...SPEECH_PARTICIPLES,
  ...INVERTIBLE_VERBS,
  ...Object.keys(PARTICLE_VERBS),
];

// Every lexicon a word belongs to, as bits, looked up once per word form and
// carried on its token: the phrase parsers test bits instead of sets.
export const FLAGS = {
  STOP: 1, // capitalised, it still opens no name ("The", "However")
  ROLE: 2, // a role noun or modifier ("spokesman", "former")
  ROLE_NOUN: 4,
  TITLE: 8, // written before names ("President", "Sen")
  HONORIFIC: 16, // "Mr", "Mrs", "Dr"
  DETERMINER: 32, // opens a described source ("a", "the", "his")
  CONNECTOR: 64, // inside names ("of", "de")
  PLACE: 128,
  ORG: 256,
  AUX: 512, // between a subject and its verb ("has", "later")
  SPEECH: 1024, // finite speech verb
  PARTICIPLE: 2048, // "saying"
  INVERTIBLE: 4096, // "said Posner"
  PRONOUN: 8192,
  PARTICLE_VERB: 16384, // "went" in "went on": speech only with its particle
  BASE_VERB: 32768, // "call", "reply": a verb only after a subject or an auxiliary
} as const;

export const GROUP_DETERMINERS = new Set([
  'a',
  'an',
  'the',
  'another',
  'his',
  'her',
  'their',
  'its',
  'our',
  'one',
]);

const cache = new Map<string, number>();
const MAX_CACHE = 50_000;

// Every word any lexicon knows, so a trie can answer without hashing strings.
function lexiconWords(): Set<string> {
  const all = new Set<string>();
  const sets = [
    CAPITALISED_STOPWORDS,
    ROLE_NOUNS,
    ROLE_MODIFIERS,
    TITLE_WORDS,
    GROUP_DETERMINERS,
    NAME_CONNECTORS,
    PLACE_WORDS,
    ORG_WORDS,
    AUXILIARIES,
  ];
  for (const set of sets) for (const w of set) all.add(w);
  for (const w of Object.keys(HONORIFICS)) all.add(w);
  for (const w of Object.keys(PRONOUNS)) all.add(w);
  for (const w of SPEECH_WORDS) all.add(w);
  return all;
}

function compute(w: string): number {
  const F = FLAGS;
  let f = 0;
  if (CAPITALISED_STOPWORDS.has(w)) f |= F.STOP;
  if (ROLE_NOUNS.has(w)) f |= F.ROLE_NOUN | F.ROLE;
  if (ROLE_MODIFIERS.has(w) && !NAME_CONNECTORS.has(w)) f |= F.ROLE;
  if (TITLE_WORDS.has(w)) f |= F.TITLE;
  if (HONORIFICS[w] !== undefined) f |= F.HONORIFIC | F.TITLE;
  if (GROUP_DETERMINERS.has(w)) f |= F.DETERMINER;
  if (NAME_CONNECTORS.has(w)) f |= F.CONNECTOR;
  if (PLACE_WORDS.has(w)) f |= F.PLACE;
  if (ORG_WORDS.has(w)) f |= F.ORG;
  if (AUXILIARIES.has(w)) f |= F.AUX;
  if (FINITE_SPEECH_VERBS.has(w)) f |= F.SPEECH;
  else if (BASE_SPEECH_VERBS.has(w)) f |= F.BASE_VERB;
  if (isSpeechParticiple(w)) f |= F.PARTICIPLE;
  if (isInvertible(w)) f |= F.INVERTIBLE;
  if (PRONOUNS[w] !== undefined) f |= F.PRONOUN;
  if (PARTICLE_VERBS[w] !== undefined) f |= F.PARTICLE_VERB;
  return f;
}

export function flagsOf(lower: string): number {
  let f = cache.get(lower);
  if (f === undefined) {
    if (cache.size > MAX_CACHE) cache.clear();
    f = compute(lower);
    cache.set(lower, f);
  }
  return f;
}

// A trie over a–z, digits, '-', '.', '\'' and '’' in flat arrays: a word's
// bits are found by walking its characters, case folded, no string needed.
const SLOTS = 40;

export function slot(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 65 && code <= 90) return code - 65;
  if (code >= 48 && code <= 57) return 26 + code - 48;
  if (code === 45) return 36;
  if (code === 46) return 37;
  if (code === 39 || code === 0x2019) return 38;
  return -1;
}

interface Trie {
  next: Int32Array;
  bits: Int32Array;
}

function buildTrie(): Trie {
  const words = [...lexiconWords()];
  let next = new Int32Array(SLOTS * 1024);
  const bits: number[] = [0];
  let nodes = 1;
  for (const w of words) {
    let node = 0;
    for (let i = 0; i < w.length; i++) {
      const s = slot(w.charCodeAt(i));
      if (s < 0) break;
      let child = next[node * SLOTS + s];
      if (child === 0) {
        child = nodes++;
        bits.push(0);
        if (nodes * SLOTS > next.length) {
          const grown = new Int32Array(next.length * 2);
          grown.set(next);
          next = grown;
        }
        next[node * SLOTS + s] = child;
      }
      node = child;
    }
    bits[node] = compute(w);
  }
  return { next, bits: Int32Array.from(bits) };
}

export const TRIE = buildTrie();
export const TRIE_SLOTS = SLOTS;

// Lexicon bits of text[start, end) read case-insensitively; 0 for unknown words.
export function flagsAt(text: string, start: number, end: number): number {
  const { next, bits } = TRIE;
  let node = 0;
  for (let i = start; i < end; i++) {
    const s = slot(text.charCodeAt(i));
    if (s < 0) return 0;
    node = next[node * SLOTS + s];
    if (node === 0) return 0;
  }
  return bits[node];
}
