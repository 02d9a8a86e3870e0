import type { Client } from 'pg';
import { Rng } from './random';
import { FUNCTION_WORDS } from './words';

export interface QueryPools {
  search: string[]; // values of ?q=
  lookup: string[]; // values of ?text=
  speakers: string[]; // values of ?q=
}

const STOP = new Set(FUNCTION_WORDS.split(/\s+/).filter(Boolean));

// Realistic requests drawn from the corpus itself: words people would search for, quotes
// half-remembered (words dropped, swapped, misspelt), names partly typed or misspelt.
export async function buildPools(client: Client, size: number, seed: number): Promise<QueryPools> {
  const rng = new Rng(seed);
  const { rows: quotes } = await client.query<{ text: string }>(
    `SELECT text FROM quote TABLESAMPLE BERNOULLI ($1) REPEATABLE ($2) LIMIT $3`,
    [await samplePercent(client, 'quote', size * 3), seed, size * 2],
  );
  const { rows: speakers } = await client.query<{ name: string; native_name: string | null }>(
    `SELECT name, native_name FROM speaker TABLESAMPLE BERNOULLI ($1) REPEATABLE ($2) LIMIT $3`,
    [await samplePercent(client, 'speaker', size * 3), seed, size],
  );
  if (!quotes.length || !speakers.length)
    throw new Error('The database has no quotes or speakers: run npm run bench:seed first');
  const texts = quotes.map((q) => q.text);
  return {
    search: Array.from({ length: size }, (_, i) => searchTerms(rng, texts[i % texts.length])),
    lookup: texts
      .filter((t) => words(t).length >= 6)
      .slice(0, size)
      .map((t) => rememberedQuote(rng, t)),
    speakers: speakers.map((s) => nameQuery(rng, s.name, s.native_name)),
  };
}

async function samplePercent(client: Client, table: string, want: number): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `SELECT GREATEST(reltuples, 1)::bigint AS n FROM pg_class WHERE relname = $1`,
    [table],
  );
  return Math.min(100, (100 * want) / Math.max(1, Number(rows[0]?.n ?? 1)));
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z']+/g) ?? [];
}

// 1-3 content words of a quote; some phrases, some OR, some exclusions.
function searchTerms(rng: Rng, text: string): string {
  const all = words(text);
  const content = all.filter((w) => !STOP.has(w) && w.length > 2);
  if (!content.length) return all[0] ?? 'government';
  const roll = rng.next();
  if (roll < 0.4 || content.length < 2) return rng.pick(content);
  if (roll < 0.7) return pickDistinct(rng, content, 2).join(' ');
  if (roll < 0.8) return pickDistinct(rng, content, 3).join(' ');
  if (roll < 0.9) {
    const i = rng.int(all.length - 1);
    return `"${all[i]} ${all[i + 1]}"`;
  }
  if (roll < 0.95) return pickDistinct(rng, content, 2).join(' OR ');
  const [a, b] = pickDistinct(rng, content, 2);
  return `${a} -${b}`;
}

function pickDistinct(rng: Rng, items: string[], n: number): string[] {
  const pool = [...new Set(items)];
  rng.shuffle(pool);
  return pool.slice(0, Math.min(n, pool.length));
}

// A stretch of 6-14 words with a word dropped, two swapped, and often a typo.
function rememberedQuote(rng: Rng, text: string): string {
  const all = text
    .replace(/[.,!?;:"“”]/g, '')
    .split(/\s+/)
    .filter(Boolean);
  const len = Math.min(all.length, rng.between(6, 14));
  const start = rng.int(all.length - len + 1);
  const w = all.slice(start, start + len);
  if (w.length > 6 && rng.chance(0.7)) w.splice(rng.int(w.length), 1);
  if (rng.chance(0.6)) {
    const i = rng.int(w.length - 1);
    [w[i], w[i + 1]] = [w[i + 1], w[i]];
  }
  if (rng.chance(0.7)) {
    const i = rng.int(w.length);
    w[i] = typo(rng, w[i]);
  }
  return w.join(' ').toLowerCase();
}

function typo(rng: Rng, word: string): string {
  if (word.length < 4) return word;
  const i = 1 + rng.int(word.length - 2);
  switch (rng.int(3)) {
    case 0:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2); // swapped letters
    case 1:
      return word.slice(0, i) + word.slice(i + 1); // dropped letter
    default:
      return word.slice(0, i) + 'aeioustrn'[rng.int(9)] + word.slice(i + 1); // wrong letter
  }
}

// A surname, a full name, a typed prefix, a misspelt name, or a native-script name.
function nameQuery(rng: Rng, name: string, native: string | null): string {
  const parts = name.split(' ');
  const surname = parts[parts.length - 1];
  const roll = rng.next();
  if (native && roll < 0.1) return native;
  if (roll < 0.4) return surname.toLowerCase();
  if (roll < 0.6) return name;
  if (roll < 0.75)
    return surname.slice(0, Math.max(3, Math.min(surname.length, rng.between(3, 5)))).toLowerCase();
  const i = rng.int(parts.length);
  parts[i] = typo(rng, parts[i]);
  return parts.join(' ');
}
