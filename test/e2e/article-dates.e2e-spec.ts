import request from 'supertest';
import { parse } from 'csv-parse/sync';
import { createTestApp, TestApp } from '../harness/test-app';

// Issue 13, must-show 4: an article dated through PATCH appears under that date in from/to
// searches and exports; undated articles say so, and a filter includes or excludes them.
const BRIDGE = [
  'The county will close the old river bridge next spring, officials said on Tuesday.',
  '“We cannot keep patching a bridge that was built for horses,” said Dana Whitfield, the county engineer.',
  '“Every winter the cracks come back,” Whitfield said.',
].join('\n');
const FERRY = [
  'Commuters will ride a ferry while the bridge is rebuilt.',
  '“Every winter the cracks come back,” said Dana Whitfield, the county engineer.',
  '“The ferry will run every twenty minutes,” said Omar Castellanos, the transit director.',
].join('\n');
const HARBOUR = 'The harbour festival returns in June with boat races and a night market.';

interface Hit {
  id: string;
  text: string;
  firstSeen: string;
  dated: boolean;
  article: { id: string; publishedAt: string | null; dated: boolean };
}

describe('articles: PATCH metadata, published dates, filters', () => {
  let t: TestApp;
  let bridge: string;
  let ferry: string;
  let harbour: string;

  const post = async (body: Record<string, string>) =>
    (await request(t.http).post('/api/v1/articles').set(t.as('reviewer')).send(body).expect(201))
      .body.articles[0].id as string;
  const quotes = async (query: Record<string, string>): Promise<Hit[]> =>
    (
      await request(t.http)
        .get('/api/v1/quotes')
        .query({ limit: 100, ...query })
        .expect(200)
    ).body.items;
  const sheet = async (query: Record<string, string>): Promise<Record<string, string>[]> =>
    parse(
      (await request(t.http).get('/api/v1/exports/quote-sheet').query(query).expect(200)).text,
      { columns: true },
    );

  beforeAll(async () => {
    t = await createTestApp();
    bridge = await post({ body: BRIDGE });
    ferry = await post({
      body: FERRY,
      title: 'Ferry to replace bridge',
      publisher: 'Valley Courier',
      publishedAt: '2019-06-20',
    });
    harbour = await post({ body: HARBOUR, title: 'Harbour festival', publisher: 'Coast Times' });
  });
  afterAll(() => t.close());

  it('says an article and its quotes are undated, and leaves them out of date ranges by default', async () => {
    const article = await request(t.http).get(`/api/v1/articles/${bridge}`).expect(200);
    expect(article.headers.etag).toMatch(/^"1\./);
    expect(article.body).toMatchObject({ publishedAt: null, dated: false, version: 1 });

    const hits = await quotes({ article: bridge });
    expect(hits.map((h) => h.text)).toEqual(
      expect.arrayContaining([
        'We cannot keep patching a bridge that was built for horses,',
        'Every winter the cracks come back,',
      ]),
    );
    const horses = hits.find((h) => h.text.includes('horses'))!;
    expect(horses).toMatchObject({ dated: false, article: { publishedAt: null, dated: false } });
    // The winter quote is also in the dated ferry article: it is dated by that one.
    const winter = hits.find((h) => h.text.includes('winter'))!;
    expect(winter).toMatchObject({ dated: true, firstSeen: '2019-06-20T00:00:00.000Z' });
    expect(winter.article).toMatchObject({ id: ferry, dated: true });

    const in2019 = { from: '2019-01-01', to: '2019-12-31' };
    expect((await quotes(in2019)).some((h) => h.id === horses.id)).toBe(false);
    expect((await quotes({ ...in2019, undated: 'include' })).some((h) => h.id === horses.id)).toBe(
      true,
    );
    expect((await quotes({ undated: 'only' })).map((h) => h.id)).toEqual([horses.id]);
    expect((await quotes({ undated: 'exclude' })).some((h) => h.id === horses.id)).toBe(false);
    await request(t.http)
      .get('/api/v1/quotes')
      .query({ ...in2019, undated: 'only' })
      .expect(400);
    await request(t.http).get('/api/v1/quotes').query({ undated: 'sometimes' }).expect(400);

    const rows = await sheet({ format: 'csv', undated: 'only' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ Date: '', Dated: 'no' });
    const md = await request(t.http)
      .get('/api/v1/exports/quote-sheet')
      .query({ format: 'md', undated: 'only' })
      .expect(200);
    expect(md.text).toMatch(/horses.*\| undated \|/);
  });

  it('keeps a re-post of the same text as it was, and says to use PATCH', async () => {
    const again = await request(t.http)
      .post('/api/v1/articles')
      .set(t.as('reviewer'))
      .send({ body: BRIDGE, title: 'Bridge to close', publishedAt: '2019-03-05' })
      .expect(200);
    expect(again.body.document.created).toBe(false);
    expect(again.body.note).toContain(`PATCH /api/v1/articles/${bridge}`);
    expect(again.body.articles[0]).toMatchObject({ title: null, publishedAt: null });
  });

  it('refuses journalists, bad dates, empty patches and stale versions', async () => {
    const url = `/api/v1/articles/${bridge}`;
    await request(t.http)
      .patch(url)
      .set(t.as('journalist'))
      .send({ publishedAt: '2019-03-05' })
      .expect(403);
    for (const publishedAt of [
      'last Tuesday',
      '2019-02-30',
      '2019-13-01',
      '2019-03',
      '2019-03-05T10:00', // no offset: whose 10 o'clock?
      '05/03/2019',
      20190305,
    ]) {
      const res = await request(t.http)
        .patch(url)
        .set(t.as('reviewer'))
        .send({ publishedAt })
        .expect(400);
      expect(JSON.stringify(res.body)).toContain('publishedAt');
    }
    await request(t.http).patch(url).set(t.as('reviewer')).send({}).expect(400);
    await request(t.http).patch(url).set(t.as('reviewer')).send({ url: 'not a url' }).expect(400);
    await request(t.http).patch(url).set(t.as('reviewer')).send({ body: 'new text' }).expect(400);
    const stale = await request(t.http)
      .patch(url)
      .set(t.as('reviewer'))
      .set('If-Match', '"7"')
      .send({ publishedAt: '2019-03-05' })
      .expect(412);
    expect(stale.body.details).toMatchObject({ currentVersion: 1 });
    await request(t.http)
      .patch(url)
      .set(t.as('reviewer'))
      .set('If-Match', 'yesterday')
      .send({ publishedAt: '2019-03-05' })
      .expect(400);
    await request(t.http)
      .patch('/api/v1/articles/00000000-0000-4000-8000-000000000000')
      .set(t.as('reviewer'))
      .send({ publishedAt: '2019-03-05' })
      .expect(404);
    // Nothing above changed it.
    expect((await request(t.http).get(url).expect(200)).body).toMatchObject({
      version: 1,
      publishedAt: null,
    });
  });

  it('dates an article through PATCH: it appears under that date in searches and exports', async () => {
    const res = await request(t.http)
      .patch(`/api/v1/articles/${bridge}`)
      .set(t.as('reviewer'))
      .set('If-Match', '"1"')
      .send({
        title: 'County to close old river bridge',
        publisher: 'Valley Courier',
        url: 'https://courier.example/2019/03/bridge',
        publishedAt: '2019-03-05',
      })
      .expect(200);
    expect(res.headers.etag).toMatch(/^"2\./);
    expect(res.body).toMatchObject({
      version: 2,
      dated: true,
      publishedAt: '2019-03-05T00:00:00.000Z',
      title: 'County to close old river bridge',
    });

    const march = await quotes({ from: '2019-03-01', to: '2019-03-31' });
    expect(march.map((h) => h.text).sort()).toEqual([
      'Every winter the cracks come back,',
      'We cannot keep patching a bridge that was built for horses,',
    ]);
    for (const h of march) {
      expect(h).toMatchObject({ dated: true, firstSeen: '2019-03-05T00:00:00.000Z' });
      expect(h.article).toMatchObject({ id: bridge, publishedAt: '2019-03-05T00:00:00.000Z' });
    }
    // The winter quote was first said in March now, not in June.
    expect(
      (await quotes({ from: '2019-06-01', to: '2019-06-30' })).map((h) => h.text).sort(),
    ).toEqual(['The ferry will run every twenty minutes,']);
    expect(await quotes({ undated: 'only' })).toEqual([]);

    const rows = await sheet({ format: 'csv', from: '2019-03-01', to: '2019-03-31' });
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r).toMatchObject({
        Date: '2019-03-05',
        Dated: 'yes',
        Article: 'County to close old river bridge',
        Publisher: 'Valley Courier',
      });
    }
    const json = await request(t.http)
      .get('/api/v1/exports/quote-sheet')
      .query({ format: 'json', to: '2019-03-05' })
      .expect(200);
    expect(json.body.map((r: { date: string }) => r.date)).toEqual(['2019-03-05', '2019-03-05']);

    const audit = await request(t.http)
      .get('/api/v1/audit')
      .query({ action: 'article.update', targetId: bridge })
      .set(t.as('admin'))
      .expect(200);
    const entries = audit.body.items ?? audit.body;
    expect(entries[0]).toMatchObject({
      actorName: expect.any(String),
      before: { version: 1, publishedAt: null, title: null },
      after: { version: 2, publishedAt: '2019-03-05T00:00:00.000Z' },
    });
  });

  it('re-dates with If-Match: *, and clearing the date makes the quotes undated again', async () => {
    const url = `/api/v1/articles/${bridge}`;
    await request(t.http)
      .patch(url)
      .set(t.as('reviewer'))
      .set('If-Match', '*')
      .send({ publishedAt: '2018-11-02T09:30:00+08:00' })
      .expect(200);
    const nov = await quotes({ from: '2018-11-02', to: '2018-11-02' });
    expect(nov).toHaveLength(2);
    expect(nov[0].firstSeen).toBe('2018-11-02T01:30:00.000Z');

    const cleared = await request(t.http)
      .patch(url)
      .set(t.as('reviewer'))
      .send({ publishedAt: null })
      .expect(200);
    expect(cleared.body).toMatchObject({ publishedAt: null, dated: false, version: 4 });
    const hits = await quotes({ article: bridge });
    expect(hits.find((h) => h.text.includes('horses'))).toMatchObject({ dated: false });
    // Still dated by the ferry article.
    expect(hits.find((h) => h.text.includes('winter'))).toMatchObject({
      dated: true,
      firstSeen: '2019-06-20T00:00:00.000Z',
    });
    expect(await quotes({ from: '2018-01-01', to: '2018-12-31' })).toEqual([]);
    // The same value again changes nothing: no new version.
    const same = await request(t.http)
      .patch(url)
      .set(t.as('reviewer'))
      .send({ publishedAt: null })
      .expect(200);
    expect(same.body.version).toBe(4);
  });

  it('filters /articles by publisher, published date and text, newest first with paging', async () => {
    const list = async (query: Record<string, string>) =>
      (await request(t.http).get('/api/v1/articles').query(query).expect(200)).body;
    const ids = (page: { items: { id: string }[] }) => page.items.map((a) => a.id);

    expect(ids(await list({ publisher: 'valley courier' }))).toEqual([ferry, bridge]);
    expect(ids(await list({ publisher: 'Valley' }))).toEqual([]);
    const first = await list({ publisher: 'VALLEY COURIER', limit: '1' });
    expect(ids(first)).toEqual([ferry]);
    const second = await list({
      publisher: 'VALLEY COURIER',
      limit: '1',
      cursor: first.nextCursor,
    });
    expect(ids(second)).toEqual([bridge]);
    expect(second.nextCursor).toBeNull();

    expect(ids(await list({ from: '2019-06-20', to: '2019-06-20' }))).toEqual([ferry]);
    expect(ids(await list({ to: '2019-06-19' }))).toEqual([]);
    expect(ids(await list({ to: '2019-06-19', undated: 'include' }))).toEqual([harbour, bridge]);
    expect(ids(await list({ undated: 'only' }))).toEqual([harbour, bridge]);
    expect(ids(await list({ undated: 'exclude' }))).toEqual([ferry]);

    expect(ids(await list({ q: 'festival' }))).toEqual([harbour]); // title and body
    expect(ids(await list({ q: 'ferry minutes' }))).toEqual([ferry]);
    expect(ids(await list({ q: '"river bridge"' }))).toEqual([bridge]);
    expect(ids(await list({ q: 'bridge', publisher: 'Coast Times' }))).toEqual([]);

    for (const bad of [
      { from: 'June' },
      { to: '2019-02-30' },
      { undated: 'maybe' },
      { from: '2019-01-01', undated: 'only' },
      { q: '' },
    ]) {
      await request(t.http).get('/api/v1/articles').query(bad).expect(400);
    }
  });
});
