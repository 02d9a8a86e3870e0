import request from 'supertest';
import { createTestApp, TestApp } from '../harness/test-app';
import { SeedLoader } from '@app/articles';
import { SEEDS_DIR, seedFiles } from '../harness/seeds';
import { sql } from '../harness/sql';

describe('quote store, speaker registry and lookup', () => {
  let t: TestApp;
  const files = seedFiles();

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(SeedLoader).load(SEEDS_DIR);
  });
  afterAll(() => t.close());

  it('stores every quote once: one row per (speaker, wording), each with its occurrences', async () => {
    const [row] = await sql<{ quotes: number; distinct: number; bare: number }>(
      t.db.url,
      `SELECT (SELECT count(*)::int FROM quote) AS quotes,
              (SELECT count(*)::int FROM (SELECT DISTINCT speaker_id, text_key FROM quote) d) AS distinct,
              (SELECT count(*)::int FROM quote q
                WHERE NOT EXISTS (SELECT 1 FROM quote_occurrence o WHERE o.quote_id = q.id)) AS bare`,
    );
    expect(row.quotes).toBeGreaterThan(0);
    expect(row.distinct).toBe(row.quotes);
    expect(row.bare).toBe(0);
  });

  it('lists each article with its quotes at their offsets', async () => {
    const list = await request(t.http).get('/api/v1/articles').query({ limit: 100 }).expect(200);
    const main = list.body.items.find((a: { lead: string }) =>
      a.lead.startsWith('The US and China reported no major breakthroughs'),
    );
    const res = await request(t.http).get(`/api/v1/articles/${main.id}`).expect(200);
    expect(res.body.quotes).toHaveLength(5);
    for (const q of res.body.quotes) expect(res.body.body.slice(q.start, q.end)).toBe(q.text);
    expect(res.body.quotes.map((q: { speaker: { name: string } }) => q.speaker.name)).toEqual([
      'Michael Posner',
      'Michael Posner',
      'Wang Baodong',
      'Wang Baodong',
      'Todd Stein',
    ]);
    expect(res.body.quotes[2]).toMatchObject({
      partial: true,
      cue: expect.any(String),
      rule: expect.any(String),
    });
  });

  it('finds Wang Baodong’s quote by full text, with its article', async () => {
    const res = await request(t.http)
      .get('/api/v1/quotes')
      .query({ q: 'expressions of mind' })
      .expect(200);
    expect(res.body.items).toHaveLength(1);
    const [hit] = res.body.items;
    expect(hit.text).toBe('No one has been punished just because of his expressions of mind,');
    expect(hit.speaker).toMatchObject({
      name: 'Wang Baodong',
      nativeName: '王寶東',
      role: 'spokesman',
      organization: 'Chinese embassy in Washington',
    });
    expect(hit.article.lead.startsWith('The administration of US President Barack Obama')).toBe(
      true,
    );
    expect(hit.article.sources[0].filename).toBe(files[0].name);
    expect(hit.verdict).toBe('unreviewed');
  });

  it('supports web-search syntax: phrases, OR and exclusion', async () => {
    const phrase = await request(t.http)
      .get('/api/v1/quotes')
      .query({ q: '"great opportunity"' })
      .expect(200);
    expect(phrase.body.items.map((h: { speaker: { name: string } }) => h.speaker.name)).toEqual([
      'Santiago Pena',
    ]);
    const or = await request(t.http)
      .get('/api/v1/quotes')
      .query({ q: 'candid OR mistake' })
      .expect(200);
    expect(or.body.items.map((h: { speaker: { name: string } }) => h.speaker.name).sort()).toEqual([
      'Todd Stein',
      'Wang Baodong',
    ]);
    const minus = await request(t.http)
      .get('/api/v1/quotes')
      .query({ q: 'talks -couple' })
      .expect(200);
    expect(minus.body.items.every((h: { text: string }) => !h.text.includes('couple'))).toBe(true);
  });

  it('pages a phrase search in the same order whether a page is found among the newest quotes or among all matches', async () => {
    const search = (limit: number, cursor?: string) =>
      request(t.http)
        .get('/api/v1/quotes')
        .query({ q: '"human rights"', limit, ...(cursor ? { cursor } : {}) })
        .expect(200);
    const all = (await search(100)).body.items.map((h: { id: string }) => h.id);
    expect(all.length).toBeGreaterThanOrEqual(2);
    const paged: string[] = [];
    for (let page = (await search(1)).body; ; page = (await search(1, page.nextCursor)).body) {
      paged.push(...page.items.map((h: { id: string }) => h.id));
      if (!page.nextCursor) break;
    }
    expect(paged).toEqual(all);
  });

  it('answers "who said this?" from approximate words, best first', async () => {
    const res = await request(t.http)
      .get('/api/v1/quotes/lookup')
      .query({ text: 'nobody was punished for expressing his mind' })
      .expect(200);
    expect(res.body[0].speaker.name).toBe('Wang Baodong');
    expect(res.body[0].text).toMatch(/^No one has been punished/);
    expect(res.body[0].similarity).toBeGreaterThan(0);
    expect(res.body[0].similarity).toBeGreaterThan(res.body[1]?.similarity ?? 0);
    const typo = await request(t.http)
      .get('/api/v1/quotes/lookup')
      .query({ text: 'grate oportunity to advance very fast bilateral agenda' })
      .expect(200);
    expect(typo.body[0].speaker.name).toBe('Santiago Pena');
  });

  it('finds one Michael Posner whose quotes come from both seed articles', async () => {
    const res = await request(t.http).get('/api/v1/speakers').query({ q: 'posner' }).expect(200);
    const posners = res.body.filter((s: { name: string }) => s.name.includes('Posner'));
    expect(posners).toHaveLength(1);
    const profile = await request(t.http).get(`/api/v1/speakers/${posners[0].id}`).expect(200);
    expect(profile.body.name).toBe('Michael Posner');
    expect(profile.body.quotes).toMatchObject({ quotes: 5, articles: 2 });
    expect(profile.body.affiliations.map((a: { role: string }) => a.role).sort()).toEqual([
      'Assistant Secretary of State',
      'Assistant Secretary of State for Human Rights',
    ]);
    const quotes = await request(t.http)
      .get('/api/v1/quotes')
      .query({ speaker: posners[0].id, limit: 50 })
      .expect(200);
    const files = new Set(
      quotes.body.items.flatMap((h: { article: { sources: { filename: string }[] } }) =>
        h.article.sources.map((s) => s.filename),
      ),
    );
    expect(files).toEqual(new Set(seedFiles().map((f) => f.name)));
  });

  it('finds Wang Baodong by his native-script name, and by name with a typo', async () => {
    const native = await request(t.http).get('/api/v1/speakers').query({ q: '王寶東' }).expect(200);
    expect(native.body[0]).toMatchObject({ name: 'Wang Baodong', nativeName: '王寶東' });
    const typo = await request(t.http)
      .get('/api/v1/speakers')
      .query({ q: 'wang baodung' })
      .expect(200);
    expect(typo.body[0].name).toBe('Wang Baodong');
  });

  it('finds Wang Baodong by the two characters of his given name, inside his native-script name', async () => {
    // Two characters hold no trigram: the search looks inside native-script names for them.
    const res = await request(t.http).get('/api/v1/speakers').query({ q: '寶東' }).expect(200);
    expect(res.body[0]).toMatchObject({ name: 'Wang Baodong', matched: '王寶東' });
  });

  it('keeps the Paraguay quote as one quote whose sources include both seed files', async () => {
    const res = await request(t.http)
      .get('/api/v1/quotes')
      .query({ q: 'great opportunity bilateral' })
      .expect(200);
    expect(res.body.items).toHaveLength(1);
    const detail = await request(t.http).get(`/api/v1/quotes/${res.body.items[0].id}`).expect(200);
    expect(detail.body.text.startsWith('It’s a great opportunity for us')).toBe(true);
    expect(detail.body.appearances).toHaveLength(1);
    const sources = detail.body.appearances[0].article.sources
      .map((s: { filename: string }) => s.filename)
      .sort();
    expect(sources).toEqual(
      seedFiles()
        .map((f) => f.name)
        .sort(),
    );
    expect(detail.body.appearances[0].context).toContain('Pena said in an interview');
    expect(detail.headers?.etag ?? detail.header.etag).toMatch(
      new RegExp(`^"${detail.body.version}\\.`),
    );
  });

  it('filters by speaker name, article and period', async () => {
    const byName = await request(t.http)
      .get('/api/v1/quotes')
      .query({ speaker: 'Sharon Hom' })
      .expect(200);
    expect(byName.body.items).toHaveLength(2);
    const article = byName.body.items[0].article.id;
    const byArticle = await request(t.http)
      .get('/api/v1/quotes')
      .query({ article, limit: 100 })
      .expect(200);
    expect(byArticle.body.items).toHaveLength(8);
    const none = await request(t.http)
      .get('/api/v1/quotes')
      .query({ to: '2000-01-01' })
      .expect(200);
    expect(none.body.items).toHaveLength(0);
    const paged = await request(t.http).get('/api/v1/quotes').query({ limit: 15 }).expect(200);
    const rest = await request(t.http)
      .get('/api/v1/quotes')
      .query({ limit: 15, cursor: paged.body.nextCursor })
      .expect(200);
    const [{ n }] = await sql<{ n: number }>(t.db.url, 'SELECT count(*)::int AS n FROM quote');
    expect(paged.body.items.length + rest.body.items.length).toBe(n);
    expect(rest.body.nextCursor).toBeNull();
  });
});

