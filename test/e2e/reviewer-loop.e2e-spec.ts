import request from 'supertest';
import { parse } from 'csv-parse/sync';
import { SeedLoader } from '@app/articles';
import { emptySummary, ReextractService } from '@app/quotes';
import { createTestApp, TestApp } from '../harness/test-app';
import { SEEDS_DIR } from '../harness/seeds';

// Issue 13's loop: a reviewer fixes what the engine got wrong in one call, and the fix reaches
// everything built on it (claims, ClaimReview, quote sheets, both speakers' profiles, history).
describe('the reviewer loop', () => {
  let t: TestApp;
  const hitFor = async (q: string, extra: Record<string, string> = {}) =>
    (
      await request(t.http)
        .get('/api/v1/quotes')
        .query({ q, ...extra })
        .expect(200)
    ).body.items;
  const speaker = async (name: string) =>
    (await request(t.http).get('/api/v1/speakers').query({ q: name }).expect(200)).body[0];
  const profile = async (id: string) =>
    (await request(t.http).get(`/api/v1/speakers/${id}`).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_BASE_URL: 'https://ledger.example' });
    await t.app.get(SeedLoader).load(SEEDS_DIR);
  });
  afterAll(() => t.close());

  it('corrects a misattributed quote in one call; claim, ClaimReview, sheet and profiles follow', async () => {
    const [quote] = await hitFor('"expressions of mind"');
    const wang = await speaker('Wang Baodong');
    const posner = await speaker('Michael Posner');
    const claim = await request(t.http)
      .post('/api/v1/claims')
      .set(t.as('reviewer'))
      .send({ quoteId: quote.id })
      .expect(201);
    await request(t.http)
      .post(`/api/v1/claims/${claim.body.id}/reviews`)
      .set(t.as('reviewer'))
      .set('If-Match', claim.headers.etag)
      .send({ verdict: 'disputed', rationale: 'Documented prosecutions for speech.' })
      .expect(201);
    const wangBefore = await profile(wang.id);
    expect(wangBefore.verdicts.disputed).toBe(1);

    // One call: the speaker and the attribution status, one new version.
    const fixed = await request(t.http)
      .patch(`/api/v1/quotes/${quote.id}`)
      .set(t.as('reviewer'))
      .set('If-Match', `"${quote.version}"`)
      .send({ speakerId: posner.id, attributionStatus: 'confirmed' })
      .expect(200);
    expect(fixed.body.version).toBe(quote.version + 1);
    expect(fixed.body.speaker).toMatchObject({ name: 'Michael Posner' });
    expect(fixed.body.speaker.role).not.toBe('spokesman'); // Wang's role went with Wang

    const after = await request(t.http).get(`/api/v1/claims/${claim.body.id}`).expect(200);
    expect(after.body.speaker.name).toBe('Michael Posner');
    expect(after.body.status).toBe('disputed');
    const review = await request(t.http)
      .get('/api/v1/exports/claim-review')
      .query({ claim: claim.body.id })
      .expect(200);
    expect(JSON.stringify(review.body)).toContain('Michael Posner');
    expect(JSON.stringify(review.body)).not.toContain('Wang Baodong');

    const csv = await request(t.http)
      .get('/api/v1/exports/quote-sheet')
      .query({ format: 'csv', q: 'expressions of mind' })
      .expect(200);
    const rows: Record<string, string>[] = parse(csv.text.replace(/^\uFEFF/, ''), {
      columns: true,
    });
    expect(rows).toHaveLength(1);
    expect(Object.values(rows[0])).toContain('Michael Posner');

    expect((await profile(wang.id)).verdicts.disputed).toBe(0);
    expect((await profile(wang.id)).quotes.quotes).toBe(wangBefore.quotes.quotes - 1);
    expect((await profile(posner.id)).verdicts.disputed).toBe(1);

    const history = await request(t.http)
      .get(`/api/v1/quotes/${quote.id}/history`)
      .set(t.as('reviewer'))
      .expect(200);
    expect(history.body[0]).toMatchObject({
      action: 'quote.correct',
      actor: 'Rita Reviewer',
      before: { speakerId: wang.id },
      after: { speakerId: posner.id, attributionStatus: 'confirmed' },
    });
    expect(Date.parse(history.body[0].at)).not.toBeNaN();
    await request(t.http)
      .get(`/api/v1/quotes/${quote.id}/history`)
      .set(t.as('journalist'))
      .expect(403);
  });

  it('rejects a quote that is not a quotation: gone from search, exports, matching and re-extraction', async () => {
    const [quote] = await hitFor('"dream come true"');
    expect(quote).toBeDefined();
    await request(t.http)
      .patch(`/api/v1/quotes/${quote.id}`)
      .set(t.as('reviewer'))
      .set('If-Match', '*')
      .send({ rejected: true, reason: 'A slogan on a sign, not speech' })
      .expect(200);
    const gone = async () => {
      expect(await hitFor('"dream come true"')).toHaveLength(0);
      const lookup = await request(t.http)
        .get('/api/v1/quotes/lookup')
        .query({ text: quote.text })
        .expect(200);
      expect(lookup.body.map((h: { id: string }) => h.id)).not.toContain(quote.id);
      const csv = await request(t.http)
        .get('/api/v1/exports/quote-sheet')
        .query({ format: 'csv' })
        .expect(200);
      expect(csv.text).not.toContain(quote.text.slice(0, 30));
      // Reviewers still see it.
      const shown = await request(t.http).get(`/api/v1/quotes/${quote.id}`).expect(200);
      expect(shown.body.rejectedAt).not.toBeNull();
      expect(await hitFor('"dream come true"', { rejected: 'only' })).toHaveLength(1);
    };
    await gone();

    // A claim with the same words does not pick the rejected quote up.
    const claim = await request(t.http)
      .post('/api/v1/claims')
      .set(t.as('reviewer'))
      .send({ text: quote.text, speakerId: quote.speaker?.id ?? (await speaker('Todd Stein')).id })
      .expect(201);
    expect(claim.body.occurrences.map((o: { quote: { id: string } }) => o.quote.id)).not.toContain(
      quote.id,
    );

    // Re-extraction does not bring it back.
    const service = t.app.get(ReextractService);
    const summary = emptySummary();
    for (const id of await service.staleArticles(true)) await service.reextractArticle(id, summary);
    expect(summary.articles).toBe(7);
    await gone();
  });

  it('makes a span claim from the exact words, and withdraws a claim made by mistake', async () => {
    const [quote] = await hitFor('"foundation to continue"');
    const words = 'we laid a foundation to continue';
    const span = await request(t.http)
      .post('/api/v1/claims')
      .set(t.as('reviewer'))
      .send({ quoteId: quote.id, text: words })
      .expect(201);
    expect(span.body.text).toBe(words);
    expect(quote.text.indexOf(words)).toBeGreaterThan(0);
    const bad = await request(t.http)
      .post('/api/v1/claims')
      .set(t.as('reviewer'))
      .send({ quoteId: quote.id, text: 'words nobody said here' })
      .expect(400);
    expect(bad.body.details).toMatchObject({ code: 'SPAN_NOT_IN_QUOTE', field: 'text' });

    const id = span.body.id;
    await request(t.http)
      .post(`/api/v1/claims/${id}/withdraw`)
      .set(t.as('reviewer'))
      .send({ reason: 'Made from the wrong sentence' })
      .expect(428);
    await request(t.http)
      .post(`/api/v1/claims/${id}/withdraw`)
      .set(t.as('reviewer'))
      .set('If-Match', '"9"')
      .send({ reason: 'Made from the wrong sentence' })
      .expect(412);
    const withdrawn = await request(t.http)
      .post(`/api/v1/claims/${id}/withdraw`)
      .set(t.as('reviewer'))
      .set('If-Match', span.headers.etag)
      .send({ reason: 'Made from the wrong sentence' })
      .expect(200);
    expect(withdrawn.body).toMatchObject({
      status: 'withdrawn',
      withdrawn: { by: 'Rita Reviewer', reason: 'Made from the wrong sentence' },
    });
    await request(t.http)
      .post(`/api/v1/claims/${id}/reviews`)
      .set(t.as('reviewer'))
      .set('If-Match', withdrawn.headers.etag)
      .send({ verdict: 'verified', rationale: 'x' })
      .expect(409);
    const listed = await request(t.http).get('/api/v1/claims').expect(200);
    expect(listed.body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    const onlyWithdrawn = await request(t.http)
      .get('/api/v1/claims')
      .query({ status: 'withdrawn' })
      .expect(200);
    expect(onlyWithdrawn.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
    const reviews = await request(t.http).get('/api/v1/exports/claim-review').expect(200);
    expect(JSON.stringify(reviews.body)).not.toContain(id);
  });

  it('filters quotes and sheets by publisher, whatever the case', async () => {
    await request(t.http)
      .post('/api/v1/articles')
      .set(t.as('reviewer'))
      .send({
        body: '“The harbour will reopen in May,” said Harbour Master Ines Duarte.',
        publisher: 'Coastal Ledger',
      })
      .expect(201);
    const hits = await hitFor('harbour', { publisher: 'coastal ledger' });
    expect(hits.map((h: { speaker: { name: string } }) => h.speaker.name)).toEqual(['Ines Duarte']);
    expect(await hitFor('harbour', { publisher: 'Other Paper' })).toHaveLength(0);
    const sheet = await request(t.http)
      .get('/api/v1/exports/quote-sheet')
      .query({ format: 'json', publisher: 'Coastal Ledger' })
      .expect(200);
    expect(JSON.stringify(sheet.body)).toContain('The harbour will reopen in May');
  });
});
