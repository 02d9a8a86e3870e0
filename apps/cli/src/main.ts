import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@app/common';
import { bootstrapDatabase } from '@app/database';
// One composition root: the CLI drives the very modules the API serves.
import { AppModule } from '@app/api';
import { Command, describeError, plan, UsageError, commandHelp } from './cli';
import { importCommand } from './commands/import.command';
import { reextractCommand } from './commands/reextract.command';
import { keysCommand } from './commands/keys.command';
import { exportCommand } from './commands/export.command';
import { migrateCommand } from './commands/migrate.command';

const COMMANDS: Command[] = [
  importCommand,
  keysCommand,
  exportCommand,
  migrateCommand,
  reextractCommand,
] as Command[];

function usageError(message: string, usage: string): number {
  process.stderr.write(`error: ${message}\n\n${usage}`);
  return 2;
}

async function main(argv: string[]): Promise<number> {
  // Help and usage errors are settled here, before any config or database.
  const what = plan(COMMANDS, argv);
  if (what.kind === 'help') {
    process.stdout.write(what.text);
    return 0;
  }
  if (what.kind === 'usage-error') return usageError(what.message, what.usage);
  const { command, parsed } = what;
  let input: unknown;
  try {
    input = command.input ? await command.input(parsed) : undefined;
  } catch (e) {
    if (e instanceof UsageError) return usageError(e.message, commandHelp(command));
    throw e;
  }
  const config = loadConfig({
    LOG_LEVEL: 'warn',
    ...process.env,
    SEED_ON_START: 'false',
    ...command.env,
  });
  const database = await bootstrapDatabase(
    config,
    config.LOG_LEVEL === 'debug' ? (line) => process.stderr.write(`${line}\n`) : () => undefined,
  );
  try {
    const app = await NestFactory.createApplicationContext(
      AppModule.register(config, database.url),
      { bufferLogs: true, abortOnError: false },
    );
    try {
      return command.run ? await command.run(app, input) : 0;
    } finally {
      await app.close();
    }
  } finally {
    // Stops the embedded PostgreSQL only if this process started it; one borrowed from a
    // running `npm start` keeps running.
    await database.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`error: ${describeError(err)}\n`);
    process.exit(1);
  },
);
