import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ROOT, spawnApi, SpawnedApi } from '../harness/spawn-api';
import { cli } from '../harness/built-app';

// The CLI as the README runs it (`npm run cli -- …` is `node dist/apps/cli/src/main.js …` after
// a build), next to the built API on the embedded default: same DATA_DIR, no DATABASE_URL.
const SEEDS = join(ROOT, 'seeds');
const ADMIN_KEY = 'cli-e2e-bootstrap-admin-key';

// A clean environment: no DATABASE_URL, quiet logs, this test's DATA_DIR.
function envFor(dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.BOOTSTRAP_ADMIN_KEY;
  return { ...env, LOG_LEVEL: 'warn', DATA_DIR: dataDir, ...extra };
}

const postmasterFile = (dataDir: string): string => {
  try {
    return readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8');
  } catch {
    return '';
  }
};
const postmasterPid = (dataDir: string): number | undefined =>
  Number(postmasterFile(dataDir).split('\n')[0]) || undefined;

const HELP = [
  ['--help'],
  ['help'],
  ['help', 'keys'],
  ['import', '--help'],
  ['keys', '--help'],
  ['keys', 'create', '--help'],
  ['keys', 'list', '--help'],
  ['keys', 'revoke', '-h'],
  ['export', '--help'],
  ['migrate', '--help'],
  ['reextract', '--help'],
  ['reextract', '--all', '--help'],
];

// Each CLI run is a process of its own (~0.1 s for help, ~1 s with the app): on a loaded machine
// a test of several runs takes a while, hence the generous timeout.
jest.setTimeout(60_000);

// One temporary folder for the file, removed by a top-level hook that runs even when a filter
// (-t) skips whole describe blocks. The postgres user must be able to traverse it.
const ROOT_TMP = mkdtempSync(join(tmpdir(), 'quote-ledger-cli-'));
chmodSync(ROOT_TMP, 0o755);
afterAll(() => rmSync(ROOT_TMP, { recursive: true, force: true }));
const folder = (name: string): string => {
  const path = join(ROOT_TMP, name);
  mkdirSync(path, { mode: 0o755 });
  return path;
};

describe('CLI help and usage: decided before any database', () => {
  const dir = folder('help');
  // Any attempt to open a database would create this folder or fail on that URL.
  const dataDir = join(dir, 'never-created');
  const noDatabase = envFor(dataDir);

  // Each case is its own process; they run side by side to keep the file fast.
  it('every command and subcommand prints help with --help, exits 0, opens nothing', async () => {
    const runs = await Promise.all(HELP.map((args) => cli(args, noDatabase)));
    runs.forEach((run, i) => {
      const args = HELP[i];
      expect({ args, code: run.code, stderr: run.stderr }).toEqual({ args, code: 0, stderr: '' });
      expect(run.stdout).toMatch(/^usage: npm run cli -- /);
      expect(run.stdout).toContain('--help');
    });
    expect(runs[HELP.findIndex((a) => a.join() === 'keys,create,--help')].stdout).toMatch(
      /--role ROLE/,
    );
    expect(existsSync(dataDir)).toBe(false);
  });

  it('lists every command in the top-level help', async () => {
    const { stdout } = await cli(['--help'], noDatabase);
    for (const c of ['import', 'keys', 'export', 'migrate', 'reextract'])
      expect(stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
  });

  it('runs nothing with --help even when DATABASE_URL points nowhere', async () => {
    const env = { ...noDatabase, DATABASE_URL: 'postgres://nobody:x@127.0.0.1:1/nothing' };
    for (const args of [
      ['migrate', '--help'],
      ['reextract', '--help'],
      ['import', SEEDS, '-h'],
    ]) {
      const run = await cli(args, env);
      expect({ args, code: run.code, stderr: run.stderr }).toEqual({ args, code: 0, stderr: '' });
    }
  });

  // A sample; apps/cli/src/cli.spec.ts covers the grammar case by case.
  const USAGE_ERRORS: [string[], RegExp][] = [
    [['reextract', '--bogus'], /unknown option '--bogus'/],
    [['keys', 'frob'], /unknown keys subcommand 'frob'/],
    [[], /a command is required/],
    [['migrate', 'now'], /unexpected argument 'now'/],
    [['keys', 'create', '--name', 'x', '--role', 'boss'], /--role must be one of/],
    [['export', '--format', 'pdf'], /format must be one of/],
  ];

  it('a bad command, subcommand, flag or argument is a usage error: exit 2 with usage', async () => {
    const runs = await Promise.all(USAGE_ERRORS.map(([args]) => cli(args, noDatabase)));
    runs.forEach((run, i) => {
      const [args, message] = USAGE_ERRORS[i];
      expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(run.stderr).toMatch(/^error: /);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain('usage: npm run cli -- ');
    });
    expect(existsSync(dataDir)).toBe(false);
  });

  it('says in one line that a path is missing', async () => {
    const run = await cli(['import', join(dir, 'nope.txt')], noDatabase);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`error: no such file or folder: ${join(dir, 'nope.txt')}\n`);
  });
});

