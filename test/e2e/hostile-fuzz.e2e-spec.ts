import request from 'supertest';
import { SeedLoader } from '@app/articles';
import { createTestApp, TestApp } from '../harness/test-app';
import { SEEDS_DIR } from '../harness/seeds';

// Odd but possible requests: whatever each answers (200 included), never a 5xx or a cut
// connection, and every error in the one shape.

const UNKNOWN = '6f1c3c1e-8d3a-4b8e-9a40-1f7d2b0c9e11';

const SEARCH_TEXTS = [
  '"',
  '""',
  '"unbalanced phrase',
  '-',
  '--',
  '-"',
  'OR',
  'OR OR',
  'a OR',
  'OR a',
  '-a',
  '- -a',
  '(',
  ')',
  '\\',
  '\\\\',
  ':*',
  'a:*',
  '!',
  '!!',
  '&',
  '|',
  '&|!()',
  '<->',
  "' OR 1=1 --",
  "'; DROP TABLE quote; --",
  '%',
  '_',
  '%_%',
  '*',
  '?',
  'a'.repeat(500),
  '😀',
  '😀'.repeat(100),
  'e\u0301',
  '\u200b',
  '\u00a0',
  ' ',
  '   ',
  '\t',
  '\n',
  'the',
  'the of and',
  '"the"',
  '-the',
  '王寶東',
  'مرحبا',
  '\u202e',
  '\ufeff',
  '\u0001',
  '\u007f',
  '\ufffd',
];

type Verb = 'get' | 'post' | 'patch' | 'delete' | 'put';

interface Probe {
  name: string;
  send: (t: TestApp, ids: Record<string, string>) => request.Test;
}

const get = (path: string, query: Record<string, unknown> = {}): Probe => ({
  name: `GET ${path} ${JSON.stringify(query).slice(0, 80)}`,
  send: (t, ids) =>
    request(t.http)
      .get(`/api/v1${path.replace(/:(\w+)/g, (_, k: string) => ids[k])}`)
      .set(t.as('admin'))
      .query(query as Record<string, string>),
});

const send = (verb: Verb, path: string, body: unknown, headers: Record<string, string> = {}) => ({
  name: `${verb.toUpperCase()} ${path} ${String(JSON.stringify(body)).slice(0, 80)} ${JSON.stringify(headers)}`,
  send: (t: TestApp, ids: Record<string, string>) =>
    request(t.http)
      [verb](`/api/v1${path.replace(/:(\w+)/g, (_, k: string) => ids[k])}`)
      .set(t.as('admin'))
      .set(headers)
      .send(
        typeof body === 'object' && body !== null
          ? JSON.parse(
              JSON.stringify(body).replace(/":(\w+)"/g, (m, k: string) =>
                ids[k] ? `"${ids[k]}"` : m,
              ),
            )
          : (body as object),
      ),
});

