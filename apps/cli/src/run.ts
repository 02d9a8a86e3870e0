import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@app/common';
import { bootstrapDatabase } from '@app/database';
// One composition root: the CLI drives the very modules the API serves.
import { AppModule } from '@app/api';

// Opens the database (DATABASE_URL, or the embedded PostgreSQL under DATA_DIR: the running one
// when `npm start` holds it), builds the app context, runs the work, and closes both.
export async function runWithApp(
  env: Record<string, string>,
  work: (app: INestApplicationContext) => Promise<number>,
): Promise<number> {
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env, SEED_ON_START: 'false', ...env });
  const database = await bootstrapDatabase(
    config,
    config.LOG_LEVEL === 'debug' ? (line) => process.stderr.write(`${line}\n`) : () => undefined,
  );
  try {
    const app = await NestFactory.createApplicationContext(
      AppModule.register(config, database.url, database.migrationUrl),
      { bufferLogs: true, abortOnError: false },
    );
    try {
      return await work(app);
    } finally {
      await app.close();
    }
  } finally {
    // Stops the embedded PostgreSQL only if this process started it; one borrowed from a
    // running `npm start` keeps running.
    await database.stop();
  }
}
