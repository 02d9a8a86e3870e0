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
