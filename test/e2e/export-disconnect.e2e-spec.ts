import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createTestApp, TestApp } from '../harness/test-app';
import { sql } from '../harness/sql';

// The CSV sheet is one COPY streamed to the reader. A reader that leaves mid-download must not
// leave the COPY running or its connection lost to the pool: with a pool of one connection, the
// next request still gets one.
describe('a CSV download abandoned halfway', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ DB_POOL_SIZE: '1', DB_ACQUIRE_TIMEOUT_MS: '2000' });
    const body = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel']
      .map((w) => `“${w} said something quotable today,” said Ann Lee.`)
      .join('\n\n');
    await request(t.http).post('/api/v1/articles').set(t.as('reviewer')).send({ body }).expect(201);
    // 32 MB of sheet, far more than the socket buffers hold: the COPY is still running when the
    // reader leaves. Quotes this long cannot be sent through the API: written directly.
    await sql(t.db.ownerUrl, `UPDATE quote SET text = text || repeat(' and more', 450000)`);
  }, 60_000);
  afterAll(() => t.close());

  const copies = () =>
    sql<{ n: number }>(
      t.db.ownerUrl,
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND query LIKE 'COPY%' AND state <> 'idle'`,
    ).then(([r]) => r.n);

  it('ends the COPY and gives its connection back', async () => {
    const { port } = (t.http.listening ? t.http : t.http.listen(0)).address() as AddressInfo;
    await new Promise<void>((resolve, reject) => {
      const req = get(`http://127.0.0.1:${port}/api/v1/exports/quote-sheet?format=csv`, (res) => {
        expect(res.statusCode).toBe(200);
        res.once('data', async () => {
          // Mid-stream: the COPY is live on the server.
          try {
            expect(await copies()).toBe(1);
            req.destroy();
            resolve();
          } catch (e) {
            reject(e as Error);
          }
        });
      });
      req.on('error', () => undefined);
    });
    for (let i = 0; (await copies()) > 0; i++) {
      if (i > 50) throw new Error('the COPY outlived its reader');
      await new Promise((r) => setTimeout(r, 100));
    }
    // The only connection is free again: a read and a whole sheet succeed.
    await request(t.http).get('/api/v1/quotes').expect(200);
    const sheet = await request(t.http).get('/api/v1/exports/quote-sheet').expect(200);
    expect(sheet.text.split('\r\n').filter(Boolean)).toHaveLength(9);
  }, 60_000);
});
