import request from 'supertest';
import { SeedLoader } from '@app/articles';
import { ReextractService, ReextractSummary } from '@app/quotes';
import { createTestApp, TestApp } from '../harness/test-app';
import { SEEDS_DIR } from '../harness/seeds';
import { sql } from '../harness/sql';

describe('re-extraction after an engine upgrade', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(SeedLoader).load(SEEDS_DIR);
  });
  afterAll(() => t.close());

  it('recomputes quotes but never overwrites a reviewer correction', async () => {
    const [hit] = (await request(t.http).get('/api/v1/quotes').query({ q: 'unprecedented' })).body
      .items;
    const hom = (await request(t.http).get('/api/v1/speakers').query({ q: 'Sharon Hom' })).body[0];
    await request(t.http)
      .patch(`/api/v1/quotes/${hit.id}`)
      .set(t.as('reviewer'))
      .send({ speakerId: hom.id })
      .expect(200);
    // Pretend every article was extracted by an older engine.
    await sql(t.db.url, `UPDATE article_extraction SET engine_version = 'old'`);
    await sql(t.db.url, `UPDATE quote_occurrence SET rule = 'old-rule'`);

    const service = t.app.get(ReextractService);
    const ids = await service.staleArticles(false);
    expect(ids).toHaveLength(7);
    const summary: ReextractSummary = {
      engineVersion: '',
      articles: 0,
      occurrencesReplaced: 0,
      occurrencesKept: 0,
      quotesRemoved: 0,
    };
    for (const id of ids) await service.reextractArticle(id, summary);

    expect(summary).toMatchObject({
      articles: 7,
      occurrencesReplaced: 20,
      occurrencesKept: 1,
      quotesRemoved: 0,
    });
    const [{ quotes, stale, old }] = await sql<{ quotes: string; stale: string; old: string }>(
      t.db.url,
      `SELECT (SELECT count(*) FROM quote) AS quotes,
              (SELECT count(*) FROM article_extraction WHERE engine_version = 'old') AS stale,
              (SELECT count(*) FROM quote_occurrence WHERE rule = 'old-rule') AS old`,
    );
    expect(Number(quotes)).toBe(21);
    expect(Number(stale)).toBe(0);
    expect(Number(old)).toBe(1); // the corrected one, untouched
    const after = await request(t.http).get(`/api/v1/quotes/${hit.id}`).expect(200);
    expect(after.body.speaker.name).toBe('Sharon Hom');
    expect(await service.staleArticles(false)).toHaveLength(0);
  });
});
