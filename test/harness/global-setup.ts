import { startTestServer } from './postgres-server';
import { createMigratedTemplate } from './template';

declare global {
  var __QL_TEST_SERVER__: { stop(): Promise<void>; url: string; template: string } | undefined;
}

// Runs once per jest run, before any worker starts; workers read the env vars set here.
// The medium and e2e projects both name this file; jest runs a shared path once, and the guard
// keeps it at one server even if it is reached twice (e.g. through two different paths).
export default async function globalSetup(): Promise<void> {
  if (globalThis.__QL_TEST_SERVER__) return;
  const started = Date.now();
  const server = await startTestServer();
  const template = `ql_template_${process.pid}`;
  await createMigratedTemplate(server.url, template);
  process.env.QL_TEST_SERVER_URL = server.url;
  process.env.QL_TEST_TEMPLATE = template;
  globalThis.__QL_TEST_SERVER__ = { stop: server.stop, url: server.url, template };
  process.stderr.write(
    `\n[test db] ${server.kind} PostgreSQL ready, template migrated in ${Date.now() - started} ms\n`,
  );
}
