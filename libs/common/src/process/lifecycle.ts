// The plumbing every long-running entry point (API, worker) shares.

// On SIGINT or SIGTERM: run `closers` in order (the app, then its database), then exit 0.
export function exitOnSignals(...closers: (() => Promise<unknown>)[]): void {
  const shutdown = async () => {
    for (const close of closers) await close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

// Runs an entry point; a failure to start is written to stderr, after `label`, and exits 1.
export function runOrExit(label: string, main: () => Promise<void>): void {
  void main().catch((err: unknown) => {
    process.stderr.write(
      `${label}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  });
}