describe('CLI next to a running API on the embedded default', () => {
  const dataDir = folder('api-first');
  let api: SpawnedApi;
  let base: string;
  let env: NodeJS.ProcessEnv;
  let serverPid: number | undefined;

  beforeAll(async () => {
    const [port, pgPort] = [await freePort(), await freePort()];
    api = await spawnApi(
      port,
      envFor(dataDir, {
        HOST: '127.0.0.1',
        EMBEDDED_PG_PORT: String(pgPort),
        BOOTSTRAP_ADMIN_KEY: ADMIN_KEY,
        SEED_ON_START: 'false',
      }),
    );
    base = api.base;
    serverPid = postmasterPid(dataDir);
    // The CLI is not told the port: postmaster.pid in DATA_DIR says where the server listens.
    env = envFor(dataDir);
  }, 60_000);

  afterAll(async () => {
    if (api) await api.stop();
  });

  const health = () => fetch(`${base}/health`).then((r) => r.json() as Promise<{ status: string }>);

  it('keys list uses the running server, which keeps running', async () => {
    const run = await cli(['keys', 'list'], env);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const keys = JSON.parse(run.stdout) as { name: string; role: string }[];
    expect(keys).toContainEqual(
      expect.objectContaining({ name: 'bootstrap admin', role: 'admin' }),
    );
    expect(postmasterPid(dataDir)).toBe(serverPid);
    expect(await health()).toMatchObject({ status: 'ok' });
  });

  it('import seeds/ stores articles the API then serves', async () => {
    const run = await cli(['import', SEEDS], env);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as {
      files: number;
      created: number;
      existing: number;
      articles: number;
      failed: unknown[];
    };
    expect(summary.failed).toEqual([]);
    expect(summary.files).toBeGreaterThan(0);
    expect(summary.created + summary.existing).toBe(summary.files);
    const page = (await (await fetch(`${base}/api/v1/articles?limit=100`)).json()) as {
      items: unknown[];
    };
    expect(page.items.length).toBeGreaterThan(0);
    expect(postmasterPid(dataDir)).toBe(serverPid);
  });

  it('a key made by `keys create` works against the running API; `keys revoke` too', async () => {
    const create = async () => {
      const run = await cli(['keys', 'create', '--name', 'cli e2e', '--role', 'reviewer'], env);
      expect(run.code).toBe(0);
      return JSON.parse(run.stdout) as { id: string; key: string };
    };
    const post = (key: string) =>
      fetch(`${base}/api/v1/articles`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          title: 'CLI key check',
          body: `"The key from the command line works," said Ada Lovelace, a tester. ${key}`,
        }),
      });
    const used = await create();
    expect((await post(used.key)).status).toBe(201);
    // The API remembers a verified key for 30 s (ApiKeysService), so revoke one it has not seen.
    const unused = await create();
    expect(await cli(['keys', 'revoke', unused.id], env)).toMatchObject({
      code: 0,
      stdout: `revoked ${unused.id}\n`,
    });
    expect((await post(unused.key)).status).toBe(401);
  });

  it('--help touches nothing even next to the running server', async () => {
    const before = await (await fetch(`${base}/api/v1/articles?limit=100`)).text();
    for (const args of [
      ['reextract', '--all', '--help'],
      ['migrate', '--help'],
    ])
      expect((await cli(args, env)).code).toBe(0);
    expect(await (await fetch(`${base}/api/v1/articles?limit=100`)).text()).toBe(before);
    expect(postmasterPid(dataDir)).toBe(serverPid);
  });

  it('the API that started the server stops it on SIGTERM', async () => {
    expect(await health()).toMatchObject({ status: 'ok' });
    expect(await api.stop()).toBe(0);
    expect(postmasterPid(dataDir)).toBeUndefined();
  });

  // The CLI starts the server and then blocks reading a FIFO: a long `import` with a handle on
  // when it ends. The API starts meanwhile and shares the server; when the CLI ends it stops the
  // server it started, and the API starts it again on the same folder and port.
  it('shares the server, then keeps serving when the CLI stops it', async () => {
    // Nothing runs on DATA_DIR now (the test above stopped the API); the folder is migrated.
    expect(postmasterPid(dataDir)).toBeUndefined();
    const [port, pgPort] = [await freePort(), await freePort()];
    const env = envFor(dataDir, { EMBEDDED_PG_PORT: String(pgPort) });
    const fifo = join(dataDir, 'article.txt');
    execFileSync('mkfifo', [fifo]);
    const importing = cli(['import', fifo], env);
    for (let i = 0; i < 120 && !/ready/.test(postmasterFile(dataDir)); i++)
      await new Promise((r) => setTimeout(r, 250));
    const cliServer = postmasterPid(dataDir);
    expect(cliServer).toBeDefined();

    api = await spawnApi(port, { ...env, HOST: '127.0.0.1', SEED_ON_START: 'false' });
    const base = api.base;
    expect(postmasterPid(dataDir)).toBe(cliServer);

    await writeFile(fifo, readFileSync(join(SEEDS, readdirSync(SEEDS).sort()[0]), 'utf8'));
    const run = await importing;
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ files: 1, failed: [] });

    // The API notices within a second and starts the server again.
    let items: unknown[] = [];
    for (let i = 0; i < 120 && items.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 250));
      const res = await fetch(`${base}/api/v1/articles?limit=100`).catch(() => undefined);
      if (res?.ok) items = ((await res.json()) as { items: unknown[] }).items;
    }
    expect(items.length).toBeGreaterThan(0);
    const apiServer = postmasterPid(dataDir);
    expect(apiServer).toBeDefined();
    expect(apiServer).not.toBe(cliServer);
    expect(await api.stop()).toBe(0);
    expect(postmasterPid(dataDir)).toBeUndefined(); // the API stopped what it started
  });
});

describe('CLI on a data folder locked by something that does not answer', () => {
  const dataDir = folder('locked');
  let holder: ChildProcess;
  beforeAll(() => {
    holder = spawn('sleep', ['60'], { stdio: 'ignore' });
    mkdirSync(join(dataDir, 'pg'));
    // postmaster.pid as PostgreSQL writes it, naming a live process that is no PostgreSQL.
    writeFileSync(
      join(dataDir, 'pg', 'postmaster.pid'),
      `${holder.pid}\n${join(dataDir, 'pg')}\n0\n1\n\n127.0.0.1\n0\nready   \n`,
    );
  });
  afterAll(() => {
    holder.kill();
  });

  it('says what to do in one line and exits 1', async () => {
    const run = await cli(['keys', 'list'], envFor(dataDir));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`is locked by process ${holder.pid} (sleep)`);
    expect(run.stderr).toContain('set DATABASE_URL');
    expect(run.stderr).not.toContain('undefined');
  });
});
