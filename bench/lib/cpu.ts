import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { Client } from 'pg';

// CPU time used by processes, from /proc (Linux): what a request costs the machine, whatever
// else runs on it. Wall-clock latency on a shared machine also holds the waits for a CPU.
// Nanoseconds on a CPU, from /proc/<pid>/task/*/schedstat: every thread of each process.
export function cpuNs(pids: number[]): number {
  let ns = 0;
  for (const pid of pids) {
    try {
      for (const task of readdirSync(`/proc/${pid}/task`))
        ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // gone, or not Linux
    }
  }
  return ns;
}

// The Postgres backends serving a process's connections: its sockets to the server's port,
// matched to pg_stat_activity.client_port.
export async function backendsOf(db: Client, pid: number, serverPort = 5432): Promise<number[]> {
  const ss = spawnSync('ss', ['-tnpH'], { encoding: 'utf8' });
  if (ss.status !== 0) return [];
  const ports = ss.stdout
    .split('\n')
    .filter((l) => l.includes(`pid=${pid},`))
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f[4]?.endsWith(`:${serverPort}`))
    .map((f) => Number(f[3].slice(f[3].lastIndexOf(':') + 1)));
  if (!ports.length) return [];
  const { rows } = await db.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE client_port = ANY($1::int[])`,
    [ports],
  );
  return rows.map((r) => r.pid);
}
