import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Client } from 'pg';

// CPU time used by processes, from /proc (Linux): what a request costs the machine, whatever
// else runs on it. Wall-clock latency on a shared machine also holds the waits for a CPU.
const TICK_MS = 1000 / 100; // USER_HZ, 100 on Linux

export function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // Fields after the command (which may hold spaces): utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone, or not Linux
    }
  }
  return ticks * TICK_MS;
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
