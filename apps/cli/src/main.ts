import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@app/common';
import { bootstrapDatabase } from '@app/database';
// One composition root: the CLI drives the very modules the API serves.
import { AppModule } from '@app/api';
import { importCommand } from './commands/import.command';
import { reextractCommand } from './commands/reextract.command';
import { keysCommand } from './commands/keys.command';
import { exportCommand } from './commands/export.command';

const USAGE = `usage: npm run cli -- <command> [args]
  import <file|folder>...   ingest text files (as POST /api/v1/articles with text/plain)
  keys create --name N --role R | keys list | keys revoke ID
                            manage API keys (roles: admin, reviewer, journalist)
  export --format csv|json|md|xlsx --out FILE [--speaker S --q Q --from D --to D --verdict V --article ID]
                            write a quote sheet (same filters as GET /api/v1/quotes)
  migrate                   run pending migrations and exit
  reextract [--all]         re-run extraction on articles from an older engine (or all);
                            reviewer corrections and quotes with claims are kept`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env, SEED_ON_START: 'false' });
  const database = await bootstrapDatabase(config, () => undefined);
  const app = await NestFactory.createApplicationContext(
    AppModule.register(config, database.url, database.migrationUrl),
    { bufferLogs: true },
  );
  try {
    switch (command) {
      case 'import':
        return await importCommand(app, args);
      case 'reextract':
        return await reextractCommand(app, args);
      case 'keys':
        return await keysCommand(app, args);
      case 'export':
        return await exportCommand(app, args);
      case 'migrate':
        process.stdout.write('migrations are up to date\n');
        return 0;
      default:
        process.stderr.write(`unknown command: ${command}\n${USAGE}\n`);
        return 2;
    }
  } finally {
    await app.close();
    await database.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(
      `${err instanceof ConfigError ? err.message : err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exit(1);
  },
);
