import { createHash, randomUUID } from 'node:crypto';
import { nameKey } from '../../libs/speakers/src/name-key';
import { quoteKey } from '../../libs/quotes/src/quote-key';
import { Rng, Zipf } from './random';
import {
  CJK,
  CODAS,
  CONTENT_WORDS,
  FIRST_NAMES,
  FUNCTION_WORDS,
  NUCLEI,
  ONSETS,
  ORG_KINDS,
  PLACES,
  ROLES,
  SUFFIXES,
  SURNAMES,
} from './words';

export const ENGINE_VERSION = 'bench-synthetic-1';
const START = Date.UTC(2015, 0, 1);
const SPAN = Date.UTC(2025, 0, 1) - START;
const VOCABULARY_SIZE = 6000;

export interface Alias {
  alias: string;
  aliasKey: string;
  kind: 'name' | 'surname' | 'native' | 'variant';
}

export interface Affiliation {
  id: string;
  role: string;
  organization: string;
  until: number; // applies to articles published before this time
  firstSeen: number;
  lastSeen: number;
  articleIds: string[];
}

export interface Speaker {
  id: string;
  name: string;
  nameKey: string;
  nativeName: string | null;
  surname: string;
  aliases: Alias[];
  affiliations: Affiliation[];
}

export interface QuoteRecord {
  id: string;
  speaker: Speaker;
  affiliation: Affiliation;
  text: string;
  textKey: string;
  start: number;
  end: number;
  mention: string;
  rule: string;
  confidence: number;
}

export interface ArticleRecord {
  id: string;
  documentId: string;
  title: string;
  body: string;
  sha256: string;
  publishedAt: Date;
  filename: string;
  quotes: QuoteRecord[];
}

// Everything random about the corpus, from one seed.
export class Corpus {
  readonly rng: Rng;
  readonly vocabulary: string[];
  readonly stopwords: Set<string>;
  readonly speakers: Speaker[];
  private readonly words: Zipf;
  private readonly popularity: Zipf;
  private readonly seen = new Set<string>();

  constructor(seed: number, speakerCount: number) {
    this.rng = new Rng(seed);
    const fn = split(FUNCTION_WORDS);
    this.stopwords = new Set(fn);
    this.vocabulary = buildVocabulary(this.rng, fn, split(CONTENT_WORDS), VOCABULARY_SIZE);
    this.words = new Zipf(this.vocabulary.length, 1.05, this.rng);
    this.speakers = buildSpeakers(this.rng, speakerCount);
    // Some people are quoted all the time, most rarely: popularity follows a flatter Zipf.
    this.popularity = new Zipf(this.speakers.length, 0.6, this.rng);
  }

