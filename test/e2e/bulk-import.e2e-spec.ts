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

  it('import of NDJSON killed mid-way resumes without duplicating anything', async () => {
    const N = 160;
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
