// Fills a database with a synthetic but realistic corpus for the lookup benchmarks:
//   npm run bench:seed -- --quotes 1000000 [--database-url URL] [--reset] [--seed 42]
import { randomUUID } from 'node:crypto';
import { SingleBar } from 'cli-progress';
import { Client } from 'pg';
import { intArg, parseArgs, stringArg } from './lib/args';
import { ArticleRecord, Corpus, ENGINE_VERSION, Speaker } from './lib/corpus';
import { benchDatabaseUrl, copyIn, copyLine, ensureDatabase, migrate } from './lib/db';
import { parkIndexes, restoreIndexes } from './lib/indexes';
import { nameKey } from '../libs/speakers/src/name-key';

const TABLES = [
  'document',
  'article',
  'article_source',
  'article_extraction',
  'speaker',
  'speaker_alias',
  'speaker_affiliation',
  'quote',
  'quote_occurrence',
];
const PUBLISHERS = [
  'Daily Ledger',
  'Morning Courier',
  'Global Wire',
  'The Observer Post',
  'Evening Herald',
  'Capital Times',
  null,
];
const BATCH_ARTICLES = 1000;

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const quotes = intArg(args, 'quotes', 100_000);
  const speakerCount = intArg(args, 'speakers', Math.max(20, Math.round(quotes / 20)));
  const seed = intArg(args, 'seed', 42);
  const url = benchDatabaseUrl(stringArg(args, 'database-url'));
  const t0 = Date.now();

  if (await ensureDatabase(url)) log(`created database ${new URL(url).pathname.slice(1)}`);
  const ran = await migrate(url);
  if (ran.length) log(`migrations: ${ran.join(', ')}`);

  const a = new Client({ connectionString: url, application_name: 'bench-seed' });
  const b = new Client({ connectionString: url, application_name: 'bench-seed' });
  await Promise.all([a.connect(), b.connect()]);
  try {
    // An interrupted earlier load may have left its indexes parked: build them first.
    await restoreIndexes([a, b], (name) => log(`restored index ${name}`));
    const { rows } = await a.query<{ n: string }>('SELECT count(*) AS n FROM quote');
    if (Number(rows[0].n) > 0) {
      if (!args.has('reset'))
        throw new Error(
          `The database already holds ${rows[0].n} quotes; pass --reset to empty it first.`,
        );
      log(`--reset: emptying ${TABLES.join(', ')} (and what references them)`);
      await a.query(`TRUNCATE ${TABLES.join(', ')} CASCADE`);
    }
    for (const c of [a, b]) {
      // Bulk load: our rows are consistent by construction, so skip FK triggers and fsyncs.
      await c.query(`SET synchronous_commit = off`);
      await c.query(`SET session_replication_role = replica`);
    }
    const parked = await parkIndexes(a, TABLES);
    log(`dropped ${parked.length} secondary indexes for the load`);

    const corpus = new Corpus(seed, speakerCount);
    await loadSpeakers(a, corpus.speakers);
    log(`${corpus.speakers.length} speakers, vocabulary of ${corpus.vocabulary.length} words`);

    const articles = await loadArticles(a, b, corpus, quotes);
    await loadAffiliations(a, corpus.speakers);
    const loaded = Date.now();
    log(`rows loaded in ${((loaded - t0) / 1000).toFixed(1)} s; building indexes`);

    for (const c of [a, b]) await c.query(`SET session_replication_role = DEFAULT`);
    await restoreIndexes([a, b], (name, ms) => log(`  index ${name}: ${(ms / 1000).toFixed(1)} s`));
    const indexed = Date.now();
    log(`indexes built in ${((indexed - loaded) / 1000).toFixed(1)} s; VACUUM ANALYZE`);
    await Promise.all([
      a.query('VACUUM (ANALYZE) quote'),
      (async () => {
        for (const t of TABLES.filter((t) => t !== 'quote')) await b.query(`VACUUM (ANALYZE) ${t}`);
      })(),
    ]);
    const size = await a.query<{ size: string }>(
      'SELECT pg_size_pretty(pg_database_size(current_database())) AS size',
    );
    log(
      `done: ${quotes} quotes, ${articles} articles, ${corpus.speakers.length} speakers in ${((Date.now() - t0) / 1000).toFixed(1)} s ` +
        `(load ${((loaded - t0) / 1000).toFixed(1)} s, indexes ${((indexed - loaded) / 1000).toFixed(1)} s, vacuum ${((Date.now() - indexed) / 1000).toFixed(1)} s); database ${size.rows[0].size}`,
    );
  } finally {
    await Promise.all([a.end(), b.end()]);
  }
}

async function loadSpeakers(c: Client, speakers: Speaker[]): Promise<void> {
  let sp = '';
  let al = '';
  for (const s of speakers) {
    sp += copyLine([s.id, s.name, s.nameKey, s.nativeName]);
    for (const x of s.aliases) al += copyLine([s.id, x.aliasKey, x.alias, x.kind]);
  }
  await copyIn(c, 'COPY speaker (id, name, name_key, native_name) FROM STDIN', sp);
  await copyIn(c, 'COPY speaker_alias (speaker_id, alias_key, alias, kind) FROM STDIN', al);
}

