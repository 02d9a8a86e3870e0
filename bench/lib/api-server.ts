import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'bin')
        newest = Math.max(newest, newestSource(path));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

// Builds dist/ when a source under apps/, libs/ or migrations/ is newer than the built main.js.
export function ensureBuilt(force: boolean, log: (line: string) => void): void {
  const built = existsSync(MAIN) ? statSync(MAIN).mtimeMs : 0;
  const source = Math.max(
    ...['apps', 'libs', 'migrations'].map((d) => newestSource(join(ROOT, d))),
  );
  if (!force && built >= source) return;
  log(
    built ? 'dist/ is older than the sources: npx nest build api' : 'no dist/: npx nest build api',
  );
  const res = spawnSync('npx', ['nest', 'build', 'api'], { cwd: ROOT, stdio: 'inherit' });
  if (res.status !== 0)
    throw new Error('nest build failed (pass --no-build to bench the dist/ as it is)');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningApi {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

// The real API on the bench database: no seeding, quiet logs, no rate limit (the load comes from
// one address), and the bench key as bootstrap admin key when reads need one.
export async function startApi(
  databaseUrl: string,
  env: Record<string, string>,
  log: (line: string) => void,
  onStdout?: (chunk: string) => void,
): Promise<RunningApi> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_ON_START: 'false',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_READS: '0',
      RATE_LIMIT_WRITES: '0',
      NODE_ENV: 'production',
      ...env,
    },
    stdio: ['ignore', onStdout ? 'pipe' : 'ignore', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => onStdout?.(d.toString()));
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`The API exited with ${child.exitCode}:\n${stderr}`);
    // GET /health sits outside the /api/v1 prefix.
    const up = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`The API did not answer /health within 60 s:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`API pid ${child.pid} on ${url}`);
  return {
    url,
    pid: child.pid as number,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
