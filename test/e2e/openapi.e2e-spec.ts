import { writeFileSync } from 'node:fs';
import request from 'supertest';
import { createTestApp, TestApp } from '../harness/test-app';

type Json = Record<string, unknown>;
interface Doc {
  openapi: string;
  info: { title?: string; version?: string };
  servers?: { url: string }[];
  paths: Record<string, Record<string, Json>>;
  components?: { schemas?: Record<string, Json>; securitySchemes?: Record<string, Json> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
// Properties that really are free-form JSON (an audit record's before/after snapshots,
// an error's details). Anything else typed as a bare `object` is a generator's `any`.
const FREE_FORM = new Set([
  'ErrorBody.details',
  'AuditEntryDto.before',
  'AuditEntryDto.after',
  'QuoteHistoryEntryDto.before',
  'QuoteHistoryEntryDto.after',
]);

function operations(doc: Doc): { id: string; op: Json }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ id: `${method.toUpperCase()} ${path}`, op })),
  );
}

// Every JSON pointer ($ref) must resolve inside the document.
function refs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refs(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

function resolves(doc: Doc, ref: string): boolean {
  if (!ref.startsWith('#/')) return false;
  let node: unknown = doc;
  for (const part of ref.slice(2).split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!node || typeof node !== 'object' || !(key in node)) return false;
    node = (node as Json)[key];
  }
  return node !== undefined;
}

// A property whose schema is `object` with neither properties, a typed map nor a composed
// schema (a nullable DTO is `{nullable, allOf: [$ref]}`).
function bareObjects(name: string, schema: Json, out: string[]): void {
  const props = (schema.properties ?? {}) as Record<string, Json>;
  for (const [prop, s] of Object.entries(props)) {
    const item = (s.type === 'array' ? (s.items as Json) : s) ?? {};
    const bare =
      item.type === 'object' &&
      !item.properties &&
      !item.allOf &&
      !item.oneOf &&
      !item.anyOf &&
      (item.additionalProperties === undefined || item.additionalProperties === true);
    if (bare && !FREE_FORM.has(`${name}.${prop}`)) out.push(`${name}.${prop}`);
  }
}

// A request body's fields, nested DTOs included, each with an example (or an enum or default
// that serves as one), unless the operation gives whole-body examples.
function missingExamples(doc: Doc, ref: string, out: string[], seen = new Set<string>()): void {
  const name = ref.split('/').pop() ?? ref;
  if (seen.has(name)) return;
  seen.add(name);
  const props = (doc.components?.schemas?.[name]?.properties ?? {}) as Record<string, Json>;
  for (const [prop, s] of Object.entries(props)) {
    const items = (s.items ?? {}) as Json;
    const nested = (s.$ref ?? items.$ref ?? (s.allOf as Json[] | undefined)?.[0]?.$ref) as
      string | undefined;
    if (nested) missingExamples(doc, nested, out, seen);
    else if (s.example === undefined && s.default === undefined && !s.enum && !items.enum)
      out.push(`${name}.${prop}: no example`);
  }
}