  // One article published at `at`, with `quoteCount` quotes from a few speakers.
  article(index: number, at: number, quoteCount: number): ArticleRecord {
    const rng = this.rng;
    const cast = Array.from(
      { length: Math.min(quoteCount, rng.between(1, 5)) },
      () => this.speakers[this.popularity.sample()],
    );
    const place = rng.pick(PLACES);
    const title = `${place}: ${capitalize(this.content(rng.between(4, 9)))}`;
    const id = randomUUID();
    let body = `${title}\n\n${capitalize(this.sentence(rng.between(15, 40)))}.`;
    const quotes: QuoteRecord[] = [];
    for (let i = 0; i < quoteCount; i++) {
      const speaker = cast[i % cast.length];
      const affiliation =
        speaker.affiliations.find((a) => at < a.until) ??
        speaker.affiliations[speaker.affiliations.length - 1];
      const { text, textKey } = this.quoteText(speaker);
      const firstMention = !quotes.some((q) => q.speaker === speaker);
      const style = firstMention ? rng.int(2) : 2 + rng.int(2);
      let para: string;
      let offset: number;
      let mention: string;
      let rule: string;
      if (style === 0) {
        para = `“${text}” said ${speaker.name}, ${affiliation.role} at the ${affiliation.organization}.`;
        offset = 1;
        mention = speaker.name;
        rule = 'quote-said-name';
      } else if (style === 1) {
        para = `${speaker.name}, the ${affiliation.role} of the ${affiliation.organization}, said: “${text}”`;
        offset = para.length - text.length - 1;
        mention = speaker.name;
        rule = 'name-said-colon';
      } else if (style === 2) {
        para = `“${text}” ${speaker.surname} said.`;
        offset = 1;
        mention = speaker.surname;
        rule = 'quote-surname-said';
      } else {
        para = `${speaker.surname} added: “${text}”`;
        offset = para.length - text.length - 1;
        mention = speaker.surname;
        rule = 'surname-colon';
      }
      body += '\n\n';
      const start = body.length + offset;
      body += para;
      if (rng.chance(0.4)) body += ` ${capitalize(this.sentence(rng.between(8, 30)))}.`;
      quotes.push({
        id: randomUUID(),
        speaker,
        affiliation,
        text,
        textKey,
        start,
        end: start + text.length,
        mention,
        rule,
        confidence: Math.round((0.75 + rng.next() * 0.24) * 1000) / 1000,
      });
      affiliation.firstSeen = Math.min(affiliation.firstSeen, at);
      affiliation.lastSeen = Math.max(affiliation.lastSeen, at);
      if (affiliation.articleIds[affiliation.articleIds.length - 1] !== id)
        affiliation.articleIds.push(id);
    }
    body += '\n';
    return {
      id,
      documentId: randomUUID(),
      title,
      body,
      sha256: createHash('sha256').update(body).digest('hex'),
      publishedAt: new Date(at),
      filename: `bench/${String(index).padStart(7, '0')}.txt`,
      quotes,
    };
  }

  // Publication time of article i of n: roughly chronological ingest, some backfill.
  publishedAt(i: number, n: number): number {
    if (this.rng.chance(0.08)) return START + Math.floor(this.rng.next() * SPAN);
    const slot = SPAN / n;
    return START + Math.floor(i * slot + this.rng.next() * slot * 3);
  }

  // Lengths from 5 to 60 words, most around 15-25 (log-normal).
  quoteLength(): number {
    return Math.max(5, Math.min(60, Math.round(Math.exp(2.9 + 0.5 * this.rng.normal()))));
  }

  private quoteText(speaker: Speaker): { text: string; textKey: string } {
    for (;;) {
      const words = this.quoteLength();
      const text = `${capitalize(this.sentence(words))}${this.rng.pick(['.', '.', '.', ',', '', '!', '?'])}`;
      const textKey = quoteKey(text);
      // (speaker, wording) is unique in the store; short texts could repeat.
      if (words > 10) return { text, textKey };
      const k = `${speaker.id}|${textKey}`;
      if (!this.seen.has(k)) {
        this.seen.add(k);
        return { text, textKey };
      }
    }
  }

  sentence(n: number): string {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      let w = this.vocabulary[this.words.sample()];
      if (i < n - 1 && i > 2 && this.rng.chance(0.06)) w += ',';
      out.push(w);
    }
    return out.join(' ');
  }

  private content(n: number): string {
    const out: string[] = [];
    while (out.length < n) {
      const w = this.vocabulary[this.words.sample()];
      if (!this.stopwords.has(w)) out.push(w);
    }
    return out.join(' ');
  }
}

