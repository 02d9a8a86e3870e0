import request from 'supertest';
import { createTestApp, TestApp } from '../harness/test-app';
import { countRows, sql } from '../harness/sql';

const LIMIT = 64 * 1024;

interface Case {
  name: string;
  send: (t: TestApp) => request.Test;
  status: number;
  message: RegExp;
}

const post = (t: TestApp) => request(t.http).post('/api/v1/articles').set(t.as('reviewer'));
// Bytes exactly as given: superagent would otherwise re-encode a Buffer body.
const raw = (r: request.Test, type: string, bytes: Buffer) =>
  r
    .set('Content-Type', type)
    .serialize((b: Buffer) => b as unknown as string)
    .send(bytes);

const cases: Case[] = [
  {
    name: 'malformed JSON',
    send: (t) => post(t).set('Content-Type', 'application/json').send('{"body": "x"'),
    status: 400,
    message: /Malformed JSON/,
  },
  {
    name: 'unknown field',
    send: (t) => post(t).send({ body: 'Some text.', author: 'me' }),
    status: 400,
    message: /property author should not exist/,
  },
  {
    name: 'mistyped field',
    send: (t) => post(t).send({ body: 'Some text.', title: 42 }),
    status: 400,
    message: /title must be a string/,
  },
  {
    name: 'body missing',
    send: (t) => post(t).send({ title: 'x' }),
    status: 400,
    message: /body must be a string/,
  },
  {
    name: 'body of the wrong type',
    send: (t) => post(t).send({ body: ['a'] }),
    status: 400,
    message: /body must be a string/,
  },
  {
    name: 'bad url',
    send: (t) => post(t).send({ body: 'Text.', url: 'javascript:alert(1)' }),
    status: 400,
    message: /url must be a URL/,
  },
  {
    name: 'bad date',
    send: (t) => post(t).send({ body: 'Text.', publishedAt: 'yesterday' }),
    status: 400,
    message: /publishedAt must be a valid ISO 8601/,
  },
  {
    name: 'JSON array',
    send: (t) => post(t).send([{ body: 'x' }]),
    status: 400,
    message: /must be an object/,
  },
  {
    name: 'empty JSON body',
    send: (t) => post(t).send({ body: '' }),
    status: 400,
    message: /empty or whitespace/,
  },
  {
    name: 'whitespace-only JSON body',
    send: (t) => post(t).send({ body: ' \n\t ' }),
    status: 400,
    message: /empty or whitespace/,
  },
  {
    name: 'empty text/plain',
    send: (t) => post(t).set('Content-Type', 'text/plain').send(''),
    status: 400,
    message: /empty or whitespace/,
  },
  {
    name: 'whitespace-only text/plain',
    send: (t) => post(t).set('Content-Type', 'text/plain').send('   \n  '),
    status: 400,
    message: /empty or whitespace/,
  },
  {
    name: 'NUL bytes in JSON',
    send: (t) => post(t).send({ body: 'abc\u0000def' }),
    status: 400,
    message: /NUL/,
  },
  {
    name: 'NUL bytes in text/plain',
    send: (t) => raw(post(t), 'text/plain', Buffer.from('abc\u0000def')),
    status: 400,
    message: /NUL/,
  },
  {
    name: 'invalid UTF-8 in text/plain',
    send: (t) => raw(post(t), 'text/plain', Buffer.from([0x48, 0x69, 0xff, 0xfe, 0x21])),
    status: 400,
    message: /not valid UTF-8/,
  },
  {
    name: 'invalid UTF-8 in JSON',
    send: (t) =>
      raw(
        post(t),
        'application/json',
        Buffer.concat([Buffer.from('{"body":"a'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]),
      ),
    status: 400,
    message: /not valid UTF-8/,
  },
  {
    name: 'oversized JSON body',
    send: (t) => post(t).send({ body: 'x'.repeat(LIMIT + 10) }),
    status: 413,
    message: /exceeds the limit of 65536 bytes/,
  },
  {
    name: 'oversized text body',
    send: (t) =>
      post(t)
        .set('Content-Type', 'text/plain')
        .send('y'.repeat(LIMIT + 10)),
    status: 413,
    message: /exceeds the limit/,
  },
  {
    name: 'unsupported content type',
    send: (t) => post(t).set('Content-Type', 'application/xml').send('<a/>'),
    status: 415,
    message: /Send application\/json/,
  },
  {
    name: 'unknown id',
    send: (t) => request(t.http).get('/api/v1/articles/6f1c3c1e-8d3a-4b8e-9a40-1f7d2b0c9e11'),
    status: 404,
    message: /No article with id/,
  },
  {
    name: 'non-UUID id',
    send: (t) => request(t.http).get('/api/v1/articles/not-a-uuid'),
    status: 400,
    message: /id must be a UUID/,
  },
  {
    name: 'bad cursor',
    send: (t) => request(t.http).get('/api/v1/articles?cursor=%25%25'),
    status: 400,
    message: /cursor/,
  },
  {
    name: 'limit out of range',
    send: (t) => request(t.http).get('/api/v1/articles?limit=0'),
    status: 400,
    message: /limit must not be less than 1/,
  },
  {
    name: 'unknown query parameter',
    send: (t) => request(t.http).get('/api/v1/articles?sort=x'),
    status: 400,
    message: /property sort should not exist/,
  },
];

describe('bad input: a precise 4xx in the one error shape, nothing written', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ BODY_LIMIT: String(LIMIT) });
    await post(t)
      .send({ body: 'An article that is already there. “Quite so,” said Ann Lee.' })
      .expect(201);
  });
  afterAll(() => t.close());

  it.each(cases)('$name → $status', async ({ send, status, message }) => {
    const before = await countRows(t.db.url);
    const res = await send(t);
    expect(res.status).toBe(status);
    expect(res.body).toEqual(
      expect.objectContaining({
        statusCode: status,
        error: expect.any(String),
        message: expect.stringMatching(message),
        requestId: expect.any(String),
      }),
    );
    expect(res.headers['x-request-id']).toBe(res.body.requestId);
    expect(await countRows(t.db.url)).toEqual(before);
  });

  // A byte-order mark is dropped before hashing and segmenting: offsets index the stored text.
  it.each([
    ['text/plain', (text: string) => raw(post(t), 'text/plain', Buffer.from(`\ufeff${text}`))],
    ['JSON', (text: string) => post(t).send({ body: `\ufeff${text}` })],
  ])('a %s body that starts with a BOM keeps its offsets right', async (kind, send) => {
    const text = `${kind} lead. “Offsets stay exact after a byte-order mark,” said Ann Lee.`;
    const res = await send(text).expect(201);
    const article = res.body.articles[0];
    expect(article.body).toBe(text);
    expect(article.quotes.length).toBeGreaterThan(0);
    for (const q of article.quotes) expect(article.body.slice(q.start, q.end)).toBe(q.text);
    const [stored] = await sql<{ body: string }>(
      t.db.url,
      'SELECT body FROM document WHERE id = $1',
      [res.body.document.id],
    );
    expect(stored.body).toBe(text);
  });
});
