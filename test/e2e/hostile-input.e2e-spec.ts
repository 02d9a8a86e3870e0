import request from 'supertest';
import { SeedLoader } from '@app/articles';
import type { Role } from '@app/common';
import { createTestApp, TestApp } from '../harness/test-app';
import { SEEDS_DIR } from '../harness/seeds';
import { Client } from 'pg';

// Hostile input on every endpoint: each case must answer its 4xx in the one error shape and
// leave every table as it was. Table-driven: the tables below are generated per endpoint/field.

const LIMIT = 64 * 1024;
const NUL = '\u0000';
const LONE = '\ud800';
const UNKNOWN = '6f1c3c1e-8d3a-4b8e-9a40-1f7d2b0c9e11';

interface Ids {
  article: string;
  quote: string;
  speaker: string;
  otherSpeaker: string;
  claim: string;
  key: string;
}

interface Case {
  name: string;
  send: (t: TestApp, ids: Ids) => request.Test;
  status: number;
  message?: RegExp;
  field?: string;
  code?: string;
}

type Verb = 'get' | 'post' | 'patch' | 'delete';

function call(t: TestApp, verb: Verb, path: string, role: Role | null = 'admin'): request.Test {
  const r = request(t.http)[verb](`/api/v1${path}`);
  return role ? r.set(t.as(role)) : r;
}

// Bytes exactly as given: superagent would otherwise re-encode the body.
const raw = (r: request.Test, type: string, body: string | Buffer) =>
  r
    .set('Content-Type', type)
    .serialize((b: string | Buffer) => b as unknown as string)
    .send(body);

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

// ---- the endpoints and their inputs -------------------------------------------------------

const QUERY_ROUTES: { path: (ids: Ids) => string; role: Role; params: Record<string, string> }[] = [
  { path: () => '/articles', role: 'journalist', params: { cursor: 'abc', limit: '5' } },
  {
    path: () => '/quotes',
    role: 'journalist',
    params: {
      q: 'mind',
      speaker: 'Wang',
      article: UNKNOWN,
      from: '2010-01-01',
      to: '2010-12-31',
      verdict: 'verified',
      cursor: 'abc',
      limit: '5',
    },
  },
  { path: () => '/quotes/lookup', role: 'journalist', params: { text: 'expressions', limit: '5' } },
  { path: () => '/speakers', role: 'journalist', params: { q: 'wang', limit: '5' } },
  {
    path: () => '/claims',
    role: 'journalist',
    params: { status: 'disputed', flagged: 'true', speaker: UNKNOWN, cursor: 'abc', limit: '5' },
  },
  {
    path: () => '/exports/quote-sheet',
    role: 'journalist',
    params: {
      q: 'mind',
      speaker: 'Wang',
      article: UNKNOWN,
      from: '2010-01-01',
      to: '2010-12-31',
      verdict: 'verified',
      format: 'csv',
    },
  },
  { path: () => '/exports/claim-review', role: 'journalist', params: { claim: UNKNOWN } },
  {
    path: () => '/audit',
    role: 'admin',
    params: { action: 'claim.review', targetType: 'claim', targetId: 'x', before: '10' },
  },
  { path: (ids) => `/quotes/${ids.quote}`, role: 'journalist', params: {} },
  { path: () => '/keys', role: 'admin', params: {} },
];

const nulInQuery: Case[] = QUERY_ROUTES.flatMap(({ path, role, params }) => [
  ...Object.entries(params).map(([name, value]) => ({
    name: `NUL in ?${name} of GET ${path({ quote: ':id' } as Ids)}`,
    send: (t: TestApp, ids: Ids) =>
      call(t, 'get', path(ids), role).query({ ...params, [name]: `${value}${NUL}x` }),
    status: 400,
    message: /NUL/,
    field: name,
    code: 'NUL_CHARACTER',
  })),
  {
    name: `NUL in a query parameter name of GET ${path({ quote: ':id' } as Ids)}`,
    send: (t: TestApp, ids: Ids) => call(t, 'get', `${path(ids)}?a%00b=1`, role),
    status: 400,
    message: /NUL/,
    code: 'NUL_CHARACTER',
  },
]);