function split(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// stem + suffix with the commonest spelling rule (drop a final e before a vowel).
function derive(stem: string, suffix: string): string {
  return stem.endsWith('e') && /^[aeiouy]/.test(suffix)
    ? stem.slice(0, -1) + suffix
    : stem + suffix;
}

function pseudoWord(rng: Rng, syllables: number): string {
  let w = '';
  for (let i = 0; i < syllables; i++)
    w +=
      rng.pick(ONSETS) +
      rng.pick(NUCLEI) +
      (i === syllables - 1 || rng.chance(0.3) ? rng.pick(CODAS) : '');
  return w;
}

// Ranked vocabulary: the most common function words, then function and content words mixed,
// then derived forms and made-up words for the long tail.
function buildVocabulary(rng: Rng, fn: string[], content: string[], size: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (w: string) => {
    if (!seen.has(w)) {
      seen.add(w);
      out.push(w);
    }
  };
  fn.slice(0, 25).forEach(add);
  const restFn = fn.slice(25);
  const shuffled = rng.shuffle([...content]);
  for (let i = 0; i < Math.max(restFn.length, shuffled.length); i++) {
    if (i < restFn.length) add(restFn[i]);
    if (i < shuffled.length) add(shuffled[i]);
  }
  const stems = content.filter((w) => /^[a-z]{4,}$/.test(w) && !/(s|ed|ing)$/.test(w));
  while (out.length < size) {
    if (rng.chance(0.75)) add(derive(rng.pick(stems), rng.pick(SUFFIXES)));
    else add(pseudoWord(rng, rng.between(1, 2)));
  }
  return out;
}

function buildSpeakers(rng: Rng, count: number): Speaker[] {
  const firstNames = split(FIRST_NAMES);
  const chinese = new Set(
    split(
      'Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang Xie Tang Han Feng Deng Cao Peng Zeng Xiao',
    ),
  );
  // Real surnames first (the common ones), made-up ones for the tail: about three people per surname.
  const surnames = [...new Set(split(SURNAMES))];
  while (surnames.length < Math.max(count / 3, surnames.length))
    surnames.push(capitalize(pseudoWord(rng, rng.between(2, 3))));
  const bySurname = new Zipf(surnames.length, 0.8, rng);
  const speakers: Speaker[] = [];
  for (let i = 0; i < count; i++) {
    const surname = surnames[bySurname.sample()];
    const first = chinese.has(surname) ? capitalize(pseudoWord(rng, 2)) : rng.pick(firstNames);
    const middle = rng.chance(0.1) ? ` ${String.fromCharCode(65 + rng.int(26))}.` : '';
    const name = `${first}${middle} ${surname}`;
    const nativeName =
      chinese.has(surname) && rng.chance(0.4)
        ? Array.from({ length: rng.between(2, 3) }, () => rng.pick([...CJK])).join('')
        : null;
    const aliases: Alias[] = [
      { alias: name, aliasKey: nameKey(name), kind: 'name' },
      { alias: surname, aliasKey: nameKey(surname), kind: 'surname' },
    ];
    if (nativeName)
      aliases.push({ alias: nativeName, aliasKey: nameKey(nativeName), kind: 'native' });
    if (rng.chance(0.2))
      aliases.push({
        alias: `${first.charAt(0)}. ${surname}`,
        aliasKey: nameKey(`${first.charAt(0)} ${surname}`),
        kind: 'variant',
      });
    const unique = [...new Map(aliases.map((a) => [a.aliasKey, a])).values()];
    speakers.push({
      id: randomUUID(),
      name,
      nameKey: nameKey(name),
      nativeName,
      surname,
      aliases: unique,
      affiliations: careers(rng),
    });
  }
  return speakers;
}

// One to three roles over the ten years, one after the other.
function careers(rng: Rng): Affiliation[] {
  const n = rng.between(1, 3);
  const cuts = Array.from({ length: n - 1 }, () => START + Math.floor(rng.next() * SPAN)).sort(
    (a, b) => a - b,
  );
  const org = () =>
    rng.chance(0.6) ? `${rng.pick(PLACES)} ${rng.pick(ORG_KINDS)}` : rng.pick(ORG_KINDS);
  const home = org();
  return Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    role: rng.pick(ROLES),
    organization: rng.chance(0.7) ? home : org(),
    until: i < n - 1 ? cuts[i] : Number.POSITIVE_INFINITY,
    firstSeen: Number.POSITIVE_INFINITY,
    lastSeen: Number.NEGATIVE_INFINITY,
    articleIds: [],
  }));
}
