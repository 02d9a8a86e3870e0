import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@app/common';
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
  const shutdown = async () => {
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

void main().catch((err: unknown) => {
  process.stderr.write(
    `Worker failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
