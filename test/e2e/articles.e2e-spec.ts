import request from 'supertest';
import { createTestApp, TestApp } from '../harness/test-app';
import { seedFiles } from '../harness/seeds';
import { countRows } from '../harness/sql';

describe('articles: ingest and segmentation', () => {
  let t: TestApp;
  const [first, second] = seedFiles();

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('segments the first seed file into its article and four teasers', async () => {
    const res = await request(t.http)
      .post('/api/v1/articles')
      .set(t.as('reviewer'))
      .set('Content-Type', 'text/plain')
      .send(first.body)
      .expect(201);
    expect(res.body.document.created).toBe(true);
    expect(
      res.body.articles.map((a: { kind: string; kicker: string | null; truncated: boolean }) => [
        a.kind,
        a.kicker,
        a.truncated,
      ]),
    ).toEqual([
      ['article', null, false],
      ['teaser', 'DIALOGUE', true],
      ['teaser', '‘GREAT OPPRTUNITY’', true],
      ['teaser', '‘FIGHT TO THE END’', true],
      ['teaser', 'CYBERSCAM', true],
    ]);
    expect(
      res.body.articles[0].body.startsWith('The administration of US President Barack Obama faces'),
    ).toBe(true);
    for (const a of res.body.articles) {
      const [src] = a.sources;
      expect(first.body.slice(src.start, src.end)).toBe(a.body);
    }
  });

  it('stores a teaser seen in two documents once, listing both documents', async () => {
    const res = await request(t.http)
      .post('/api/v1/articles')
      .set(t.as('reviewer'))
      .set('Content-Type', 'text/plain')
      .send(second.body)
      .expect(201);
    const kinds = res.body.articles.map((a: { kicker: string | null }) => a.kicker);
    expect(kinds).toEqual([
      null,
      '‘GREAT OPPRTUNITY’',
      'DIALOGUE',
      '‘FIGHT TO THE END’',
      '‘DISCRIMINATION’',
    ]);
    const shared = res.body.articles.find((a: { kicker: string }) => a.kicker === 'DIALOGUE');
    expect(shared.sources).toHaveLength(2);
    expect(new Set(shared.sources.map((s: { documentId: string }) => s.documentId)).size).toBe(2);
    expect(await countRows(t.db.url)).toEqual({ documents: 2, articles: 7, sources: 10 });
  });

  it('is idempotent by content: the same text again creates nothing and returns the same ids', async () => {
    const before = await countRows(t.db.url);
    const again = await request(t.http)
      .post('/api/v1/articles')
      .set(t.as('reviewer'))
      .set('Content-Type', 'text/plain')
      .send(first.body)
      .expect(200);
    expect(again.body.document.created).toBe(false);
    const list = await request(t.http).get('/api/v1/articles?limit=100').expect(200);
    const ids = new Set(list.body.items.map((a: { id: string }) => a.id));
    for (const a of again.body.articles) expect(ids.has(a.id)).toBe(true);
    expect(await countRows(t.db.url)).toEqual(before);
  });

  it('lists 7 articles: 2 main articles and 5 distinct teasers, paged by cursor', async () => {
    const page1 = await request(t.http).get('/api/v1/articles?limit=4').expect(200);
    expect(page1.body.items).toHaveLength(4);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await request(t.http)
      .get(`/api/v1/articles?limit=4&cursor=${page1.body.nextCursor}`)
      .expect(200);
    expect(page2.body.items).toHaveLength(3);
    expect(page2.body.nextCursor).toBeNull();
    const all = [...page1.body.items, ...page2.body.items];
    expect(all.filter((a) => a.kind === 'article')).toHaveLength(2);
    expect(
      all
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
  });

  it('takes JSON with metadata and returns the article by id', async () => {
    const body = {
      body: 'The mayor opened the bridge. “It is a great day,” she said.',
      title: 'Bridge opens',
      url: 'https://example.com/bridge',
      publisher: 'Example Post',
      publishedAt: '2024-05-01',
    };
    const res = await request(t.http)
      .post('/api/v1/articles')
      .set(t.as('reviewer'))
      .send(body)
      .expect(201);
    const [article] = res.body.articles;
    expect(article).toMatchObject({
      kind: 'article',
      title: 'Bridge opens',
      url: 'https://example.com/bridge',
      publisher: 'Example Post',
      publishedAt: '2024-05-01T00:00:00.000Z',
    });
    const got = await request(t.http).get(`/api/v1/articles/${article.id}`).expect(200);
    expect(got.body.body).toBe(body.body);
    expect(got.headers['cache-control']).toBe('no-cache');
    expect(got.headers.etag).toBeDefined();
  });

  it('serves /health with the database up, and the OpenAPI docs', async () => {
    const health = await request(t.http).get('/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', database: 'up' });
    const docs = await request(t.http).get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/articles', '/api/v1/articles/{id}', '/health']),
    );
  });
});
