import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The README's start path, as a newcomer runs it: the built app on an embedded PostgreSQL
// in a fresh data folder; stopped with SIGTERM and started again, nothing lost or doubled.
const MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'api', 'src', 'main.js');
const ROOT = join(__dirname, '..', '..');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function waitForHealth(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('app did not become healthy');
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('start command on the embedded default', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'quote-ledger-start-'));
  chmodSync(dataDir, 0o755);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function run(): Promise<{
    items: { kind: string; kicker: string | null }[];
    code: number | null;
  }> {
    const [port, pgPort] = [await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: 'ignore' });
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(base, child);
    const page = (await (await fetch(`${base}/api/v1/articles?limit=100`)).json()) as {
      items: { kind: string; kicker: string | null }[];
    };
    const code = await stop(child);
    return { items: page.items, code };
  }

  it('serves 7 seeded articles, and the same 7 after a restart', async () => {
    expect(existsSync(MAIN)).toBe(true); // `npm test` builds first; plain `jest` needs `npm run build`
    const first = await run();
    expect(first.code).toBe(0);
    expect(first.items.filter((a) => a.kind === 'article')).toHaveLength(2);
    expect(
      first.items
        .filter((a) => a.kind === 'teaser')
        .map((a) => a.kicker)
        .sort(),
    ).toEqual(
      [
        'CYBERSCAM',
        'DIALOGUE',
        '‘DISCRIMINATION’',
        '‘FIGHT TO THE END’',
        '‘GREAT OPPRTUNITY’',
      ].sort(),
    );
    const second = await run();
    expect(second.code).toBe(0);
    expect(second.items).toEqual(first.items);
  }, 120_000);
});