// NUL inside quote-sheet filters, once per export format (an export used to cut the connection).
const nulInExports: Case[] = (['csv', 'json', 'md', 'xlsx'] as const).flatMap((format) =>
  ['q', 'speaker'].map((name) => ({
    name: `NUL in ?${name} of a ${format} quote sheet`,
    send: (t: TestApp) =>
      call(t, 'get', '/exports/quote-sheet', 'journalist').query({ format, [name]: `a${NUL}` }),
    status: 400,
    message: /NUL/,
    field: name,
  })),
);

interface BodyRoute {
  name: string;
  verb: Verb;
  path: (ids: Ids) => string;
  role: Role;
  valid: Record<string, unknown>;
  ifMatch?: boolean;
}

const BODY_ROUTES: BodyRoute[] = [
  {
    name: 'POST /articles',
    verb: 'post',
    path: () => '/articles',
    role: 'reviewer',
    valid: {
      body: 'A new article. “Hostile input stays out,” said Ann Lee.',
      title: 'Title',
      url: 'https://example.org/a',
      publisher: 'Paper',
      publishedAt: '2010-05-14',
    },
  },
  {
    name: 'POST /extract',
    verb: 'post',
    path: () => '/extract',
    role: 'journalist',
    valid: { body: '“Quite so,” said Ann Lee.', title: 'T', publishedAt: '2010-05-14' },
  },
  {
    name: 'POST /claims',
    verb: 'post',
    path: () => '/claims',
    role: 'reviewer',
    valid: { text: 'The sky is green today', speakerId: UNKNOWN },
  },
  {
    name: 'POST /claims/:id/reviews',
    verb: 'post',
    path: (ids) => `/claims/${ids.claim}/reviews`,
    role: 'reviewer',
    ifMatch: true,
    valid: {
      verdict: 'false',
      rationale: 'Because.',
      evidence: [{ url: 'https://example.org/e', title: 'E', note: 'n' }],
    },
  },
  {
    name: 'POST /keys',
    verb: 'post',
    path: () => '/keys',
    role: 'admin',
    valid: { name: 'Desk', role: 'journalist' },
  },
  {
    name: 'POST /speakers/:id/merge',
    verb: 'post',
    path: (ids) => `/speakers/${ids.speaker}/merge`,
    role: 'reviewer',
    valid: { from: [UNKNOWN] },
  },
  {
    name: 'PATCH /quotes/:id',
    verb: 'patch',
    path: (ids) => `/quotes/${ids.quote}`,
    role: 'reviewer',
    valid: { text: 'Corrected words', speakerId: UNKNOWN, attributionStatus: 'confirmed' },
  },
];

function sendBody(route: BodyRoute, t: TestApp, ids: Ids): request.Test {
  const r = call(t, route.verb, route.path(ids), route.role);
  return route.ifMatch ? r.set('If-Match', '"1"') : r;
}

// Where a string can go: each top-level field, plus the nested evidence fields.
function stringSlots(route: BodyRoute): { field: string; put: (s: string) => unknown }[] {
  const slots = Object.entries(route.valid).flatMap(([key, value]) => {
    if (Array.isArray(value) && typeof value[0] === 'string')
      return [{ field: `${key}[0]`, put: (s: string) => ({ ...route.valid, [key]: [s] }) }];
    if (Array.isArray(value)) {
      const item = value[0] as Record<string, unknown>;
      return Object.keys(item).map((inner) => ({
        field: `${key}[0].${inner}`,
        put: (s: string) => ({ ...route.valid, [key]: [{ ...item, [inner]: s }] }),
      }));
    }
    return [
      { field: key, put: (s: string) => ({ ...route.valid, [key]: `${String(value)}${s}` }) },
    ];
  });
  return slots;
}

