import { dropDatabase } from './template';

export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__QL_TEST_SERVER__;
  if (!server) return;
  await dropDatabase(server.url, server.template).catch(() => undefined);
  await server.stop();
}
