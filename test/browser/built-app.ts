import { ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnv, freePort, spawnApi } from '../harness/spawn-api';

// The README's start path (`npm start` runs dist/apps/api/src/main.js), as in
// test/e2e/start-command.e2e-spec.ts: the built app on an embedded PostgreSQL in a fresh folder.
export const ADMIN_KEY = 'browser-test-admin-key-0123456789';

export interface BuiltApp {
  base: string;
  child: ChildProcess;
  api<T>(method: string, path: string, body?: unknown, key?: string): Promise<T>;
  stop(): Promise<void>;
}

export async function startBuiltApp(): Promise<BuiltApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'quote-ledger-browser-'));
  chmodSync(dataDir, 0o755);
  const [port, pgPort] = [await freePort(), await freePort()];
  const env = childEnv(
    {
      HOST: '127.0.0.1',
      EMBEDDED_PG_PORT: String(pgPort),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      BOOTSTRAP_ADMIN_KEY: ADMIN_KEY,
      RATE_LIMIT_WRITES: '0',
      RATE_LIMIT_READS: '0',
    },
    ['DATABASE_URL'],
  );
  const { base, child } = await spawnApi(port, env);
  return {
    base,
    child,
    async api<T>(method: string, path: string, body?: unknown, key = ADMIN_KEY): Promise<T> {
      const res = await fetch(`${base}/api/v1${path}`, {
        method,
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          rmSync(dataDir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}