const nulInBody: Case[] = BODY_ROUTES.flatMap((route) => [
  ...stringSlots(route).map(({ field, put }) => ({
    name: `NUL in ${field} of ${route.name}`,
    send: (t: TestApp, ids: Ids) => sendBody(route, t, ids).send(put(`x${NUL}y`) as object),
    status: 400,
    message: /NUL/,
    field,
    code: 'NUL_CHARACTER',
  })),
  {
    name: `NUL in a key name of ${route.name}`,
    send: (t: TestApp, ids: Ids) =>
      sendBody(route, t, ids).send({ ...route.valid, [`bad${NUL}key`]: 1 }),
    status: 400,
    message: /name of .*NUL/,
    code: 'NUL_CHARACTER',
  },
]);

const nulDeep: Case[] = [
  {
    name: 'NUL in a key name inside evidence[]',
    send: (t, ids) =>
      call(t, 'post', `/claims/${ids.claim}/reviews`, 'reviewer')
        .set('If-Match', '"1"')
        .send({
          verdict: 'false',
          rationale: 'r',
          evidence: [{ url: 'https://example.org', [`n${NUL}`]: 'x' }],
        }),
    status: 400,
    message: /NUL/,
    field: 'evidence[0]["n\\u0000"]',
  },
  {
    name: 'NUL in the second evidence entry',
    send: (t, ids) =>
      call(t, 'post', `/claims/${ids.claim}/reviews`, 'reviewer')
        .set('If-Match', '"1"')
        .send({
          verdict: 'false',
          rationale: 'r',
          evidence: [{ url: 'https://example.org' }, { url: 'https://example.org', note: NUL }],
        }),
    status: 400,
    message: /NUL/,
    field: 'evidence[1].note',
  },
  {
    name: 'NUL as an escaped \\u0000 in raw JSON',
    send: (t) =>
      raw(call(t, 'post', '/articles', 'reviewer'), 'application/json', '{"body":"a\\u0000b"}'),
    status: 400,
    message: /NUL/,
    field: 'body',
  },
  {
    name: 'NUL in text/plain to POST /extract',
    send: (t) => raw(call(t, 'post', '/extract', 'journalist'), 'text/plain', 'abc\u0000def'),
    status: 400,
    message: /NUL/,
    field: 'body',
  },
];

// A lone surrogate arrives as an escape in JSON (raw UTF-8 cannot encode one).
const surrogates: Case[] = BODY_ROUTES.flatMap((route): Case[] =>
  stringSlots(route)
    .filter(({ field }) => !/url|Id|from|role|verdict|status|publishedAt/.test(field))
    .map(({ field, put }) => ({
      name: `lone surrogate in ${field} of ${route.name}`,
      send: (t: TestApp, ids: Ids) => sendBody(route, t, ids).send(put(`x${LONE}y`) as object),
      status: 400,
      message: /surrogate/,
      field,
      code: 'LONE_SURROGATE',
    })),
).concat([
  {
    name: 'lone low surrogate in raw JSON',
    send: (t) =>
      raw(
        call(t, 'post', '/articles', 'reviewer'),
        'application/json',
        '{"body":"Text \\udc00 here."}',
      ),
    status: 400,
    message: /surrogate/,
    field: 'body',
  },
  {
    name: 'high surrogate at the end of a string',
    send: (t) =>
      raw(call(t, 'post', '/extract', 'journalist'), 'application/json', '{"body":"Text \\ud83d"}'),
    status: 400,
    message: /surrogate/,
    field: 'body',
  },
  {
    name: 'lone surrogate in a key name',
    send: (t) =>
      raw(
        call(t, 'post', '/keys', 'admin'),
        'application/json',
        '{"name":"a","role":"admin","\\ud800":1}',
      ),
    status: 400,
    message: /surrogate/,
  },
]);

const nested = (depth: number, open = '[', close = ']') =>
  `${open.repeat(depth)}${close.repeat(depth)}`;
const nestedObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

