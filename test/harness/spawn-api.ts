import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

// One way to start the built API (`npm start` runs dist/apps/api/src/main.js) for the e2e and
// browser tests: with exactly the environment given, its output kept for failure messages and
// assertions, resolved once GET /health answers.
export const ROOT = join(__dirname, '..', '..');
export const API_MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

export interface SpawnedApi {
  base: string;
  child: ChildProcess;
  output(): string;
  // SIGTERM, then the exit code (at once if it has already exited).
  stop(): Promise<number | null>;
}

// The caller's environment minus `unset`, plus `set`.
export function childEnv(set: Record<string, string>, unset: string[] = []): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env };
  for (const name of unset) delete e[name];
  return Object.assign(e, set);
}

export async function spawnApi(port: number, env: NodeJS.ProcessEnv): Promise<SpawnedApi> {
  const child = spawn(process.execPath, [API_MAIN], {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}:\n${out}`);
    if (i > 480) {
      child.kill('SIGKILL');
      throw new Error(`app did not become healthy:\n${out}`);
    }
    const ok = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    child,
    output: () => out,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}
