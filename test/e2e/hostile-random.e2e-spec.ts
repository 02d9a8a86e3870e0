import request from 'supertest';
import fc from 'fast-check';
import { SeedLoader } from '@app/articles';
import { createTestApp, TestApp } from '../harness/test-app';
import { SEEDS_DIR } from '../harness/seeds';

const ROUTES: [string, string][] = [
  ['get', '/articles'],
  ['get', '/quotes'],
  ['get', '/quotes/lookup'],
  ['get', '/speakers'],
  ['get', '/claims'],
  ['get', '/exports/quote-sheet'],
  ['get', '/exports/claim-review'],
  ['get', '/audit'],
  ['get', '/keys'],
  ['post', '/articles'],
  ['post', '/extract'],
  ['post', '/claims'],
  ['post', '/keys'],
  ['post', '/claims/:claim/reviews'],
  ['post', '/speakers/:speaker/merge'],
  ['patch', '/quotes/:quote'],
];
const PARAMS = [
  'q',
  'speaker',
  'text',
  'limit',
  'cursor',
  'from',
  'to',
  'verdict',
  'article',
  'format',
  'status',
  'flagged',
  'claim',
  'action',
  'before',
  'targetId',
];
const FIELDS = [
  'body',
  'title',
  'url',
  'publisher',
  'publishedAt',
  'quoteId',
  'start',
  'end',
  'text',
  'speakerId',
  'verdict',
  'rationale',
  'evidence',
  'name',
  'role',
  'from',
  'attributionStatus',
];

// Random requests (seeded, so a failure replays): any route, up to three query parameters and
// four body fields of any JSON type. None may answer 5xx; every error has the one shape.
describe('random requests never answer 5xx', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(SeedLoader).load(SEEDS_DIR);
    const quote = (await request(t.http).get('/api/v1/quotes?limit=1')).body.items[0];
    ids.quote = quote.id;
    ids.speaker = quote.speaker.id;
    ids.claim = (
      await request(t.http).post('/api/v1/claims').set(t.as('admin')).send({ quoteId: ids.quote })
    ).body.id;
  });
  afterAll(() => t.close());
  it('200 seeded random requests', async () => {
    const bad: string[] = [];
    const str = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string(),
      fc.constantFrom(
        '',
        ' ',
        '"',
        '-',
        'OR',
        '2010-01-01',
        ids.quote,
        '1e999',
        '-1',
        'true',
        'null',
        '%',
        '\\',
      ),
    );
    const value = fc.oneof(
      str,
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(str, { maxLength: 3 }),
      fc.dictionary(str, str, { maxKeys: 3 }),
      fc.array(fc.dictionary(fc.constantFrom('url', 'title', 'note', 'x'), str), { maxLength: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        fc.dictionary(fc.constantFrom(...PARAMS), str, { maxKeys: 3 }),
        fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 4 }),
        async ([verb, path], query, body) => {
          const p = `/api/v1${path.replace(/:(\w+)/g, (_, k: string) => ids[k])}`;
          let r = (request(t.http) as unknown as Record<string, (p: string) => request.Test>)
            [verb](p)
            .set(t.as('admin'))
            .set('If-Match', '"1"')
            .query(query);
          if (verb !== 'get') r = r.send(body);
          const res = await r;
          if (
            res.status >= 500 ||
            (res.status >= 400 &&
              !(
                res.body &&
                res.body.statusCode === res.status &&
                typeof res.body.requestId === 'string' &&
                typeof res.body.message === 'string'
              ))
          )
            bad.push(
              `${res.status} ${verb} ${p} ${JSON.stringify(query)} ${JSON.stringify(body)} ${JSON.stringify(res.body)}`,
            );
          return true;
        },
      ),
      { numRuns: 200, seed: 7 },
    );
    expect(bad).toEqual([]);
  }, 120_000);
});