const deepJson: Case[] = BODY_ROUTES.flatMap((route) => [
  {
    name: `20,000 nested arrays to ${route.name}`,
    send: (t: TestApp, ids: Ids) =>
      raw(sendBody(route, t, ids), 'application/json', `{"x":${nested(20_000)}}`),
    status: 400,
    message: /deeper than 64/,
    code: 'JSON_TOO_DEEP',
  },
  {
    name: `5,000 nested objects to ${route.name}`,
    send: (t: TestApp, ids: Ids) =>
      raw(sendBody(route, t, ids), 'application/json', nestedObject(5_000)),
    status: 400,
    message: /deeper than 64/,
    code: 'JSON_TOO_DEEP',
  },
  {
    name: `65 levels to ${route.name}`,
    send: (t: TestApp, ids: Ids) => raw(sendBody(route, t, ids), 'application/json', nested(65)),
    status: 400,
    message: /deeper than 64/,
  },
]);

const tooMany: Case[] = [
  {
    name: '5,000 items in merge.from',
    send: (t, ids) =>
      call(t, 'post', `/speakers/${ids.speaker}/merge`, 'reviewer').send({
        from: Array.from({ length: 5000 }, () => 'x'),
      }),
    status: 400,
    message: /from has more than 1000 items/,
    code: 'TOO_MANY_ITEMS',
  },
  {
    name: '5,000 keys in a claim',
    send: (t) =>
      call(t, 'post', '/claims', 'reviewer').send(
        Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i])),
      ),
    status: 400,
    message: /body has more than 1000 items/,
    code: 'TOO_MANY_ITEMS',
  },
  {
    name: '2,000 evidence entries',
    send: (t, ids) =>
      call(t, 'post', `/claims/${ids.claim}/reviews`, 'reviewer')
        .set('If-Match', '"1"')
        .send({
          verdict: 'false',
          rationale: 'r',
          evidence: Array(2000).fill({ url: 'https://x.org' }),
        }),
    status: 400,
    message: /evidence has more than 1000 items/,
    field: 'evidence',
  },
];

const FORGED_CURSORS: [string, string][] = [
  ['not base64 JSON', 'AAAA'],
  ['a JSON object', cursorOf({ a: 1 })],
  ['an empty array', cursorOf([])],
  ['null', cursorOf(null)],
  ['a nested array', cursorOf([[1], [2]])],
  ['three parts', cursorOf(['2010-01-01T00:00:00.000Z', UNKNOWN, 3])],
  ['a date that does not exist', cursorOf(['2010-02-30T00:00:00.000Z', UNKNOWN])],
  ['a year beyond Postgres', cursorOf(['+275760-09-13T00:00:00.000Z', UNKNOWN])],
  ['a non-UUID id', cursorOf(['2010-01-01T00:00:00.000Z', 'x'])],
  ['a number for a date', Buffer.from(`[1e999,"${UNKNOWN}"]`).toString('base64url')],
  ['a NUL inside', cursorOf([`2010${NUL}`, UNKNOWN])],
  ['a negative sequence', cursorOf([-1])],
  ['a fractional sequence', cursorOf([1.5])],
  ['a huge sequence', cursorOf(['99999999999999999999999'])],
  ['SQL in it', cursorOf(["1' OR '1'='1"])],
];

const cursors: Case[] = ['/articles', '/quotes', '/claims'].flatMap((path) =>
  FORGED_CURSORS.map(([what, cursor]) => ({
    name: `forged cursor on GET ${path}: ${what}`,
    send: (t: TestApp) => call(t, 'get', path, 'journalist').query({ cursor }),
    status: 400,
    message: /cursor/,
    field: 'cursor',
  })),
);

const ID_ROUTES: { verb: Verb; path: (id: string) => string; role: Role; body?: object }[] = [
  { verb: 'get', path: (id) => `/articles/${id}`, role: 'journalist' },
  { verb: 'get', path: (id) => `/quotes/${id}`, role: 'journalist' },
  { verb: 'patch', path: (id) => `/quotes/${id}`, role: 'reviewer', body: { text: 'x' } },
  { verb: 'get', path: (id) => `/speakers/${id}`, role: 'journalist' },
  {
    verb: 'post',
    path: (id) => `/speakers/${id}/merge`,
    role: 'reviewer',
    body: { from: ['00000000-0000-4000-8000-000000000000'] },
  },
  { verb: 'get', path: (id) => `/claims/${id}`, role: 'journalist' },
  {
    verb: 'post',
    path: (id) => `/claims/${id}/reviews`,
    role: 'reviewer',
    body: { verdict: 'false', rationale: 'r' },
  },
  { verb: 'delete', path: (id) => `/keys/${id}`, role: 'admin' },
];