// Affiliations are known once every article is: their dates and articles come from the quotes.
async function loadAffiliations(c: Client, speakers: Speaker[]): Promise<void> {
  let out = '';
  for (const s of speakers) {
    const byKey = new Map<
      string,
      { role: string; org: string; first: number; last: number; ids: string[] }
    >();
    for (const a of s.affiliations) {
      if (!a.articleIds.length) continue;
      const key = `${nameKey(a.role)}|${nameKey(a.organization)}`;
      const cur = byKey.get(key);
      if (cur) {
        cur.first = Math.min(cur.first, a.firstSeen);
        cur.last = Math.max(cur.last, a.lastSeen);
        cur.ids.push(...a.articleIds);
      } else
        byKey.set(key, {
          role: a.role,
          org: a.organization,
          first: a.firstSeen,
          last: a.lastSeen,
          ids: [...a.articleIds],
        });
    }
    for (const [key, a] of byKey)
      out += copyLine([s.id, a.role, a.org, key, new Date(a.first), new Date(a.last), a.ids]);
  }
  await copyIn(
    c,
    'COPY speaker_affiliation (speaker_id, role, organization, affiliation_key, first_seen, last_seen, article_ids) FROM STDIN',
    out,
  );
}

// Generates a batch while the previous one is being copied: node makes rows, Postgres indexes them.
async function loadArticles(a: Client, b: Client, corpus: Corpus, total: number): Promise<number> {
  const bar = new SingleBar(
    {
      format: 'quotes {bar} {percentage}% {value}/{total} | {rate}/s | eta {eta_formatted}',
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 10_000,
    },
    undefined,
  );
  bar.start(total, 0, { rate: 0 });
  const started = Date.now();
  const expected = Math.ceil(total / 10);
  let made = 0;
  let index = 0;
  let pending: Promise<unknown> = Promise.resolve();
  while (made < total) {
    const batch: ArticleRecord[] = [];
    while (batch.length < BATCH_ARTICLES && made < total) {
      const n = Math.min(total - made, corpus.rng.between(3, 17));
      batch.push(
        corpus.article(index, corpus.publishedAt(Math.min(index, expected - 1), expected), n),
      );
      index++;
      made += n;
    }
    const rows = toCopy(batch);
    await pending;
    const done = made;
    pending = Promise.all([
      copyIn(
        a,
        'COPY quote (id, speaker_id, text, text_key, first_seen, last_seen) FROM STDIN',
        rows.quote,
      ),
      (async () => {
        await copyIn(
          b,
          'COPY document (id, sha256, body, source, filename, title, url, publisher, published_at) FROM STDIN',
          rows.document,
        );
        await copyIn(
          b,
          'COPY article (id, sha256, kind, kicker, truncated, body, title, url, publisher, published_at) FROM STDIN',
          rows.article,
        );
        await copyIn(
          b,
          'COPY article_source (document_id, position, article_id, start_offset, end_offset) FROM STDIN',
          rows.source,
        );
        await copyIn(
          b,
          'COPY article_extraction (article_id, engine_version, extracted_at) FROM STDIN',
          rows.extraction,
        );
        await copyIn(
          b,
          `COPY quote_occurrence (id, quote_id, article_id, start_offset, end_offset, wording, mention, cue, rule, confidence,
             partial, unterminated, role, organization, speaker_description, seen_at, engine_version) FROM STDIN`,
          rows.occurrence,
        );
      })(),
    ]).then(() => bar.update(done, { rate: Math.round(done / ((Date.now() - started) / 1000)) }));
  }
  await pending;
  bar.stop();
  return index;
}

function toCopy(
  batch: ArticleRecord[],
): Record<'document' | 'article' | 'source' | 'extraction' | 'quote' | 'occurrence', string> {
  const out = { document: '', article: '', source: '', extraction: '', quote: '', occurrence: '' };
  const now = new Date();
  for (const art of batch) {
    const publisher = PUBLISHERS[art.sha256.charCodeAt(0) % PUBLISHERS.length];
    const url = `https://news.example/${art.publishedAt.toISOString().slice(0, 10)}/${art.sha256.slice(0, 12)}`;
    out.document += copyLine([
      art.documentId,
      art.sha256,
      art.body,
      'cli',
      art.filename,
      art.title,
      url,
      publisher,
      art.publishedAt,
    ]);
    out.article += copyLine([
      art.id,
      art.sha256,
      'article',
      null,
      false,
      art.body,
      art.title,
      url,
      publisher,
      art.publishedAt,
    ]);
    out.source += copyLine([art.documentId, 0, art.id, 0, art.body.length]);
    out.extraction += copyLine([art.id, ENGINE_VERSION, now]);
    for (const q of art.quotes) {
      out.quote += copyLine([
        q.id,
        q.speaker.id,
        q.text,
        q.textKey,
        art.publishedAt,
        art.publishedAt,
      ]);
      out.occurrence += copyLine([
        randomUUID(),
        q.id,
        art.id,
        q.start,
        q.end,
        q.text,
        q.mention,
        'said',
        q.rule,
        q.confidence,
        false,
        false,
        q.affiliation.role,
        q.affiliation.organization,
        null,
        art.publishedAt,
        ENGINE_VERSION,
      ]);
    }
  }
  return out;
}

main().catch((err: unknown) => {
  // The message is enough for a refusal or a failed connection; BENCH_DEBUG=1 for the stack.
  log(err instanceof Error ? (process.env.BENCH_DEBUG && err.stack) || err.message : String(err));
  process.exit(1);
});
