import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from '../harness/test-app';

// A full pool is answered, not waited on forever: after DB_ACQUIRE_TIMEOUT_MS a request gets
// 503 with Retry-After and the error shape; once a connection is free, requests succeed again.
describe('a full connection pool', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ DB_POOL_SIZE: '1', DB_ACQUIRE_TIMEOUT_MS: '300' });
  });
  afterAll(() => t.close());

  it('answers 503 with Retry-After while every connection is held, then recovers', async () => {
    const runner = t.app.get(DataSource).createQueryRunner();
    await runner.connect(); // the pool's only connection
    try {
      const busy = await request(t.http).get('/api/v1/quotes').expect(503);
      expect(busy.headers['retry-after']).toBe('1');
      expect(busy.body).toMatchObject({
        statusCode: 503,
        error: 'Service Unavailable',
        details: { code: 'DATABASE_BUSY' },
        requestId: expect.any(String),
      });
      await request(t.http).get('/health').expect(503);
    } finally {
      await runner.release();
    }
    await request(t.http).get('/api/v1/quotes').expect(200);
    await request(t.http).get('/health').expect(200);
  });
});