const BAD_IDS: [string, string][] = [
  ['not a UUID', 'not-a-uuid'],
  ['a NUL', '%00'],
  ['SQL', "1'%20OR%20'1'%3D'1"],
  ['5,000 characters', 'a'.repeat(5000)],
  ['a UUID with a NUL after it', `${UNKNOWN}%00`],
];

const pathParams: Case[] = ID_ROUTES.flatMap(({ verb, path, role, body }) => [
  ...BAD_IDS.map(([what, id]) => ({
    name: `${verb.toUpperCase()} ${path(':id')} with ${what}`,
    send: (t: TestApp) => {
      const r = call(t, verb, path(id), role).set('If-Match', '"1"');
      return body ? r.send(body) : r;
    },
    status: 400,
    message: /must be a UUID/,
  })),
  {
    name: `${verb.toUpperCase()} ${path(':id')} with broken percent-encoding`,
    send: (t: TestApp) => {
      const r = call(t, verb, path('%E0%A4%A'), role).set('If-Match', '"1"');
      return body ? r.send(body) : r;
    },
    status: 400,
    message: /./,
  },
  {
    name: `${verb.toUpperCase()} ${path(':id')} with an unknown id`,
    send: (t: TestApp) => {
      const r = call(t, verb, path(UNKNOWN), role).set('If-Match', '"1"');
      return body ? r.send(body) : r;
    },
    status: 404,
    message: /./,
  },
]);

const bodyShapes: Case[] = BODY_ROUTES.flatMap((route) => [
  {
    name: `oversized body to ${route.name}`,
    send: (t: TestApp, ids: Ids) =>
      sendBody(route, t, ids).send({ ...route.valid, pad: 'x'.repeat(LIMIT + 10) }),
    status: 413,
    message: /exceeds the limit/,
  },
  {
    name: `XML to ${route.name}`,
    send: (t: TestApp, ids: Ids) => raw(sendBody(route, t, ids), 'application/xml', '<a>1</a>'),
    status: 415,
    message: /application\/json/,
  },
  {
    name: `a form to ${route.name}`,
    send: (t: TestApp, ids: Ids) =>
      raw(sendBody(route, t, ids), 'application/x-www-form-urlencoded', 'a=1&b=2'),
    status: 415,
    message: /application\/json/,
  },
  {
    name: `malformed JSON to ${route.name}`,
    send: (t: TestApp, ids: Ids) => raw(sendBody(route, t, ids), 'application/json', '{"a": '),
    status: 400,
    message: /Malformed JSON/,
  },
  {
    name: `a JSON string at the top level of ${route.name}`,
    send: (t: TestApp, ids: Ids) => raw(sendBody(route, t, ids), 'application/json', '"text"'),
    status: 400,
    message: /./,
  },
  {
    name: `a JSON array at the top level of ${route.name}`,
    send: (t: TestApp, ids: Ids) => sendBody(route, t, ids).send([route.valid]),
    status: 400,
    message: /./,
  },
  {
    name: `invalid UTF-8 to ${route.name}`,
    send: (t: TestApp, ids: Ids) =>
      raw(
        sendBody(route, t, ids),
        'application/json',
        Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]),
      ),
    status: 400,
    message: /UTF-8/,
  },
  {
    name: `an unknown charset to ${route.name}`,
    send: (t: TestApp, ids: Ids) =>
      raw(sendBody(route, t, ids), 'application/json; charset=koi8-r', '{}'),
    status: 415,
    message: /./,
  },
]);

