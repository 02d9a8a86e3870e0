import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfig } from '@app/common';
import { ExtractionQueue, ReextractService } from '@app/quotes';
import { ENGINE_VERSION } from '@app/extraction';
import { CommandImpl } from '../cli';
import { drainBar } from '../progress';

const POLL_MS = 500;
// No article finished for this long and no worker here: say what is probably missing.
const IDLE_HINT_MS = 30_000;

// reextract [--all] [--no-wait]: articles extracted by another engine version (or all) go to the
// extraction queue; then the queue's progress is shown, read from the database, until no
// article is pending. Workers do the work: this process too, unless WORKER_IN_PROCESS=false.
export const reextractCommand: CommandImpl<{ all: boolean; wait: boolean }> = {
  input: ({ values }) => ({ all: values.all === true, wait: values['no-wait'] !== true }),
  async run(app, { all, wait }) {
    const service = app.get(ReextractService);
    const working = wait && app.get(AppConfig).WORKER_IN_PROCESS;
    const started = Date.now();
    if (working) await app.get(ExtractionQueue).work();
    const { queued, outcome } = await sendAndWatch(service, all, wait, working);
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    const summary = outcome
      ? { engineVersion: ENGINE_VERSION, queued, ...outcome, seconds }
      : { engineVersion: ENGINE_VERSION, queued };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return outcome && outcome.failed > 0 ? 1 : 0;
  },
};

async function sendAndWatch(
  service: ReextractService,
  all: boolean,
  wait: boolean,
  working: boolean,
): Promise<{ queued: number; outcome: { done: number; failed: number } | null }> {
  const bar = drainBar('reextract');
  try {
    const queued = await service.enqueueStale(all, (sent) => bar.setTotal(sent));
    return { queued, outcome: wait ? await watch(service, queued, working, bar) : null };
  } finally {
    bar.stop();
  }
}

// Every failed row was sent again by this run (both selections include them), so a failed row
// now is a failure since; pending rows of other writers (async ingest) count as not yet done.
async function watch(
  service: ReextractService,
  queued: number,
  working: boolean,
  bar: ReturnType<typeof drainBar>,
): Promise<{ done: number; failed: number }> {
  let last = { done: -1, at: Date.now() };
  let hinted = working;
  for (;;) {
    const { pending, failed } = await service.waiting();
    const done = Math.max(0, queued - pending - failed);
    bar.update(done, failed);
    if (pending === 0) return { done, failed };
    if (done !== last.done) last = { done, at: Date.now() };
    else if (!hinted && Date.now() - last.at > IDLE_HINT_MS) {
      hinted = true;
      process.stderr.write(
        `\nno article finished in ${IDLE_HINT_MS / 1000} s: is a worker running? ` +
          '(`npm run worker`, or `npm start` without WORKER_IN_PROCESS=false)\n',
      );
    }
    await sleep(POLL_MS);
  }
}
