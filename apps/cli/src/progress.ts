import { SingleBar, Presets } from 'cli-progress';

// Progress on stderr so stdout stays clean for data; silent when stderr is not a terminal.
export function progressBar(
  total: number,
  label: string,
): { tick(detail?: string): void; stop(): void } {
  if (!process.stderr.isTTY) return { tick: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} | {detail}`,
      stream: process.stderr,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { detail: '' });
  return {
    tick: (detail = '') => bar.increment(1, { detail: detail.slice(-40) }),
    stop: () => bar.stop(),
  };
}

// For counts that move in large steps (rows exported): set the value instead of ticking.
export function progressTo(
  total: number,
  label: string,
): { update(value: number): void; stop(): void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted}`,
      stream: process.stderr,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (v) => bar.update(v), stop: () => bar.stop() };
}

// For imports: documents per second and the time left, as documents move in batches.
export function rateBar(
  total: number,
  label: string,
): { tick(n: number, detail?: string): void; stop(): void } {
  if (!process.stderr.isTTY) return { tick: () => undefined, stop: () => undefined };
  const started = Date.now();
  const bar = new SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted} | {detail}`,
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 200,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { detail: '', rate: 0 });
  let done = 0;
  return {
    tick: (n, detail = '') => {
      done += n;
      const rate = Math.round(done / Math.max((Date.now() - started) / 1000, 0.001));
      bar.increment(n, { detail: detail.slice(-30), rate });
    },
    stop: () => bar.stop(),
  };
}

// For work that others do (queue workers) and this process watches: the total grows while jobs
// are sent, the value is set from what the database says. Unlike the bars above it also prints
// when stderr is not a terminal (a line a second, and the last state), since a long
// re-extraction is often run from a script or over a log.
export function drainBar(label: string): {
  setTotal(total: number): void;
  update(done: number, failed: number): void;
  stop(): void;
} {
  const bar = new SingleBar(
    {
      // `left`, not `eta`: that name is cli-progress's own estimate, which would win.
      format: `${label} [{bar}] {percentage}% | {value}/{total} | {rate} articles/s | ETA {left} | failed {failed}`,
      stream: process.stderr,
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 1000,
    },
    Presets.shades_classic,
  );
  // Shown from the first jobs sent: a run that sends nothing prints no bar.
  let shown = false;
  let started = Date.now();
  let first = -1;
  return {
    setTotal: (total) => {
      if (!shown) bar.start(total, 0, { rate: 0, left: '-', failed: 0 });
      else bar.setTotal(total);
      shown = true;
    },
    update: (done, failed) => {
      if (!shown) return;
      // Articles per second from the first reading: work done before it was not watched.
      if (first < 0) [first, started] = [done, Date.now()];
      const seconds = (Date.now() - started) / 1000;
      const rate = seconds > 0 ? (done - first) / seconds : 0;
      const left = bar.getTotal() - done - failed;
      bar.update(done, {
        rate: Math.round(rate),
        left: left <= 0 ? '0s' : rate > 0 ? formatSeconds(left / rate) : '-',
        failed,
      });
    },
    stop: () => bar.stop(),
  };
}

function formatSeconds(s: number): string {
  const t = Math.max(0, Math.round(s));
  if (t < 60) return `${t}s`;
  if (t < 3600) return `${Math.floor(t / 60)}m${String(t % 60).padStart(2, '0')}s`;
  return `${Math.floor(t / 3600)}h${String(Math.floor((t % 3600) / 60)).padStart(2, '0')}m`;
}