const textPlainElsewhere: Case[] = BODY_ROUTES.filter(
  (r) => !['POST /articles', 'POST /extract'].includes(r.name),
).map((route) => ({
  name: `text/plain to ${route.name}`,
  send: (t: TestApp, ids: Ids) => raw(sendBody(route, t, ids), 'text/plain', 'hello'),
  status: 415,
  message: /application\/json/,
}));

const values: Case[] = [
  ['/quotes', { verdict: 'maybe' }, /verdict must be one of/],
  ['/quotes', { from: '2010-02-30' }, /from must be a valid ISO 8601/],
  ['/quotes', { to: 'yesterday' }, /to must be a valid ISO 8601/],
  ['/quotes', { from: '99999-01-01' }, /from must be a valid ISO 8601/],
  ['/quotes', { from: '2010-W01' }, /from must be a valid ISO 8601 date/],
  ['/quotes', { to: '20100101' }, /to must be a valid ISO 8601 date/],
  ['/exports/quote-sheet', { from: '2010-001' }, /from must be a valid ISO 8601 date/],
  ['/quotes', { article: 'x' }, /article must be a UUID/],
  ['/quotes', { limit: '1e999' }, /limit/],
  ['/quotes', { limit: '-1' }, /limit/],
  ['/quotes', { limit: '101' }, /limit/],
  ['/quotes', { q: 'x'.repeat(501) }, /q must be shorter/],
  ['/quotes', { q: ['a', 'b'] }, /q must be/],
  ['/quotes/lookup', {}, /text must be/],
  ['/quotes/lookup', { text: 'ab' }, /text must be longer/],
  ['/quotes/lookup', { text: 'abc', limit: '51' }, /limit/],
  ['/speakers', { q: '' }, /q must be longer/],
  ['/speakers', { sort: 'loudest' }, /sort must be one of/],
  ['/speakers', { q: 'x', limit: 'abc' }, /limit/],
  ['/claims', { status: 'maybe' }, /status must be one of/],
  ['/claims', { flagged: 'maybe' }, /flagged must be a boolean/],
  ['/claims', { speaker: 'x'.repeat(201) }, /speaker must be shorter/],
  ['/exports/quote-sheet', { format: 'pdf' }, /format must be one of/],
  ['/exports/quote-sheet', { format: 'xlsx', verdict: 'maybe' }, /verdict must be one of/],
  ['/exports/quote-sheet', { limit: '5' }, /property limit should not exist/],
  ['/exports/claim-review', { claim: 'x' }, /claim must be a UUID/],
  ['/audit', { before: 'x' }, /before must match/],
  ['/audit', { limit: '501' }, /limit/],
  ['/articles', { sort: 'x' }, /property sort should not exist/],
].map(([path, query, message]) => ({
  name: `GET ${String(path)} ?${new URLSearchParams(query as Record<string, string>).toString()}`,
  send: (t: TestApp) => call(t, 'get', path as string, 'admin').query(query as object),
  status: 400,
  message: message as RegExp,
}));

const bodies: Case[] = (
  [
    ['/claims', {}, /quote|text/],
    ['/claims', { quoteId: 'x' }, /quoteId must be a UUID/],
    ['/claims', { quoteId: UNKNOWN, start: -1 }, /start must not be less than 0/],
    ['/claims', { quoteId: UNKNOWN, end: 'x' }, /end must be an integer/],
    ['/claims', { text: 'ab', speakerId: UNKNOWN }, /text must be longer/],
    ['/claims', { text: '   \n   ', speakerId: UNKNOWN }, /text must match/],
    ['/keys', { name: 'x', role: 'root' }, /role must be one of/],
    ['/keys', { name: '   ', role: 'admin' }, /name must not be blank/],
    ['/keys', { name: 'x'.repeat(201), role: 'admin' }, /name must be shorter/],
    ['/articles', { body: 'Text.', url: 'javascript:alert(1)' }, /url must be a URL/],
    ['/articles', { body: 'Text.', publishedAt: '2010-13-01' }, /publishedAt/],
    ['/articles', { body: 'Text.', publishedAt: '2010-W01' }, /publishedAt must be a valid/],
    ['/claims', { quoteId: null }, /quoteId must be a UUID/],
    ['/claims', { text: null, speakerId: UNKNOWN }, /text must be a string/],
    ['/articles', { body: 42 }, /body must be a string/],
    ['/extract', { body: { nested: 'x' } }, /body must be a string/],
  ] as [string, object, RegExp][]
).map(([path, body, message]) => ({
  name: `POST ${path} ${JSON.stringify(body).slice(0, 60)}`,
  send: (t: TestApp) => call(t, 'post', path, 'admin').send(body),
  status: 400,
  message,
}));