const PROBES: Probe[] = [
  ...SEARCH_TEXTS.flatMap((q) => [
    get('/quotes', { q }),
    get('/quotes', { speaker: q }),
    get('/speakers', { q }),
    ...(q.trim().length >= 3 ? [get('/quotes/lookup', { text: q })] : []),
    get('/exports/quote-sheet', { q, format: 'csv' }),
  ]),
  ...['csv', 'json', 'md', 'xlsx'].flatMap((format) => [
    get('/exports/quote-sheet', { format, q: '"' }),
    get('/exports/quote-sheet', { format, speaker: '%' }),
    get('/exports/quote-sheet', { format, from: '9999-12-31', to: '0001-01-01' }),
    get('/exports/quote-sheet', { format, article: UNKNOWN }),
  ]),
  get('/quotes', { from: '0001-01-01' }),
  get('/quotes', { to: '9999-12-31' }),
  get('/quotes', { from: '2010-01-01T00:00:00+14:00' }),
  get('/quotes', { from: '2010-12-31', to: '2010-01-01' }),
  get('/quotes', { from: '2010-01-01T23:59:60Z' }),
  get('/quotes', { from: '2010-W01' }),
  get('/quotes', { from: '2010-001' }),
  get('/quotes', { from: '20100101' }),
  get('/quotes', { from: '2010-01-01T00:00:00.123456789Z' }),
  get('/quotes', { limit: '1.5' }),
  get('/quotes', { limit: '0x10' }),
  get('/quotes', { limit: ' 5 ' }),
  get('/quotes', { limit: 'Infinity' }),
  get('/quotes', { limit: ['1', '2'] }),
  get('/quotes', { cursor: ['a', 'b'] }),
  get('/quotes', { verdict: ['verified', 'false'] }),
  get('/quotes', { __proto__: 'x' }),
  get('/quotes', { constructor: 'x' }),
  get('/quotes', { toString: 'x' }),
  get('/quotes', { hasOwnProperty: 'x' }),
  get('/quotes', { speaker: UNKNOWN }),
  get('/quotes', { speaker: UNKNOWN.toUpperCase() }),
  get('/quotes', { article: UNKNOWN.toUpperCase() }),
  get('/claims', { flagged: ['true', 'false'] }),
  get('/claims', { status: 'unreviewed', flagged: 'false' }),
  get('/claims', { speaker: UNKNOWN.toUpperCase() }),
  get('/audit', { before: '999999999999999999' }),
  get('/audit', { before: '0' }),
  get('/audit', { targetId: '%' }),
  get('/audit', { action: "' OR 1=1" }),
  get('/exports/claim-review', { claim: UNKNOWN }),
  get('/exports/claim-review', { claim: UNKNOWN.toUpperCase() }),
  get('/speakers/:speaker'),
  get('/quotes/:quote'),
  get('/articles/:article'),
  get('/claims/:claim'),
  get(`/articles/${UNKNOWN.toUpperCase()}`),
  get('/quotes/lookup'),
  get('/nothing-here'),
  get('/articles/'),
  get('/quotes/:quote/'),
  send('post', '/claims', { quoteId: ':quote' }),
  send('post', '/claims', { quoteId: UNKNOWN }),
  send('post', '/claims', { quoteId: UNKNOWN, start: 5, end: 3 }),
  send('post', '/claims', { quoteId: UNKNOWN, start: 0, end: 1e9 }),
  send('post', '/claims', { quoteId: UNKNOWN, start: 1e308 }),
  send('post', '/claims', { quoteId: UNKNOWN, start: 1.5 }),
  send('post', '/claims', { quoteId: UNKNOWN, start: -0 }),
  send('post', '/claims', { text: 'abc', speakerId: UNKNOWN }),
  send('post', '/claims', { text: 'abc' }),
  send('post', '/claims', { text: 'abc', quoteId: UNKNOWN }),
  send('post', '/claims', { __proto__: { admin: true }, text: 'abc', speakerId: UNKNOWN }),
  send('post', '/claims', JSON.parse('{"__proto__": {"polluted": 1}, "text": "abcd"}')),
  send('post', '/claims', { constructor: { prototype: { polluted: 1 } } }),
  send('post', '/claims', { quoteId: null }),
  send('post', '/claims', { quoteId: true }),
  send('post', '/claims', { quoteId: [UNKNOWN] }),
  send('post', '/claims', { quoteId: { $ne: null } }),
  send('post', '/claims', 'null'),
  send('post', '/claims', {}),
  send('post', '/claims/:claim/reviews', { verdict: 'false', rationale: 'r' }, { 'If-Match': '*' }),
  send(
    'post',
    '/claims/:claim/reviews',
    { verdict: 'false', rationale: 'r' },
    { 'If-Match': '"1", "2"' },
  ),
  send(
    'post',
    '/claims/:claim/reviews',
    { verdict: 'false', rationale: 'r' },
    { 'If-Match': `"${'9'.repeat(400)}"` },
  ),
  send(
    'post',
    '/claims/:claim/reviews',
    { verdict: 'false', rationale: 'r' },
    { 'If-Match': '"-1"' },
  ),
  send(
    'post',
    '/claims/:claim/reviews',
    { verdict: 'false', rationale: 'r', evidence: [null] },
    { 'If-Match': '"1"' },
  ),
  send(
    'post',
    '/claims/:claim/reviews',
    { verdict: 'false', rationale: 'r', evidence: [[]] },
    { 'If-Match': '"1"' },
  ),
  send(
    'post',
    '/claims/:claim/reviews',
    { verdict: 'false', rationale: 'r', evidence: [{ url: 'https://x.org', extra: 1 }] },
    { 'If-Match': '"1"' },
  ),
  send(
    'post',
    '/claims/:claim/reviews',
    { verdict: 'false', rationale: 'r', evidence: null },
    { 'If-Match': '"1"' },
  ),
  send('patch', '/quotes/:quote', {}),
  send('patch', '/quotes/:quote', { speakerId: UNKNOWN }),
  send('patch', '/quotes/:quote', { speakerId: null }, { 'If-Match': '"999999999999999999999"' }),
  send('patch', '/quotes/:quote', { text: 'x'.repeat(10_000) }, { 'If-Match': '*' }),
  send('patch', '/quotes/:quote', { text: '   ' }),
  send('patch', '/quotes/:quote', { text: '😀'.repeat(5000) }),
  send('post', '/speakers/:speaker/merge', { from: [':speaker'] }),
  send('post', '/speakers/:speaker/merge', { from: [UNKNOWN, UNKNOWN] }),
  send('post', '/speakers/:speaker/merge', { from: UNKNOWN }),
  send('post', '/speakers/:speaker/merge', { from: [null] }),
  send('post', '/speakers/:speaker/merge', { from: [UNKNOWN.toUpperCase()] }),
  send('post', '/keys', { name: '😀', role: 'journalist' }),
  send('post', '/keys', { name: 'x', role: ['admin'] }),
  send('post', '/keys', { name: ['x'], role: 'admin' }),
  send('post', '/keys', { name: 'x', role: 'Admin' }),
  send('delete', `/keys/${UNKNOWN}`, undefined),
  send('delete', '/keys/:key', { extra: 1 }),
  send('put', '/articles', { body: 'x' }),
  send('post', '/articles', { body: 'x'.repeat(100), publishedAt: '2010-01-01T00:00:00+25:00' }),
  send('post', '/articles', { body: 'Text.', publishedAt: '0000-01-01' }),
  send('post', '/articles', { body: 'Text.', publishedAt: '275760-09-13' }),
  send('post', '/articles', { body: 'Text.', url: 'https://[::1]:99999/' }),
  send('post', '/articles', { body: 'Text.', url: `https://example.org/${'a'.repeat(1990)}` }),
  send('post', '/extract', { body: '“'.repeat(50_000) }),
  send('post', '/extract', { body: '"'.repeat(50_000) }),
  send('post', '/extract', { body: `${'\u0001'.repeat(10)}${'a'.repeat(10_000)}` }),
  send('post', '/extract', { body: '\u2028\u2029'.repeat(1000) }),
  ...[
    '2010-W01',
    '2010-W01-1',
    '2010-001',
    '20100101',
    '2010-01-01T00:00:00+0100',
    '2010-02-29',
  ].flatMap((d) => [
    get('/quotes', { from: d }),
    get('/quotes', { to: d }),
    get('/exports/quote-sheet', { from: d, format: 'xlsx' }),
    send('post', '/articles', { body: `Dated ${d}.`, publishedAt: d }),
    send('post', '/extract', { body: 'Dated.', publishedAt: d }),
  ]),
  ...(
    [
      ['gzip', Buffer.from('not gzip at all')],
      ['deflate', Buffer.from('not deflate')],
      ['br', Buffer.from('not brotli')],
      ['x-unknown', Buffer.from('{}')],
    ] as [string, Buffer][]
  ).map(([encoding, bytes]) => ({
    name: `Content-Encoding: ${encoding} with garbage`,
    send: (t: TestApp) =>
      request(t.http)
        .post('/api/v1/extract')
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', encoding)
        .serialize((b: Buffer) => b as unknown as string)
        .send(bytes),
  })),
  ...[
    'application/json; charset=utf-16',
    'application/json; charset=latin1',
    'application/json; charset=',
    'application/json;;;',
    'application/ld+json',
    'application/merge-patch+json',
    'text/plain; charset=utf-16',
    'text/html',
    'multipart/form-data; boundary=x',
    '*/*',
    'application/json, text/plain',
  ].map((type) => ({
    name: `Content-Type: ${type}`,
    send: (t: TestApp) =>
      request(t.http)
        .post('/api/v1/articles')
        .set(t.as('admin'))
        .set('Content-Type', type)
        .send('{"body": "Typed text."}'),
  })),
  {
    name: 'empty JSON body with a JSON content type',
    send: (t: TestApp) =>
      request(t.http)
        .post('/api/v1/claims')
        .set(t.as('admin'))
        .set('Content-Type', 'application/json')
        .send(''),
  },
  {
    name: 'odd x-request-id',
    send: (t: TestApp) =>
      request(t.http).get('/api/v1/quotes/nope').set('x-request-id', 'a b\tc'.repeat(100)),
  },
  // null for every field of every body.
  ...(
    [
      [
        'post',
        '/articles',
        {
          body: 'Null fields here.',
          title: 'T',
          url: 'https://x.org',
          publisher: 'P',
          publishedAt: '2010-01-01',
        },
      ],
      ['post', '/extract', { body: 'Null fields here.', publishedAt: '2010-01-01' }],
      ['post', '/claims', { quoteId: ':quote', start: 0, end: 3 }],
      ['post', '/claims', { text: 'Some claim text', speakerId: ':speaker' }],
      [
        'patch',
        '/quotes/:quote',
        { text: 'x', speakerId: ':speaker', attributionStatus: 'confirmed' },
      ],
      ['post', '/speakers/:speaker/merge', { from: [UNKNOWN] }],
      ['post', '/keys', { name: 'n', role: 'journalist' }],
      [
        'post',
        '/claims/:claim/reviews',
        {
          verdict: 'false',
          rationale: 'r',
          evidence: [{ url: 'https://x.org', title: 't', note: 'n' }],
        },
      ],
    ] as [Verb, string, Record<string, unknown>][]
  ).flatMap(([verb, path, valid]) =>
    Object.keys(valid).flatMap((k) => [
      send(verb, path, { ...valid, [k]: null }, { 'If-Match': '"1"' }),
      send(verb, path, { ...valid, [k]: {} }, { 'If-Match': '"1"' }),
      send(verb, path, { ...valid, [k]: [] }, { 'If-Match': '"1"' }),
      send(verb, path, { ...valid, [k]: true }, { 'If-Match': '"1"' }),
      send(verb, path, { ...valid, [k]: 1e300 }, { 'If-Match': '"1"' }),
    ]),
  ),
];

