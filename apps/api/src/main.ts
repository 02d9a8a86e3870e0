import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { APP_OPTIONS, configureApp, exitOnSignals, loadConfigOrExit, runOrExit } from '@app/common';
import { SeedLoader } from '@app/articles';
import { ExtractionQueue, ReextractService } from '@app/quotes';
import { bootstrapDatabase } from '@app/database';
import { AppModule } from './app.module';

const stderr = (line: string) =>
  process.stderr.write(
    `${JSON.stringify({ level: 30, time: Date.now(), msg: line, context: 'postgres' })}\n`,
  );

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const database = await bootstrapDatabase(
    config,
    config.LOG_LEVEL === 'debug' ? stderr : () => undefined,
  );
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register(config, database.url, database.migrationUrl),
    APP_OPTIONS,
  );
  configureApp(app);
  // Start order, in one place: every module and event handler is ready (init), articles stored
  // without their quotes go to the extraction queue, the seeds go through the same ingest path
  // as POST /articles, and only then does the API take requests.
  await app.init();
  const repaired = await app.get(ReextractService).extractMissing();
  if (repaired > 0) stderr(`queued ${repaired} article(s) stored without their quotes`);
  if (config.SEED_ON_START) await app.get(SeedLoader).load(config.SEEDS_DIR);
  // The embedded default stays one command: this process also works the extraction queue.
  if (config.WORKER_IN_PROCESS) await app.get(ExtractionQueue).work();
  await app.listen(config.PORT, config.HOST);
  stderr(
    `Quote Ledger listening on http://${config.HOST}:${config.PORT} (database: ${database.embedded ? (database.owner === 'other' ? 'embedded, shared with another process' : 'embedded') : 'DATABASE_URL'})`,
  );
  exitOnSignals(
    () => app.close(),
    () => database.stop(),
  );
}

runOrExit('Failed to start', main);
