import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { exitOnSignals, loadConfigOrExit, runOrExit } from '@app/common';
import { bootstrapDatabase } from '@app/database';
import { ExtractionQueue } from '@app/quotes';
import { AppModule } from '@app/api';

const log = (line: string) =>
  process.stderr.write(
    `${JSON.stringify({ level: 30, time: Date.now(), msg: line, context: 'worker' })}\n`,
  );

// `npm run worker`: a process that only works the extraction queue. Any number of them, on any
// number of machines, share one Postgres: pg-boss hands each job to one worker at a time, and a
// job whose worker dies is retried by another once it expires (QUEUE_JOB_TIMEOUT_SECONDS).
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const database = await bootstrapDatabase(config, () => undefined);
  const app = await NestFactory.createApplicationContext(
    AppModule.register(config, database.url, database.migrationUrl),
    { logger: ['error', 'warn'] },
  );
  await app.init();
  await app.get(ExtractionQueue).work();
  log(`worker ${process.pid} taking extraction jobs`);
  exitOnSignals(
    () => app.close(),
    () => database.stop(),
  );
}

runOrExit('Worker failed to start', main);
