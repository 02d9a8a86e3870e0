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
