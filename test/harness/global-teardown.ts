import { dropDatabase } from './template';

export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__QL_TEST_SERVER__;
  if (!server) return;
  // Cleared first, so a second teardown (both projects ran) finds nothing to stop.
  globalThis.__QL_TEST_SERVER__ = undefined;
  await dropDatabase(server.url, server.template).catch(() => undefined);
  await server.stop();
}