// Everything a client generator needs to be told, as a list of what is missing.
export function violations(doc: Doc): string[] {
  const out: string[] = [];
  if (!/^3\.\d+\.\d+$/.test(doc.openapi ?? '')) out.push('openapi: not 3.x.y');
  if (!doc.info?.title || !doc.info?.version) out.push('info: title and version are required');
  if (!doc.paths || typeof doc.paths !== 'object') out.push('paths: missing');
  if (!doc.servers?.length) out.push('servers: none declared');
  const schemas = doc.components?.schemas ?? {};
  for (const stray of ['Object', 'Function']) {
    if (schemas[stray]) out.push(`schema ${stray}: stray`);
  }
  for (const [name, schema] of Object.entries(schemas)) bareObjects(name, schema, out);
  for (const ref of refs(doc)) if (!resolves(doc, ref)) out.push(`$ref ${ref}: does not resolve`);
  const bearer = Object.values(doc.components?.securitySchemes ?? {});
  for (const scheme of bearer) {
    if (scheme.bearerFormat === 'JWT') out.push('security: bearerFormat JWT for opaque keys');
  }
  const ids = new Set<string>();
  const schemeNames = new Set(Object.keys(doc.components?.securitySchemes ?? {}));
  for (const { id, op } of operations(doc)) {
    // The OpenAPI 3 rules a generator trips over: responses need a description, path
    // templates need a required path parameter, security names a declared scheme.
    for (const [code, r] of Object.entries((op.responses ?? {}) as Record<string, Json>)) {
      if (typeof r.description !== 'string') out.push(`${id} ${code}: no description`);
    }
    const params = (op.parameters ?? []) as Json[];
    for (const p of params) {
      if (
        typeof p.name !== 'string' ||
        !['query', 'header', 'path', 'cookie'].includes(String(p.in))
      )
        out.push(`${id}: parameter without name or in`);
    }
    for (const [, name] of id.matchAll(/\{(\w+)\}/g)) {
      if (!params.some((p) => p.in === 'path' && p.name === name && p.required === true))
        out.push(`${id}: path parameter ${name} not declared`);
    }
    for (const req of (op.security ?? []) as Json[]) {
      for (const name of Object.keys(req))
        if (!schemeNames.has(name)) out.push(`${id}: unknown security scheme ${name}`);
    }
    if (!op.summary) out.push(`${id}: no summary`);
    if (typeof op.operationId === 'string') {
      if (ids.has(op.operationId)) out.push(`${id}: duplicate operationId`);
      ids.add(op.operationId);
    }
    const responses = (op.responses ?? {}) as Record<string, Json>;
    const codes = Object.keys(responses);
    if (!codes.some((c) => /^2\d\d$|^3\d\d$/.test(c))) out.push(`${id}: no success response`);
    const errors = codes.filter((c) => /^[45]\d\d$/.test(c));
    if (errors.length === 0) out.push(`${id}: no error responses`);
    for (const code of errors) {
      const schema = (responses[code].content as Record<string, Json> | undefined)?.[
        'application/json'
      ]?.schema as Json | undefined;
      if (schema?.$ref !== '#/components/schemas/ErrorBody')
        out.push(`${id} ${code}: not the ErrorBody schema`);
    }
    const body = (op.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
    for (const media of Object.values(body ?? {})) {
      if (media.examples) continue;
      const schema = (media.schema ?? {}) as Json;
      const bodyRefs = [schema, ...((schema.oneOf ?? []) as Json[])].map((x) => x.$ref);
      for (const ref of bodyRefs) if (typeof ref === 'string') missingExamples(doc, ref, out);
    }
    const seenParams = new Set<string>();
    for (const param of (op.parameters ?? []) as Json[]) {
      const s = (param.schema ?? {}) as Json;
      if (!s.type && !s.$ref && !s.enum) out.push(`${id} ${String(param.name)}: untyped`);
      // Header names are case-insensitive: If-Match and if-match twice is one header.
      const key = `${String(param.in)}:${String(param.name).toLowerCase()}`;
      if (seenParams.has(key)) out.push(`${id} ${String(param.name)}: declared twice`);
      seenParams.add(key);
      if (param.in === 'path' && s.format !== 'uuid')
        out.push(`${id} ${String(param.name)}: not a uuid`);
      if (s.type === 'object' && !s.properties)
        out.push(`${id} ${String(param.name)}: bare object`);
    }
  }
  return [...new Set(out)];
}

describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: Doc;

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await request(t.http).get('/docs-json').expect(200)).body as Doc;
  });
  afterAll(() => t.close());

  it('is OpenAPI 3 a client generator can use: summaries, errors, types, refs', () => {
    const found = violations(doc);
    if (process.env.OPENAPI_DUMP) {
      console.log(`${found.length} violations\n${found.join('\n')}`);
      writeFileSync(process.env.OPENAPI_DUMP, JSON.stringify(doc, null, 2));
    }
    expect(found).toEqual([]);
  });

  it('describes the API key as an opaque bearer token, required where a write needs one', () => {
    const schemes = doc.components?.securitySchemes ?? {};
    const bearer = Object.values(schemes).find((s) => s.type === 'http' && s.scheme === 'bearer');
    expect(bearer).toBeDefined();
    expect(bearer?.bearerFormat).toBeUndefined();
    expect(String(bearer?.description)).toMatch(/opaque API key/i);
    const post = doc.paths['/api/v1/articles']?.post;
    expect(post?.security).toBeDefined();
    expect(Object.keys((post?.responses ?? {}) as Json)).toEqual(
      expect.arrayContaining(['400', '401', '403', '413', '415', '429', '503']),
    );
  });

  it('flags an operation without error responses (the check itself works)', () => {
    const broken: Doc = {
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      servers: [{ url: '/' }],
      paths: { '/x': { get: { responses: { '200': { description: 'ok' } } } } },
      components: { schemas: { Object: { type: 'object' } } },
    };
    expect(violations(broken)).toEqual([
      'schema Object: stray',
      'GET /x: no summary',
      'GET /x: no error responses',
    ]);
  });
});