const idBodies: Case[] = [
  {
    name: 'review with an unknown verdict',
    send: (t, ids) =>
      call(t, 'post', `/claims/${ids.claim}/reviews`, 'reviewer')
        .set('If-Match', '"1"')
        .send({ verdict: 'pants-on-fire', rationale: 'r' }),
    status: 400,
    message: /verdict must be one of/,
  },
  {
    name: 'review with javascript: evidence',
    send: (t, ids) =>
      call(t, 'post', `/claims/${ids.claim}/reviews`, 'reviewer')
        .set('If-Match', '"1"')
        .send({ verdict: 'false', rationale: 'r', evidence: [{ url: 'javascript:alert(1)' }] }),
    status: 400,
    message: /url must be a URL/,
  },
  {
    name: 'review with 21 evidence entries',
    send: (t, ids) =>
      call(t, 'post', `/claims/${ids.claim}/reviews`, 'reviewer')
        .set('If-Match', '"1"')
        .send({
          verdict: 'false',
          rationale: 'r',
          evidence: Array.from({ length: 21 }, () => ({ url: 'https://example.org' })),
        }),
    status: 400,
    message: /evidence/,
  },
  {
    name: 'review with evidence not an array',
    send: (t, ids) =>
      call(t, 'post', `/claims/${ids.claim}/reviews`, 'reviewer')
        .set('If-Match', '"1"')
        .send({ verdict: 'false', rationale: 'r', evidence: 'x' }),
    status: 400,
    message: /evidence/,
  },
  {
    name: 'review with a stale If-Match',
    send: (t, ids) =>
      call(t, 'post', `/claims/${ids.claim}/reviews`, 'reviewer')
        .set('If-Match', '"99"')
        .send({ verdict: 'false', rationale: 'r' }),
    status: 412,
  },
  {
    name: 'review with a garbage If-Match',
    send: (t, ids) =>
      call(t, 'post', `/claims/${ids.claim}/reviews`, 'reviewer')
        .set('If-Match', 'W/"x\'; DROP TABLE claim;--"')
        .send({ verdict: 'false', rationale: 'r' }),
    status: 412,
  },
  {
    name: 'review without If-Match',
    send: (t, ids) =>
      call(t, 'post', `/claims/${ids.claim}/reviews`, 'reviewer').send({
        verdict: 'false',
        rationale: 'r',
      }),
    status: 428,
  },
  {
    name: 'patch a quote with an unknown attribution status',
    send: (t, ids) =>
      call(t, 'patch', `/quotes/${ids.quote}`, 'reviewer').send({ attributionStatus: 'maybe' }),
    status: 400,
    message: /attributionStatus must be one of/,
  },
  {
    name: 'patch a quote with an empty text',
    send: (t, ids) => call(t, 'patch', `/quotes/${ids.quote}`, 'reviewer').send({ text: '' }),
    status: 400,
    message: /text must be longer/,
  },
  {
    name: 'patch a quote with a stale If-Match',
    send: (t, ids) =>
      call(t, 'patch', `/quotes/${ids.quote}`, 'reviewer')
        .set('If-Match', '"999"')
        .send({ text: 'x' }),
    status: 412,
  },
  {
    name: 'merge with no ids',
    send: (t, ids) =>
      call(t, 'post', `/speakers/${ids.speaker}/merge`, 'reviewer').send({ from: [] }),
    status: 400,
    message: /from/,
  },
  {
    name: 'merge with a non-UUID',
    send: (t, ids) =>
      call(t, 'post', `/speakers/${ids.speaker}/merge`, 'reviewer').send({ from: ['x'] }),
    status: 400,
    message: /from/,
  },
  {
    name: 'merge with 51 ids',
    send: (t, ids) =>
      call(t, 'post', `/speakers/${ids.speaker}/merge`, 'reviewer').send({
        from: Array.from({ length: 51 }, () => UNKNOWN),
      }),
    status: 400,
    message: /from/,
  },
];

