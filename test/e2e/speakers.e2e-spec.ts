import request from 'supertest';
import { SeedLoader } from '@app/articles';
import { createTestApp, TestApp } from '../harness/test-app';
import { SEEDS_DIR } from '../harness/seeds';

// A reviewer repairs the speaker registry: a person the engine missed, a wrong name or role, an
// empty speaker; and a filter by name never mixes two people.
describe('speaker registry repairs', () => {
  let t: TestApp;
  const speakerNamed = async (name: string) =>
    (await request(t.http).get('/api/v1/speakers').query({ q: name }).expect(200)).body[0];
  const quoteSaying = async (words: string) =>
    (await request(t.http).get('/api/v1/quotes').query({ q: words }).expect(200)).body.items[0];

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(SeedLoader).load(SEEDS_DIR);
  });
  afterAll(() => t.close());

  it('creates a missing person and credits a quote to them', async () => {
    const created = await request(t.http)
      .post('/api/v1/speakers')
      .set(t.as('reviewer'))
      .send({ name: 'Lena Park', aliases: ['Park', 'Dr. Park'], kind: 'person' })
      .expect(201);
    expect(created.body).toMatchObject({ name: 'Lena Park', kind: 'person', version: 1 });
    expect(created.body.aliases.sort()).toEqual(['Dr. Park', 'Lena Park', 'Park']);
    const quote = await quoteSaying('"expressions of mind"');
    const patched = await request(t.http)
      .patch(`/api/v1/quotes/${quote.id}`)
      .set(t.as('reviewer'))
      .send({ speakerId: created.body.id })
      .expect(200);
    expect(patched.body.speaker.name).toBe('Lena Park');
    const profile = await request(t.http).get(`/api/v1/speakers/${created.body.id}`).expect(200);
    expect(profile.body.quotes.quotes).toBe(1);
    expect(profile.body.quotes.recent[0].article.title).toBeDefined();
    expect(profile.headers.etag).toMatch(/^"1\./);
  });

  it('fixes a wrong affiliation, adds one with dates, and removes one', async () => {
    const wang = await speakerNamed('Wang Baodong');
    const before = (await request(t.http).get(`/api/v1/speakers/${wang.id}`).expect(200)).body;
    const [aff] = before.affiliations;
    const fixed = await request(t.http)
      .patch(`/api/v1/speakers/${wang.id}/affiliations/${aff.id}`)
      .set(t.as('reviewer'))
      .send({ role: 'press spokesman' })
      .expect(200);
    expect(fixed.body.affiliations[0]).toMatchObject({
      role: 'press spokesman',
      organization: 'Chinese embassy in Washington',
      editedBy: 'Rita Reviewer',
    });
    const added = await request(t.http)
      .post(`/api/v1/speakers/${wang.id}/affiliations`)
      .set(t.as('reviewer'))
      .send({
        role: 'counsellor',
        organization: 'Chinese foreign ministry',
        from: '2005-01-01',
        to: '2008-12-31',
      })
      .expect(201);
    const counsellor = added.body.affiliations.find(
      (a: { role: string }) => a.role === 'counsellor',
    );
    expect(counsellor.firstSeen).toBe('2005-01-01T00:00:00.000Z');
    await request(t.http)
      .post(`/api/v1/speakers/${wang.id}/affiliations`)
      .set(t.as('reviewer'))
      .send({ role: 'x', from: '2010-01-02', to: '2010-01-01' })
      .expect(400);
    await request(t.http)
      .delete(`/api/v1/speakers/${wang.id}/affiliations/${counsellor.id}`)
      .set(t.as('reviewer'))
      .expect(204);
    const after = (await request(t.http).get(`/api/v1/speakers/${wang.id}`).expect(200)).body;
    expect(after.affiliations.map((a: { role: string }) => a.role)).toEqual(['press spokesman']);
    expect(after.version).toBe(before.version + 3);
  });

  it('renames a speaker under If-Match; the new name is found, the old one is not', async () => {
    const created = await request(t.http)
      .post('/api/v1/speakers')
      .set(t.as('reviewer'))
      .send({ name: 'Theresa' })
      .expect(201);
    await request(t.http)
      .patch(`/api/v1/speakers/${created.body.id}`)
      .set(t.as('reviewer'))
      .set('If-Match', '"7"')
      .send({ name: 'Theresa Mayfield' })
      .expect(412);
    const renamed = await request(t.http)
      .patch(`/api/v1/speakers/${created.body.id}`)
      .set(t.as('reviewer'))
      .set('If-Match', '"1"')
      .send({ name: 'Theresa Mayfield', nativeName: null, kind: 'person' })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: 'Theresa Mayfield', version: 2 });
    expect(renamed.body.aliases).toEqual(['Theresa Mayfield']);
    expect((await speakerNamed('Theresa Mayfield')).id).toBe(created.body.id);
    const audit = await request(t.http)
      .get('/api/v1/audit')
      .query({ targetId: created.body.id })
      .set(t.as('admin'))
      .expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'speaker.update',
      'speaker.create',
    ]);
  });

  it('deletes an empty speaker, and refuses one that still has quotes', async () => {
    const empty = await request(t.http)
      .post('/api/v1/speakers')
      .set(t.as('reviewer'))
      .send({ name: 'Police Practice', kind: 'organization' })
      .expect(201);
    await request(t.http)
      .delete(`/api/v1/speakers/${empty.body.id}`)
      .set(t.as('reviewer'))
      .expect(204);
    await request(t.http).get(`/api/v1/speakers/${empty.body.id}`).expect(404);
    const posner = await speakerNamed('Michael Posner');
    const refused = await request(t.http)
      .delete(`/api/v1/speakers/${posner.id}`)
      .set(t.as('reviewer'))
      .expect(409);
    expect(refused.body.details).toMatchObject({ code: 'SPEAKER_IN_USE', quotes: 5 });
  });

  it('answers 409 with the candidates when a speaker filter names two people', async () => {
    for (const name of ['Judy McCallum', 'John McCallum'])
      await request(t.http)
        .post('/api/v1/speakers')
        .set(t.as('reviewer'))
        .send({ name, aliases: ['McCallum'] })
        .expect(201);
    for (const path of ['/api/v1/quotes', '/api/v1/exports/quote-sheet', '/api/v1/claims']) {
      const res = await request(t.http).get(path).query({ speaker: 'McCallum' }).expect(409);
      expect(res.body.details.code).toBe('SPEAKER_NAME_AMBIGUOUS');
      expect(res.body.details.candidates.map((c: { name: string }) => c.name)).toEqual([
        'John McCallum',
        'Judy McCallum',
      ]);
    }
    // An exact name or a surname that fits one speaker works everywhere.
    const byName = await request(t.http)
      .get('/api/v1/quotes')
      .query({ speaker: 'Posner' })
      .expect(200);
    expect(byName.body.items).toHaveLength(5);
    await request(t.http).get('/api/v1/claims').query({ speaker: 'Michael Posner' }).expect(200);
  });

  it('lists speakers without a query, by name and newest first, paged', async () => {
    const first = await request(t.http).get('/api/v1/speakers').query({ limit: 3 }).expect(200);
    expect(first.body.items).toHaveLength(3);
    const names = first.body.items.map((s: { name: string }) => s.name);
    expect([...names].sort()).toEqual(names);
    const next = await request(t.http)
      .get('/api/v1/speakers')
      .query({ limit: 3, cursor: first.body.nextCursor })
      .expect(200);
    expect(next.body.items[0].name >= names[2]).toBe(true);
    const newest = await request(t.http)
      .get('/api/v1/speakers')
      .query({ sort: 'newest', limit: 1 })
      .expect(200);
    expect(newest.body.items[0].name).toBe('John McCallum');
    await request(t.http).get('/api/v1/speakers').query({ cursor: 'bm9wZQ' }).expect(400);
  });

  it('splits a speaker who is really two people: chosen quotes move to a new speaker', async () => {
    const posner = await speakerNamed('Michael Posner');
    const quotes = (
      await request(t.http).get('/api/v1/quotes').query({ speaker: posner.id }).expect(200)
    ).body.items;
    const chosen = quotes.slice(0, 2).map((q: { id: string }) => q.id);
    const split = await request(t.http)
      .post(`/api/v1/speakers/${posner.id}/split`)
      .set(t.as('reviewer'))
      .send({ quoteIds: chosen, newSpeaker: { name: 'Martin Posner', aliases: ['Posner'] } })
      .expect(200);
    expect(split.body.moved.sort()).toEqual([...chosen].sort());
    const martin = await request(t.http)
      .get(`/api/v1/speakers/${split.body.speakerId}`)
      .expect(200);
    expect(martin.body).toMatchObject({ name: 'Martin Posner' });
    expect(martin.body.quotes.quotes).toBe(2);
    const left = await request(t.http).get(`/api/v1/speakers/${posner.id}`).expect(200);
    expect(left.body.quotes.quotes).toBe(quotes.length - 2);
    // Moving them again from the old speaker is a conflict: they are no longer his.
    const again = await request(t.http)
      .post(`/api/v1/speakers/${posner.id}/split`)
      .set(t.as('reviewer'))
      .send({ quoteIds: chosen, intoSpeakerId: split.body.speakerId })
      .expect(409);
    expect(again.body.details.code).toBe('QUOTE_NOT_BY_SPEAKER');
    await request(t.http)
      .post(`/api/v1/speakers/${posner.id}/split`)
      .set(t.as('reviewer'))
      .send({ quoteIds: chosen })
      .expect(400);
  });

  it('lets only reviewers edit', async () => {
    await request(t.http)
      .post('/api/v1/speakers')
      .set(t.as('journalist'))
      .send({ name: 'X Y' })
      .expect(403);
    await request(t.http).post('/api/v1/speakers').send({ name: 'X Y' }).expect(401);
    await request(t.http)
      .post('/api/v1/speakers')
      .set(t.as('reviewer'))
      .send({ name: '   ' })
      .expect(400);
  });
});
