import { existsSync, mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { API_MAIN as MAIN, childEnv, freePort, spawnApi, SpawnedApi } from '../harness/spawn-api';

// The README's start path, as a newcomer runs it: the built app (`npm start` runs
// dist/apps/api/src/main.js) on an embedded PostgreSQL in a fresh data folder, no DATABASE_URL.
const ADMIN_KEY = 'start-command-admin-key-0123456789';

interface Running extends SpawnedApi {
  pgPort: number;
  get<T>(path: string): Promise<T>;
}

async function start(dataDir: string): Promise<Running> {
  const [port, pgPort] = [await freePort(), await freePort()];
  const env = childEnv(
    {
      EMBEDDED_PG_PORT: String(pgPort),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      BOOTSTRAP_ADMIN_KEY: ADMIN_KEY,
      RATE_LIMIT_WRITES: '0',
      RATE_LIMIT_READS: '0',
    },
    ['DATABASE_URL'],
  );
  const app = await spawnApi(port, env);
  return {
    ...app,
    pgPort,
    get: async <T>(path: string) => (await (await fetch(`${app.base}${path}`)).json()) as T,
  };
}

interface Hit {
  id: string;
  text: string;
  version: number;
  speaker: { name: string } | null;
}

describe('start command on the embedded default', () => {
  const dirs: string[] = [];
  const newDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'quote-ledger-start-'));
    chmodSync(dir, 0o755);
    dirs.push(dir);
    return dir;
  };
  // The two seed tests share a data folder and pass in either order (each leaves the seeds as
  // they were); the load test adds 100 quotes, so it has a folder of its own.
  const dataDir = newDataDir();
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('stores the 7 seed articles with their 21 quotes, the same after a restart', async () => {
    expect(existsSync(MAIN)).toBe(true); // `npm test` builds first; plain `jest` needs `npm run build`
    const app = await start(dataDir);
    try {
      const articles = await app.get<{ items: { kind: string; kicker: string | null }[] }>(
        '/api/v1/articles?limit=100',
      );
      expect(articles.items.filter((a) => a.kind === 'article')).toHaveLength(2);
      expect(
        articles.items
          .filter((a) => a.kind === 'teaser')
          .map((a) => a.kicker)
          .sort(),
      ).toEqual(
        [
          'CYBERSCAM',
          'DIALOGUE',
          '‘DISCRIMINATION’',
          '‘FIGHT TO THE END’',
          '‘GREAT OPPRTUNITY’',
        ].sort(),
      );
      const quotes = await app.get<{ items: Hit[] }>('/api/v1/quotes?limit=100');
      expect(quotes.items).toHaveLength(21);
      const wang = await app.get<{ name: string }[]>(
        `/api/v1/speakers?q=${encodeURIComponent('王寶東')}`,
      );
      expect(wang[0]?.name).toBe('Wang Baodong');
      const mind = await app.get<{ items: Hit[] }>(
        `/api/v1/quotes?q=${encodeURIComponent('expressions of mind')}`,
      );
      expect(mind.items.map((q) => q.speaker?.name)).toEqual(['Wang Baodong']);
      expect(mind.items[0].text).toContain('No one has been punished');
      expect(await app.stop()).toBe(0);

      const again = await start(dataDir);
      const after = await again.get<{ items: Hit[] }>('/api/v1/quotes?limit=100');
      expect(await again.stop()).toBe(0);
      expect(after.items.map((q) => q.id).sort()).toEqual(quotes.items.map((q) => q.id).sort());
    } finally {
      if (app.child.exitCode === null) await app.stop();
    }
  }, 180_000);

  it('extracts, at the next start, articles that were stored without their quotes', async () => {
    const app = await start(dataDir);
    // What the old start order left behind: articles, but no quotes and no extraction record.
    const db = new Client({
      connectionString: `postgres://postgres:postgres@127.0.0.1:${app.pgPort}/quote_ledger`,
    });
    await db.connect();
    try {
      await db.query('DELETE FROM quote_occurrence');
      await db.query('DELETE FROM quote');
      await db.query('DELETE FROM article_extraction');
    } finally {
      await db.end();
    }
    expect((await app.get<{ items: Hit[] }>('/api/v1/quotes?limit=100')).items).toHaveLength(0);
    expect(await app.stop()).toBe(0);

    // They go to the extraction queue, which the API works itself (WORKER_IN_PROCESS).
    const repaired = await start(dataDir);
    let quotes: Hit[] = [];
    for (let i = 0; i < 200 && quotes.length < 21; i++) {
      await new Promise((r) => setTimeout(r, 100));
      quotes = (await repaired.get<{ items: Hit[] }>('/api/v1/quotes?limit=100')).items;
    }
    expect(await repaired.stop()).toBe(0);
    expect(quotes).toHaveLength(21);
  }, 180_000);

  it('answers 100 parallel corrections of one quote and of 100 quotes; /health throughout', async () => {
    const app = await start(newDataDir());
    const auth = { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' };
    try {
      const body = Array.from(
        { length: 100 },
        (_, i) => `“Budget line ${i} will be cut by ${i + 7} percent,” said Mayor Ann Example.`,
      ).join('\n\n');
      const posted = await fetch(`${app.base}/api/v1/articles`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ body, title: 'Budget lines' }),
      });
      expect(posted.status).toBe(201);
      const found = await app.get<{ items: Hit[] }>(
        `/api/v1/quotes?q=${encodeURIComponent('"budget line"')}&limit=100`,
      );
      expect(found.items).toHaveLength(100);

      // /health is polled all along; a hang shows as a missing or failed answer.
      let polling = true;
      const health: { status: number; ms: number }[] = [];
      const poller = (async () => {
        while (polling) {
          const t0 = Date.now();
          const status = await fetch(`${app.base}/health`, {
            signal: AbortSignal.timeout(10_000),
          }).then(
            (r) => r.status,
            () => 0,
          );
          health.push({ status, ms: Date.now() - t0 });
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      const patch = (id: string, headers: Record<string, string> = {}) =>
        fetch(`${app.base}/api/v1/quotes/${id}`, {
          method: 'PATCH',
          headers: { ...auth, ...headers },
          body: JSON.stringify({ attributionStatus: 'confirmed' }),
          signal: AbortSignal.timeout(30_000),
        }).then((r) => r.status);

      const one = found.items[0];
      const sameQuote = await Promise.all(
        Array.from({ length: 100 }, () => patch(one.id, { 'If-Match': `"${one.version}"` })),
      );
      const manyQuotes = await Promise.all(found.items.map((q) => patch(q.id)));
      polling = false;
      await poller;

      // One stale-free writer wins; the rest hold a stale version.
      expect(sameQuote.filter((s) => s === 200)).toHaveLength(1);
      expect(sameQuote.filter((s) => s !== 200).every((s) => s === 412)).toBe(true);
      expect(manyQuotes.every((s) => s === 200)).toBe(true);
      expect(health.length).toBeGreaterThan(0);
      expect(health.every((h) => h.status === 200)).toBe(true);
    } finally {
      await app.stop();
    }
  }, 180_000);

  // Issue 13, must-show 4, over the built app: a seed article (undated) dated through PATCH.
  it('dates a seed article through PATCH: /quotes from/to and the CSV sheet follow', async () => {
    const app = await start(dataDir);
    try {
      const undated = await app.get<{ items: { id: string; kind: string; version: number }[] }>(
        '/api/v1/articles?limit=100&undated=only&q=Obama',
      );
      const main = undated.items.find((a) => a.kind === 'article')!;
      const res = await fetch(`${app.base}/api/v1/articles/${main.id}`, {
        method: 'PATCH',
        headers: {
          Authorization: `Bearer ${ADMIN_KEY}`,
          'Content-Type': 'application/json',
          'If-Match': `"${main.version}"`,
        },
        body: JSON.stringify({ publishedAt: '2010-05-14', publisher: 'Taipei Times' }),
      });
      expect(res.status).toBe(200);
      const ofArticle = await app.get<{ items: Hit[] }>(
        `/api/v1/quotes?article=${main.id}&limit=100`,
      );
      const inRange = await app.get<{ items: Hit[] }>(
        '/api/v1/quotes?from=2010-05-01&to=2010-05-31&limit=100',
      );
      expect(ofArticle.items.length).toBeGreaterThan(0);
      expect(inRange.items.map((q) => q.id).sort()).toEqual(
        ofArticle.items.map((q) => q.id).sort(),
      );
      const csv = await (
        await fetch(
          `${app.base}/api/v1/exports/quote-sheet?format=csv&from=2010-05-14&to=2010-05-14`,
        )
      ).text();
      const lines = csv.trim().split('\r\n');
      expect(lines[0]).toContain('Date,Dated');
      expect(lines).toHaveLength(ofArticle.items.length + 1);
      for (const line of lines.slice(1)) expect(line).toContain(',2010-05-14,yes,');
    } finally {
      await app.stop();
    }
  }, 180_000);
});