describe(`odd requests (${PROBES.length}): never a 5xx, errors in the one shape`, () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(SeedLoader).load(SEEDS_DIR);
    const quote = (await request(t.http).get('/api/v1/quotes?limit=1').expect(200)).body.items[0];
    ids.quote = quote.id;
    ids.speaker = quote.speaker.id;
    ids.article = (await request(t.http).get('/api/v1/articles').expect(200)).body.items[0].id;
    ids.claim = (
      await request(t.http)
        .post('/api/v1/claims')
        .set(t.as('reviewer'))
        .send({ quoteId: ids.quote })
        .expect(201)
    ).body.id;
    ids.key = (await request(t.http).get('/api/v1/keys').set(t.as('admin')).expect(200)).body[2].id;
  });
  afterAll(() => t.close());

  it.each(PROBES.map((p, i) => ({ ...p, name: `${i} ${p.name}` })))('$name', async ({ send }) => {
    const res = await send(t, ids)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBeLessThan(500);
    if (res.status >= 400) {
      expect(JSON.parse((res.body as Buffer).toString('utf8'))).toEqual(
        expect.objectContaining({
          statusCode: res.status,
          error: expect.any(String),
          message: expect.any(String),
          requestId: expect.any(String),
        }),
      );
    }
  });
});
