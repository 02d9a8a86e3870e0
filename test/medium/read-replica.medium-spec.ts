import { Injectable } from '@nestjs/common';
import {
  ReadReplica,
  TransactionalAdapterTypeOrm,
  TransactionHost,
  TxRepository,
  WriteTransaction,
} from '@app/database';
import { createTestDatabase, TestDatabase } from '../harness/test-database';
import { createMediumApp, MediumApp } from './medium-app';

// Which database a repository reads, with a second test database as the read replica.
@Injectable()
class WhereRepository extends TxRepository {
  async database(): Promise<string> {
    const [row] = await this.db.query('SELECT current_database() AS name');
    return row.name;
  }
}

@Injectable()
class WhereService {
  constructor(
    readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly where: WhereRepository,
  ) {}

  plain(): Promise<string> {
    return this.where.database();
  }

  @ReadReplica()
  async lookup(): Promise<string[]> {
    // Two statements, one replica connection for the use case.
    return [await this.where.database(), await this.where.database()];
  }

  @WriteTransaction()
  async write(): Promise<{ before: string; lookup: string[]; after: string }> {
    return {
      before: await this.where.database(),
      lookup: await this.lookup(),
      after: await this.where.database(),
    };
  }
}

describe('@ReadReplica()', () => {
  let replica: TestDatabase;
  let t: MediumApp;
  let service: WhereService;

  beforeAll(async () => {
    replica = await createTestDatabase();
    t = await createMediumApp(
      { providers: [WhereRepository, WhereService] },
      { replicaUrls: [replica.url] },
    );
    service = t.get(WhereService);
  });
  afterAll(async () => {
    await t.close();
    await replica.drop();
  });

  it('reads the replica in a read-only use case, the primary otherwise', async () => {
    await expect(service.lookup()).resolves.toEqual([replica.name, replica.name]);
    await expect(service.plain()).resolves.toBe(t.db.name);
  });

  it('stays on the primary inside a write transaction: reads see its writes', async () => {
    await expect(service.write()).resolves.toEqual({
      before: t.db.name,
      lookup: [t.db.name, t.db.name],
      after: t.db.name,
    });
  });

  it('gives the replica connection back after each use case', async () => {
    for (let i = 0; i < 30; i++) await service.lookup(); // the pool holds 10
    await expect(Promise.all([service.lookup(), service.lookup()])).resolves.toHaveLength(2);
  });
});

describe('@ReadReplica() without replicas', () => {
  let t: MediumApp;
  beforeAll(async () => {
    t = await createMediumApp({ providers: [WhereRepository, WhereService] });
  });
  afterAll(() => t.close());

  it('reads the primary', async () => {
    await expect(t.get(WhereService).lookup()).resolves.toEqual([t.db.name, t.db.name]);
  });
});
