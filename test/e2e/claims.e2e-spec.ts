import request from 'supertest';
import { SeedLoader } from '@app/articles';
import { createTestApp, TestApp } from '../harness/test-app';
import { SEEDS_DIR } from '../harness/seeds';
import { sql } from '../harness/sql';

const WANG = 'No one has been punished just because of his expressions of mind';

// Two apps, each with the seeds: one for making and reviewing claims, one for what a disputed
// claim does to its quote. Within each, a test sets up what it needs itself or reads what the
// describe's beforeAll made, so the tests pass in any order (`jest --randomize`).
describe('claims moderation: keys, verdicts with history, validation', () => {
  let t: TestApp;
  let quoteId: string;
  let wangId: string;

  // A free-text claim for Wang Baodong, for tests that need a claim of their own.
  const freeClaim = async (text: string): Promise<string> =>
    (
      await request(t.http)
        .post('/api/v1/claims')
        .set(t.as('reviewer'))
        .send({ text, speakerId: wangId })
        .expect(201)
    ).body.id;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(SeedLoader).load(SEEDS_DIR);
    const [hit] = (await request(t.http).get('/api/v1/quotes').query({ q: 'expressions of mind' }))
      .body.items;
    quoteId = hit.id;
    wangId = hit.speaker.id;
  });
  afterAll(() => t.close());

  it('needs a reviewer key to make a claim: 401 without a key, 403 for a journalist', async () => {
    await request(t.http).post('/api/v1/claims').send({ quoteId }).expect(401);
    await request(t.http)
      .post('/api/v1/claims')
      .set('Authorization', 'Bearer not-a-real-key-123')
      .send({ quoteId })
      .expect(401);
    const res = await request(t.http)
      .post('/api/v1/claims')
      .set(t.as('journalist'))
      .send({ quoteId })
      .expect(403);
    expect(res.body).toMatchObject({
      statusCode: 403,
      error: 'Forbidden',
      message: expect.stringMatching(/reviewer role/),
    });
  });

  it('makes Wang Baodong’s quote a claim, reviews it under If-Match, and keeps the history', async () => {
    const res = await request(t.http)
      .post('/api/v1/claims')
      .set(t.as('reviewer'))
      .send({ quoteId })
      .expect(201);
    const claimId = res.body.id;
    expect(res.body).toMatchObject({
      text: WANG,
      status: 'unreviewed',
      version: 1,
      speaker: { name: 'Wang Baodong' },
    });
    expect(res.headers.etag).toMatch(/^"1\./);
    await request(t.http)
      .post('/api/v1/claims')
      .set(t.as('reviewer'))
      .send({ quoteId })
      .expect(409);

    const review = {
      verdict: 'disputed',
      rationale: 'Rights groups document prosecutions for speech, e.g. Liu Xiaobo.',
      evidence: [
        {
          url: 'https://www.hrw.org/world-report/2010/country-chapters/china',
          title: 'HRW World Report 2010: China',
        },
      ],
    };
    await request(t.http)
      .post(`/api/v1/claims/${claimId}/reviews`)
      .set(t.as('journalist'))
      .set('If-Match', '"1"')
      .send(review)
      .expect(403);
    await request(t.http).post(`/api/v1/claims/${claimId}/reviews`).send(review).expect(401);
    const missing = await request(t.http)
      .post(`/api/v1/claims/${claimId}/reviews`)
      .set(t.as('reviewer'))
      .send(review)
      .expect(428);
    expect(missing.body.message).toMatch(/If-Match/);
    await request(t.http)
      .post(`/api/v1/claims/${claimId}/reviews`)
      .set(t.as('reviewer'))
      .set('If-Match', '"1"')
      .send({ ...review, rationale: ' ' })
      .expect(400);
    const ok = await request(t.http)
      .post(`/api/v1/claims/${claimId}/reviews`)
      .set(t.as('reviewer'))
      .set('If-Match', '"1"')
      .send(review)
      .expect(201);
    expect(ok.body).toMatchObject({ status: 'disputed', version: 2 });
    expect(ok.headers.etag).toMatch(/^"2\./);
    const stale = await request(t.http)
      .post(`/api/v1/claims/${claimId}/reviews`)
      .set(t.as('reviewer'))
      .set('If-Match', '"1"')
      .send(review)
      .expect(412);
    expect(stale.body.details).toMatchObject({ code: 'VERSION_MISMATCH', currentVersion: 2 });
    await request(t.http)
      .post(`/api/v1/claims/${claimId}/reviews`)
      .set(t.as('admin'))
      .set('If-Match', '"2"')
      .send({ verdict: 'disputed', rationale: 'Second look: still disputed.', evidence: [] })
      .expect(201);

    const got = await request(t.http).get(`/api/v1/claims/${claimId}`).expect(200);
    expect(got.body.history).toHaveLength(2);
    expect(got.body.history[0]).toMatchObject({
      verdict: 'disputed',
      reviewer: 'Rita Reviewer',
      claimVersion: 1,
      evidence: [{ url: expect.stringContaining('hrw.org') }],
    });
    expect(got.body.history[1]).toMatchObject({ reviewer: 'bootstrap admin', claimVersion: 2 });
    expect(Date.parse(got.body.history[0].at)).toBeLessThanOrEqual(
      Date.parse(got.body.history[1].at),
    );
    expect(got.body.occurrences[0]).toMatchObject({ relation: 'source', quote: { id: quoteId } });
  });

  it('stores keys hashed, shows them once, and revokes them', async () => {
    await request(t.http)
      .post('/api/v1/keys')
      .set(t.as('reviewer'))
      .send({ name: 'x', role: 'admin' })
      .expect(403);
    await request(t.http)
      .post('/api/v1/keys')
      .set(t.as('admin'))
      .send({ name: 'x', role: 'owner' })
      .expect(400);
    const created = await request(t.http)
      .post('/api/v1/keys')
      .set(t.as('admin'))
      .send({ name: 'Desk', role: 'journalist' })
      .expect(201);
    expect(created.body.key).toMatch(/^ql_/);
    const rows = await sql<{ hash: string }>(t.db.url, 'SELECT hash FROM api_key');
    expect(
      rows.every((r) => r.hash.startsWith('scrypt$') && !r.hash.includes(created.body.key)),
    ).toBe(true);
    const list = await request(t.http).get('/api/v1/keys').set(t.as('admin')).expect(200);
    expect(JSON.stringify(list.body)).not.toContain(created.body.key);
    await request(t.http)
      .get('/api/v1/claims')
      .set('Authorization', `Bearer ${created.body.key}`)
      .expect(200);
    await request(t.http).delete(`/api/v1/keys/${created.body.id}`).set(t.as('admin')).expect(204);
    await request(t.http)
      .get('/api/v1/claims')
      .set('Authorization', `Bearer ${created.body.key}`)
      .expect(401);
  });

  it('tells any key its own name and role (GET /keys/me); no key, no answer', async () => {
    for (const role of ['journalist', 'reviewer', 'admin'] as const) {
      const me = await request(t.http).get('/api/v1/keys/me').set(t.as(role)).expect(200);
      expect(me.body).toEqual({ name: expect.any(String), role });
    }
    await request(t.http).get('/api/v1/keys/me').expect(401);
  });

  it('validates claims: one source, spans inside the quote, known speakers', async () => {
    await request(t.http).post('/api/v1/claims').set(t.as('reviewer')).send({}).expect(400);
    await request(t.http)
      .post('/api/v1/claims')
      .set(t.as('reviewer'))
      .send({ quoteId, text: 'both' })
      .expect(400);
    await request(t.http)
      .post('/api/v1/claims')
      .set(t.as('reviewer'))
      .send({ quoteId, start: 5, end: 9999 })
      .expect(400);
    await request(t.http)
      .post('/api/v1/claims')
      .set(t.as('reviewer'))
      .send({ text: 'China has no political prisoners' })
      .expect(400);
    await request(t.http)
      .post('/api/v1/claims')
      .set(t.as('reviewer'))
      .send({
        text: 'China has no political prisoners',
        speakerId: '6f1c3c1e-8d3a-4b8e-9a40-1f7d2b0c9e11',
      })
      .expect(422);
    const claimId = await freeClaim('China has no political prisoners at all');
    await request(t.http)
      .post(`/api/v1/claims/${claimId}/reviews`)
      .set(t.as('reviewer'))
      .set('If-Match', '"3"')
      .send({ verdict: 'wrong', rationale: 'x' })
      .expect(400);
    const span = await request(t.http)
      .post('/api/v1/claims')
      .set(t.as('reviewer'))
      .send({ quoteId, start: 0, end: 24 })
      .expect(201);
    expect(span.body.text).toBe('No one has been punished');
  });
});