const auth: Case[] = [
  ['Bearer', 401],
  ['Basic dXNlcjpwYXNz', 401],
  ['Bearer short', 401],
  [`Bearer ${'k'.repeat(600)}`, 401],
  ['Bearer not-a-real-key-123', 401],
].map(([header, status]) => ({
  name: `Authorization: ${String(header).slice(0, 30)}`,
  send: (t: TestApp) =>
    request(t.http)
      .post('/api/v1/claims')
      .set('Authorization', header as string)
      .send({ text: 'abc' }),
  status: status as number,
}));

const CASES: Case[] = [
  ...nulInQuery,
  ...nulInExports,
  ...nulInBody,
  ...nulDeep,
  ...surrogates,
  ...deepJson,
  ...tooMany,
  ...cursors,
  ...pathParams,
  ...bodyShapes,
  ...textPlainElsewhere,
  ...values,
  ...bodies,
  ...idBodies,
  ...auth,
];

const TABLES = [
  'document',
  'article',
  'article_source',
  'speaker',
  'speaker_alias',
  'speaker_affiliation',
  'quote',
  'quote_occurrence',
  'claim',
  'claim_review',
  'claim_quote',
  'api_key',
  'audit_log',
];

// Row counts, quote and claim versions and revocations: a change anywhere shows. One
// connection for the whole file (a fresh one per query doubled the run time).
const SNAPSHOT = `SELECT ${TABLES.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')},
        (SELECT coalesce(sum(version), 0) FROM quote) AS quote_versions,
        (SELECT coalesce(sum(version), 0) FROM claim) AS claim_versions,
        (SELECT count(*) FROM api_key WHERE revoked_at IS NOT NULL) AS revoked`;

describe(`hostile input: ${CASES.length} bad requests, each a 4xx in the error shape, nothing written`, () => {
  let t: TestApp;
  let db: Client;
  const ids = {} as Ids;
  const snapshot = async () => (await db.query(SNAPSHOT)).rows[0] as Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ BODY_LIMIT: String(LIMIT) });
    db = new Client({ connectionString: t.db.url });
    await db.connect();
    await t.app.get(SeedLoader).load(SEEDS_DIR);
    const quotes = (await call(t, 'get', '/quotes?limit=5', 'journalist').expect(200)).body.items;
    ids.quote = quotes[0].id;
    ids.speaker = quotes[0].speaker.id;
    ids.otherSpeaker = quotes.find((q: { speaker: { id: string } }) => q.speaker.id !== ids.speaker)
      ?.speaker.id;
    ids.article = (await call(t, 'get', '/articles', 'journalist').expect(200)).body.items[0].id;
    ids.claim = (
      await call(t, 'post', '/claims', 'reviewer').send({ quoteId: ids.quote }).expect(201)
    ).body.id;
    ids.key = (await call(t, 'get', '/keys', 'admin').expect(200)).body[0].id;
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  it('has at least 150 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES)('$name → $status', async ({ send, status, message, field, code }) => {
    const before = await snapshot();
    const res = await send(t, ids);
    expect({ status: res.status, body: res.body }).toEqual({
      status,
      body: expect.objectContaining({
        statusCode: status,
        error: expect.any(String),
        message: message ? expect.stringMatching(message) : expect.any(String),
        requestId: expect.any(String),
      }),
    });
    expect(res.headers['x-request-id']).toBe(res.body.requestId);
    if (field) expect(res.body.details).toEqual(expect.objectContaining({ field }));
    if (code) expect(res.body.details).toEqual(expect.objectContaining({ code }));
    expect(await snapshot()).toEqual(before);
  });
});