// Corrections, a new namesake and a merge, on an app of their own so the reads above always see
// the seeds as extracted; each writes to speakers and quotes the other two do not read.
describe('quote corrections and speaker merges', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(SeedLoader).load(SEEDS_DIR);
  });
  afterAll(() => t.close());

  it('lets a reviewer correct attribution, and rejects a stale version', async () => {
    const [hit] = (
      await request(t.http).get('/api/v1/quotes').query({ q: 'unprecedented' }).expect(200)
    ).body.items;
    expect(hit.speaker).toBeNull();
    expect(hit.speakerDescription).toBe('a South Korean political pundit');
    const stein = (await request(t.http).get('/api/v1/speakers').query({ q: 'Todd Stein' }))
      .body[0];
    await request(t.http)
      .patch(`/api/v1/quotes/${hit.id}`)
      .set(t.as('reviewer'))
      .set('If-Match', '"999"')
      .send({ speakerId: stein.id })
      .expect(412);
    const fixed = await request(t.http)
      .patch(`/api/v1/quotes/${hit.id}`)
      .set(t.as('reviewer'))
      .set('If-Match', `"${hit.version}"`)
      .send({ speakerId: stein.id })
      .expect(200);
    expect(fixed.body.speaker.name).toBe('Todd Stein');
    expect(fixed.body.correctedAt).toEqual(expect.any(String));
    await request(t.http)
      .patch(`/api/v1/quotes/${hit.id}`)
      .set(t.as('reviewer'))
      .send({})
      .expect(400);
    await request(t.http)
      .patch(`/api/v1/quotes/${hit.id}`)
      .set(t.as('reviewer'))
      .send({ speakerId: '6f1c3c1e-8d3a-4b8e-9a40-1f7d2b0c9e11' })
      .expect(422);
  });

  it('finds a full name without listing everyone who shares the surname; the surname lists them all', async () => {
    const text =
      'Budget talks resume\n\nCity officials met again on Monday.\n\n' +
      '“We will publish the figures this week,” said Judith Stein, the city’s budget director.\n';
    await request(t.http)
      .post('/api/v1/articles')
      .set(t.as('reviewer'))
      .set('Content-Type', 'text/plain')
      .send(text)
      .expect(201);
    const names = async (q: string) =>
      (
        (await request(t.http).get('/api/v1/speakers').query({ q }).expect(200)).body as {
          name: string;
        }[]
      ).map((s) => s.name);
    expect(await names('Todd Stein')).toEqual(['Todd Stein']);
    expect(await names('Judith Stein')).toEqual(['Judith Stein']);
    expect((await names('stein')).sort()).toEqual(['Judith Stein', 'Todd Stein']);
    expect(await names('Jduith Stein')).toEqual(['Judith Stein']);
  });

  // Michael Posner, whom no other test here reads, so the merge leaves their speakers alone.
  it('merges duplicate speakers, moving their quotes', async () => {
    const speaker = async (q: string) => {
      const [hit] = (await request(t.http).get('/api/v1/speakers').query({ q })).body;
      return (await request(t.http).get(`/api/v1/speakers/${hit.id}`).expect(200)).body;
    };
    const hom = await speaker('Sharon Hom');
    const posner = await speaker('Michael Posner');
    await request(t.http)
      .post(`/api/v1/speakers/${hom.id}/merge`)
      .set(t.as('reviewer'))
      .send({ from: [hom.id] })
      .expect(409);
    const merged = await request(t.http)
      .post(`/api/v1/speakers/${hom.id}/merge`)
      .set(t.as('reviewer'))
      .send({ from: [posner.id] })
      .expect(200);
    expect(merged.body.quotes.quotes).toBe(hom.quotes.quotes + posner.quotes.quotes);
    // The old id leads to the survivor.
    const gone = await request(t.http).get(`/api/v1/speakers/${posner.id}`).expect(308);
    expect(gone.headers.location).toBe(`/api/v1/speakers/${hom.id}`);
    expect(gone.body.details).toMatchObject({ code: 'SPEAKER_MERGED', mergedInto: hom.id });
  });
});
