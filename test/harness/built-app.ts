import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { TestDatabase } from './test-database';
import { seedFiles } from './seeds';
import { freePort, ROOT, spawnApi } from './spawn-api';

// The built processes (`npm run build`), started as the README starts them, on a test database:
// the API, queue workers and the CLI. Children are killed by killChildren (call it afterEach);
// one started for a whole file (beforeAll) by killFileChildren (afterAll).
export const WORKER = join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js');
export const CLI = join(ROOT, 'dist', 'apps', 'cli', 'src', 'main.js');
export const ADMIN_KEY = 'built-app-e2e-admin-key-0123456789';
export const auth = { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' };

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`gave up waiting for ${what}`);
}

export function env(db: TestDatabase, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: db.url,
    MIGRATION_DATABASE_URL: db.ownerUrl,
    LOG_LEVEL: 'warn',
    SEED_ON_START: 'false',
    BOOTSTRAP_ADMIN_KEY: ADMIN_KEY,
    RATE_LIMIT_WRITES: '0',
    RATE_LIMIT_READS: '0',
    ...extra,
  };
}

type Scope = 'test' | 'file';
const children: Record<Scope, ChildProcess[]> = { test: [], file: [] };
export function run(file: string, e: NodeJS.ProcessEnv, scope: Scope = 'test'): ChildProcess {
  const child = spawn(process.execPath, [file], { cwd: ROOT, env: e, stdio: 'ignore' });
  children[scope].push(child);
  return child;
}

const kill = (scope: Scope) => {
  for (const c of children[scope].splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
};
export const killChildren = () => kill('test');
export const killFileChildren = () => kill('file');

export async function startApi(
  db: TestDatabase,
  extra: Record<string, string>,
  scope: Scope = 'test',
): Promise<string> {
  const app = await spawnApi(await freePort(), env(db, extra));
  children[scope].push(app.child);
  return app.base;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

// A CLI run to its end, its output captured.
export function cli(args: string[], e: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: e });
    children.test.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface Ingest {
  document: { id: string; created: boolean };
  articles: { id: string; extraction: { status: string }; quotes: unknown[] }[];
}
interface Preview {
  articles: { start: number; quotes: { start: number; end: number }[] }[];
}

// Every article's stored quotes are exactly what POST /extract finds in its document.
export async function expectAsExtracted(base: string, body: string, ingest: Ingest): Promise<void> {
  const preview = (await (
    await fetch(`${base}/api/v1/extract`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ body }),
    })
  ).json()) as Preview;
  expect(ingest.articles).toHaveLength(preview.articles.length);
  for (const [i, a] of ingest.articles.entries()) {
    const got = (await (await fetch(`${base}/api/v1/articles/${a.id}`)).json()) as {
      extraction: { status: string };
      quotes: { start: number; end: number }[];
    };
    expect(got.extraction.status).toBe('done');
    const seg = preview.articles[i];
    expect(got.quotes.map((q) => `${q.start}-${q.end}`).sort()).toEqual(
      seg.quotes.map((q) => `${q.start - seg.start}-${q.end - seg.start}`).sort(),
    );
  }
}

export const postArticle = (
  base: string,
  body: string,
  query = '',
  headers: Record<string, string> = {},
) =>
  fetch(`${base}/api/v1/articles${query}`, {
    method: 'POST',
    headers: { ...auth, ...headers },
    body: JSON.stringify({ body }),
  });

// Distinct documents (content addressing) with quotes: the seeds, each with its own coda.
export const documents = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    const seeds = seedFiles();
    return `${seeds[i % seeds.length].body}\n\n"Copy ${i} was filed late," said Dana Reyes ${i}.\n`;
  });
