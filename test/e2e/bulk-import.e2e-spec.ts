import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createTestApp, TestApp } from '../harness/test-app';
import { countRows, sql } from '../harness/sql';

// Bulk ingest: POST /articles/batch (NDJSON in and out) and `import` of NDJSON files, which
// resumes after being killed without storing anything twice.
const CLI = join(__dirname, '..', '..', 'dist', 'apps', 'cli', 'src', 'main.js');

const doc = (i: number, tag: string) => ({
  title: `Bulk ${tag} ${i}`,
  body: `"Shipment ${tag} ${i} arrived on time," said Ada Lovelace, a logistics manager.\n`,
});

describe('bulk ingest', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'ql-bulk-'));

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const batch = (body: string, role: 'reviewer' | 'journalist' = 'reviewer') =>
    request(t.http)
      .post('/api/v1/articles/batch')
      .set(t.as(role))
      .set('Content-Type', 'application/x-ndjson')
      .send(body);

  it('answers one NDJSON line per document; bad lines fail only themselves', async () => {
    const lines = [
      JSON.stringify(doc(1, 'api')),
      '{not json',
      JSON.stringify({ title: 'no body' }),
      JSON.stringify({ ...doc(2, 'api'), extra: 1 }),
      '',
      JSON.stringify(doc(1, 'api')),
      JSON.stringify({ body: '   ' }),
      JSON.stringify(doc(3, 'api')),
    ];
    const res = await batch(lines.join('\n'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const out = res.text
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            line: number;
            status: number;
            document?: { id: string; created: boolean };
            articles?: string[];
            error?: { details: { code: string } };
          },
      );
    expect(out.map((o) => [o.line, o.status])).toEqual([
      [1, 201],
      [2, 400],
      [3, 400],
      [4, 400],
      [6, 200],
      [7, 400],
      [8, 201],
    ]);
    expect(out[1].error?.details.code).toBe('MALFORMED_JSON');
    expect(out[4].document?.id).toBe(out[0].document?.id);
    // What the batch stored is what the API serves, quotes included, with the audit row.
    const article = await request(t.http).get(`/api/v1/articles/${out[0].articles?.[0]}`);
    expect(article.status).toBe(200);
    expect(article.body.quotes.map((q: { text: string }) => q.text)).toEqual([
      'Shipment api 1 arrived on time,',
    ]);
    const audit = await sql(
      t.db.ownerUrl,
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'document.ingest'`,
    );
    expect(audit[0]).toEqual({ n: 2 });
  });

  it('refuses the wrong role, the wrong type and an empty batch', async () => {
    expect((await batch(JSON.stringify(doc(9, 'api')), 'journalist')).status).toBe(403);
    const asJson = await request(t.http)
      .post('/api/v1/articles/batch')
      .set(t.as('reviewer'))
      .send(doc(9, 'api'));
    expect(asJson.status).toBe(415);
    expect((await batch('\n\n')).status).toBe(400);
  });

  // A batch is stored set-based: one row per speaker and per quote however often the batch
  // names them, dates and affiliations merged, and the claims its quotes say matched in one go.
  it('a batch stores shared speakers and quotes once, and joins them to claims', async () => {
    const SAID = 'The analytical engine weaves algebraic patterns just as the loom weaves flowers';
    const first = await request(t.http)
      .post('/api/v1/articles')
      .set(t.as('reviewer'))
      .send({ body: `"${SAID}," said Grace Okafor, a mathematician at the Institute.\n` })
      .expect(201);
    const quoteId = first.body.articles[0].quotes[0].quoteId as string;
    const claimId = (
      await request(t.http)
        .post('/api/v1/claims')
        .set(t.as('reviewer'))
        .send({ quoteId })
        .expect(201)
    ).body.id as string;

    const lines = [
      {
        body: `"${SAID}," said Grace Okafor, a mathematician at the Institute.\n\n"The tables are ready for printing," Okafor added.\n`,
        publishedAt: '2011-03-01',
      },
      {
        body: `"${SAID}," Grace Okafor told the committee.\n\n"${SAID.replace('flowers', 'leaves')}," said Tomas Reyes, a weaver.\n`,
        publishedAt: '2012-07-15',
      },
    ];
    const res = await batch(lines.map((l) => JSON.stringify(l)).join('\n'));
    expect(res.status).toBe(200);
    const out = res.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { status: number });
    expect(out.map((o) => o.status)).toEqual([201, 201]);

    const speakers = (
      await request(t.http).get('/api/v1/speakers').query({ q: 'Grace Okafor' }).expect(200)
    ).body as { name: string }[];
    expect(speakers.filter((s) => s.name === 'Grace Okafor')).toHaveLength(1);
    // The same words by the same speaker: one quote, three places, its dates from the dated ones.
    const quote = (await request(t.http).get(`/api/v1/quotes/${quoteId}`).expect(200)).body;
    expect(quote.appearances).toHaveLength(3);
    expect(quote).toMatchObject({ dated: true, firstSeen: '2011-03-01T00:00:00.000Z' });
    const claim = (await request(t.http).get(`/api/v1/claims/${claimId}`).expect(200)).body;
    const other = claim.occurrences.filter(
      (o: { relation: string }) => o.relation === 'other-speaker',
    );
    expect(other).toHaveLength(1);
    expect(other[0]).toMatchObject({
      needsReview: true,
      quote: { speaker: { name: 'Tomas Reyes' } },
    });
    const flags = await sql<{ n: number }>(
      t.db.ownerUrl,
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'claim.flag' AND target_id = $1`,
      [claimId],
    );
    expect(flags[0].n).toBe(1);
  });

  it('import of NDJSON killed mid-way resumes without duplicating anything', async () => {
    // Enough batches that the import cannot finish between two looks at the database.
    const N = 1000;
    const file = join(dir, 'archive.ndjson');
    writeFileSync(
      file,
      Array.from({ length: N }, (_, i) => JSON.stringify(doc(i, 'cli'))).join('\n') + '\n',
    );
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: t.db.url,
      MIGRATIONS_RUN: 'false',
      SEED_ON_START: 'false',
      LOG_LEVEL: 'warn',
    };
    const before = (await countRows(t.db.ownerUrl)).documents;
    const stored = async () => (await countRows(t.db.ownerUrl)).documents - before;
    const run = (): [ChildProcess, Promise<{ code: number | null; stdout: string }>] => {
      const child = spawn(process.execPath, [CLI, 'import', file], { env });
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      return [child, new Promise((r) => child.once('close', (code) => r({ code, stdout })))];
    };
    // Killed once the first batch has committed, before the last one can have.
    const [first, firstDone] = run();
    while ((await stored()) === 0 && first.exitCode === null)
      await new Promise((r) => setTimeout(r, 50));
    first.kill('SIGKILL');
    await firstDone;
    const afterKill = await stored();
    expect(afterKill).toBeGreaterThan(0);
    expect(afterKill).toBeLessThan(N);
    expect(afterKill % 50).toBe(0);

    const [, secondDone] = run();
    const second = await secondDone;
    expect(second.code).toBe(0);
    const summary = JSON.parse(second.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({
      documents: N,
      skipped: afterKill,
      created: N - afterKill,
      failed: [],
    });
    expect(await stored()).toBe(N);
    const [quotes] = await sql(
      t.db.ownerUrl,
      `SELECT count(*)::int AS n, count(DISTINCT quote_id)::int AS distinct_quotes
         FROM quote_occurrence WHERE wording LIKE 'Shipment cli %'`,
    );
    expect(quotes).toEqual({ n: N, distinct_quotes: N });
  });
});
