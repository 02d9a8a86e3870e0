import request from 'supertest';
import { createTestApp, TestApp } from '../harness/test-app';
import { seedFiles } from '../harness/seeds';
import { countRows } from '../harness/sql';

describe('articles: ingest and segmentation', () => {
  let t: TestApp;
  const [first, second] = seedFiles();
  // The two seed files, posted once for every test here; tests only read these responses or
  // post text of their own, so they pass in any order.
  type Posted = {
    status: number;
    body: {
      document: { id: string; created: boolean };
      articles: {
        id: string;
        kind: string;
        kicker: string | null;
        truncated: boolean;
        body: string;
        sources: { documentId: string; start: number; end: number }[];
      }[];
    };
  };
  let firstPost: Posted;
  let secondPost: Posted;

  const postText = (text: string) =>
    request(t.http)
      .post('/api/v1/articles')
      .set(t.as('reviewer'))
      .set('Content-Type', 'text/plain')
      .send(text);

  beforeAll(async () => {
    t = await createTestApp();
    firstPost = await postText(first.body);
    secondPost = await postText(second.body);
  });
  afterAll(() => t.close());

  it('segments the first seed file into its article and four teasers', async () => {
    expect(firstPost.status).toBe(201);
    const res = firstPost;
    expect(res.body.document.created).toBe(true);
    expect(res.body.articles.map((a) => [a.kind, a.kicker, a.truncated])).toEqual([
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
    expect(secondPost.status).toBe(201);
    const res = secondPost;
    expect(res.body.articles.map((a) => a.kicker)).toEqual([
      null,
      '‘GREAT OPPRTUNITY’',
      'DIALOGUE',
      '‘FIGHT TO THE END’',
      '‘DISCRIMINATION’',
    ]);
    const shared = res.body.articles.find((a) => a.kicker === 'DIALOGUE');
    expect(shared?.sources).toHaveLength(2);
    expect(new Set(shared?.sources.map((s) => s.documentId)).size).toBe(2);
    // 10 places in 2 documents, 7 distinct articles.
    const both = [...firstPost.body.articles, ...res.body.articles];
    expect(both).toHaveLength(10);
    expect(new Set(both.map((a) => a.id)).size).toBe(7);
  });

  // The answer to a POST is built partly from what the transaction wrote (the sources of
  // articles it created) and partly from one read (quotes and extraction): it must equal what
  // GET reads back, for a document of new articles and for one sharing a teaser.
  it('answers POST with exactly what GET /articles/:id reads back', async () => {
    for (const posted of [firstPost, secondPost])
      for (const a of posted.body.articles) {
        const got = await request(t.http).get(`/api/v1/articles/${a.id}`).expect(200);
        // The shared teaser gained a source after the first post: compare the first post's
        // answer with the sources it had then.
        const expected =
          posted === firstPost && a.sources.length < got.body.sources.length
            ? { ...got.body, sources: got.body.sources.slice(0, a.sources.length) }
            : got.body;
        expect(a).toEqual(expected);
      }
    expect(
      firstPost.body.articles.flatMap((a) => (a as { quotes?: unknown[] }).quotes ?? []).length,
    ).toBeGreaterThan(0);
  });

  it('is idempotent by content: the same text again creates nothing and returns the same ids', async () => {
    const before = await countRows(t.db.url);
    const again = await postText(first.body).expect(200);
    expect(again.body.document).toMatchObject({ id: firstPost.body.document.id, created: false });
    expect(again.body.articles.map((a: { id: string }) => a.id)).toEqual(
      firstPost.body.articles.map((a) => a.id),
    );
    expect(await countRows(t.db.url)).toEqual(before);
  });

  it('lists the 7 seed articles (2 main articles, 5 distinct teasers) once each, paged by cursor', async () => {
    const all: { id: string; kind: string; kicker: string | null }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: request.Response = await request(t.http)
        .get('/api/v1/articles')
        .query({ limit: 4, ...(cursor ? { cursor } : {}) })
        .expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(4);
      all.push(...page.body.items);
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    expect(cursor).toBeNull();
    expect(all).toHaveLength((await countRows(t.db.url)).articles);
    expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
    const seedIds = new Set(
      [...firstPost.body.articles, ...secondPost.body.articles].map((a) => a.id),
    );
    const seeds = all.filter((a) => seedIds.has(a.id));
    expect(seeds).toHaveLength(7);
    expect(seeds.filter((a) => a.kind === 'article')).toHaveLength(2);
    expect(
      seeds
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