describe('a disputed claim: verdicts on quotes, matching, audit', () => {
  let t: TestApp;
  let quoteId: string;
  let claimId: string;

  const auditActions = async (targetId: string): Promise<string[]> =>
    (
      await request(t.http)
        .get('/api/v1/audit')
        .set(t.as('admin'))
        .query({ targetId, limit: 500 })
        .expect(200)
    ).body.items.map((e: { action: string }) => e.action);

  // Wang Baodong's quote made a claim and reviewed disputed, for every test below.
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(SeedLoader).load(SEEDS_DIR);
    quoteId = (await request(t.http).get('/api/v1/quotes').query({ q: 'expressions of mind' })).body
      .items[0].id;
    claimId = (
      await request(t.http)
        .post('/api/v1/claims')
        .set(t.as('reviewer'))
        .send({ quoteId })
        .expect(201)
    ).body.id;
    await request(t.http)
      .post(`/api/v1/claims/${claimId}/reviews`)
      .set(t.as('reviewer'))
      .set('If-Match', '"1"')
      .send({
        verdict: 'disputed',
        rationale: 'Rights groups document prosecutions for speech, e.g. Liu Xiaobo.',
        evidence: [{ url: 'https://www.hrw.org/world-report/2010/country-chapters/china' }],
      })
      .expect(201);
  });
  afterAll(() => t.close());

  it('shows the verdict on the quote in search results and filters by it', async () => {
    // Other quotes say these words too once the matching test has posted its article.
    const hit = (
      await request(t.http).get('/api/v1/quotes').query({ q: 'expressions of mind' })
    ).body.items.find((h: { id: string }) => h.id === quoteId);
    expect(hit).toMatchObject({ verdict: 'disputed', claim: { id: claimId, status: 'disputed' } });
    const disputed = await request(t.http)
      .get('/api/v1/quotes')
      .query({ verdict: 'disputed', limit: 100 })
      .expect(200);
    const ids = disputed.body.items.map((h: { id: string }) => h.id);
    expect(ids).toContain(quoteId);
    for (const h of disputed.body.items) expect(h.verdict).toBe('disputed');
    const unreviewed = await request(t.http)
      .get('/api/v1/quotes')
      .query({ verdict: 'unreviewed', limit: 100 })
      .expect(200);
    expect(unreviewed.body.items.length).toBeGreaterThan(0);
    for (const h of unreviewed.body.items) expect(h.verdict).toBe('unreviewed');
    expect(unreviewed.body.items.map((h: { id: string }) => h.id)).not.toContain(quoteId);
  });

  it('attaches a new article in which Wang Baodong repeats the sentence to the same claim', async () => {
    const body = {
      body: [
        'Chinese diplomats again defended the country’s record on Monday.',
        'Wang Baodong (王寶東), spokesman for the Chinese embassy in Washington, rejected the criticism.',
        `“${WANG},” Wang said.`,
        `Later he added: “No one has been punished just because of his expression of mind.”`,
        `A blogger, Li Ming, mocked the line. “${WANG},” Li wrote.`,
      ].join('\n'),
      title: 'Embassy repeats its line',
      publishedAt: '2010-06-01',
    };
    await request(t.http).post('/api/v1/articles').set(t.as('reviewer')).send(body).expect(201);
    const claim = (await request(t.http).get(`/api/v1/claims/${claimId}`).expect(200)).body;
    expect(claim.status).toBe('disputed');
    const source = claim.occurrences.find((o: { relation: string }) => o.relation === 'source');
    expect(source.quote.appearances).toHaveLength(2); // the same words by the same speaker: one quote, two places
    const near = claim.occurrences.find((o: { relation: string }) => o.relation === 'same-speaker');
    expect(near.quote.text).toMatch(/expression of mind/);
    expect(near.needsReview).toBe(false);
    const other = claim.occurrences.find(
      (o: { relation: string }) => o.relation === 'other-speaker',
    );
    expect(other).toMatchObject({ needsReview: true, quote: { speaker: { name: 'Li Ming' } } });
    const nearHit = (await request(t.http).get(`/api/v1/quotes/${near.quote.id}`)).body;
    expect(nearHit.verdict).toBe('disputed');
    const otherHit = (await request(t.http).get(`/api/v1/quotes/${other.quote.id}`)).body;
    expect(otherHit.verdict).toBe('unreviewed');
    const flagged = await request(t.http)
      .get('/api/v1/claims')
      .query({ flagged: true })
      .expect(200);
    expect(flagged.body.items.map((c: { id: string }) => c.id)).toEqual([claimId]);
    expect(await auditActions(claimId)).toEqual(
      expect.arrayContaining(['claim.create', 'claim.review', 'claim.match', 'claim.flag']),
    );
  });

  it('keeps attribution status apart from the verdict', async () => {
    const res = await request(t.http)
      .patch(`/api/v1/quotes/${quoteId}`)
      .set(t.as('reviewer'))
      .send({ attributionStatus: 'confirmed' })
      .expect(200);
    expect(res.body).toMatchObject({ attributionStatus: 'confirmed', verdict: 'disputed' });
    await request(t.http)
      .patch(`/api/v1/quotes/${quoteId}`)
      .set(t.as('journalist'))
      .send({ attributionStatus: 'misattributed' })
      .expect(403);
    expect(await auditActions(quoteId)).toContain('quote.correct');
  });

  it('records every write in an audit trail the database refuses to rewrite', async () => {
    const res = await request(t.http)
      .get('/api/v1/audit')
      .set(t.as('admin'))
      .query({ limit: 500 })
      .expect(200);
    const actions = res.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['document.ingest', 'claim.create', 'claim.review', 'key.create']),
    );
    const review = res.body.items
      .filter((e: { action: string }) => e.action === 'claim.review')
      .pop(); // newest first: the last is the first review
    expect(review).toMatchObject({
      actorName: 'Rita Reviewer',
      actorRole: 'reviewer',
      targetId: claimId,
      before: { status: 'unreviewed' },
      after: { status: 'disputed' },
      requestId: expect.any(String),
    });
    await request(t.http).get('/api/v1/audit').set(t.as('reviewer')).expect(403);
    // The triggers hold even for the owner (the app's role is refused before them: see
    // database-roles.e2e-spec.ts).
    const owner = t.db.ownerUrl;
    await expect(sql(owner, 'DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(sql(owner, `UPDATE audit_log SET actor_name = 'x'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql(owner, 'TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    await expect(sql(owner, 'DELETE FROM claim_review')).rejects.toThrow(/append-only/);
  });
});

describe('rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_WRITES: '2', RATE_LIMIT_READS: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 in the error shape past the limit', async () => {
    for (let i = 0; i < 3; i++) await request(t.http).get('/api/v1/articles').expect(200);
    const res = await request(t.http).get('/api/v1/articles').expect(429);
    expect(res.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    for (let i = 0; i < 2; i++)
      await request(t.http)
        .post('/api/v1/articles')
        .set(t.as('reviewer'))
        .send({ body: `Text number ${i}.` })
        .expect(201);
    await request(t.http)
      .post('/api/v1/articles')
      .set(t.as('reviewer'))
      .send({ body: 'One too many.' })
      .expect(429);
  });
});
