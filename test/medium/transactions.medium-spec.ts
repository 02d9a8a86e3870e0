import { Injectable } from '@nestjs/common';
import { Client } from 'pg';
import {
  TransactionalAdapterTypeOrm,
  TransactionHost,
  TxRepository,
  WriteTransaction,
} from '@app/database';
import { createMediumApp, MediumApp } from './medium-app';

// A repository and use cases made for this test, wired like the libs' own.
@Injectable()
class ProbeRepository extends TxRepository {
  async backendPid(): Promise<number> {
    const [row] = await this.db.query('SELECT pg_backend_pid() AS pid');
    return row.pid;
  }

  async insert(note: string): Promise<void> {
    await this.db.query('INSERT INTO probe (note) VALUES ($1)', [note]);
  }

  async notes(): Promise<string[]> {
    return (await this.db.query('SELECT note FROM probe ORDER BY note')).map(
      (r: { note: string }) => r.note,
    );
  }

  async lock(id: number): Promise<void> {
    await this.db.query('SELECT id FROM probe_lock WHERE id = $1 FOR UPDATE', [id]);
  }
}

// Resolves once `parties` callers have arrived; later arrivals pass at once.
function barrier(parties: number): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    if (++arrived >= parties) open();
    return opened;
  };
}

@Injectable()
class ProbeService {
  attempts = 0;

  constructor(
    readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly probe: ProbeRepository,
  ) {}

  @WriteTransaction()
  async pidsInOneTransaction(): Promise<number[]> {
    // Concurrent calls too: outside a transaction the pool would hand out two connections.
    const [a, b] = await Promise.all([this.probe.backendPid(), this.probe.backendPid()]);
    return [a, b, await this.probe.backendPid(), ...(await this.inner())];
  }

  // An inner use case joins the caller's transaction instead of opening its own.
  @WriteTransaction()
  async inner(): Promise<number[]> {
    return [await this.probe.backendPid()];
  }

  @WriteTransaction()
  async insertThenFail(note: string): Promise<void> {
    await this.probe.insert(note);
    await this.insertInner(`${note}-inner`);
    throw new Error('use case failed after writing');
  }

  @WriteTransaction()
  async insertInner(note: string): Promise<void> {
    await this.probe.insert(note);
  }

  // Locks `first`, waits until the other caller holds its first lock, then locks `second`:
  // two callers in opposite order deadlock, and Postgres aborts one with 40P01.
  @WriteTransaction()
  async lockBoth(first: number, second: number, note: string, ready: () => Promise<void>) {
    this.attempts++;
    await this.probe.insert(`${note}-attempt-${this.attempts}`);
    await this.probe.lock(first);
    await ready();
    await this.probe.lock(second);
    await this.probe.insert(note);
  }

  @WriteTransaction()
  async failWith(code: string): Promise<void> {
    this.attempts++;
    throw Object.assign(new Error(`failure ${code}`), { code });
  }
}

describe('ambient transactions (@WriteTransaction, TxRepository)', () => {
  let t: MediumApp;
  let service: ProbeService;

  beforeAll(async () => {
    t = await createMediumApp({ providers: [ProbeRepository, ProbeService] });
    // The app's role may not create tables: the owner makes the probe tables and grants rows.
    const owner = new Client({ connectionString: t.db.ownerUrl });
    await owner.connect();
    try {
      await owner.query('CREATE TABLE probe (note text NOT NULL)');
      await owner.query('CREATE TABLE probe_lock (id int PRIMARY KEY)');
      await owner.query('INSERT INTO probe_lock VALUES (1), (2)');
      await owner.query(
        'GRANT SELECT, INSERT, UPDATE, DELETE ON probe, probe_lock TO CURRENT_USER, quote_ledger_test_app',
      );
    } finally {
      await owner.end();
    }
    service = t.get(ProbeService);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    service.attempts = 0;
    await t.dataSource.query('DELETE FROM probe');
  });

  it('runs every repository call of a use case on one connection, inner use cases too', async () => {
    const pids = await service.pidsInOneTransaction();
    expect(pids).toHaveLength(4);
    expect(new Set(pids).size).toBe(1);
  });

  it('rolls back the inner use case’s write with the outer one', async () => {
    await expect(service.insertThenFail('rolled-back')).rejects.toThrow('use case failed');
    expect(await t.get(ProbeRepository).notes()).toEqual([]);
  });

  it('does not show uncommitted writes to other connections', async () => {
    const outside = new Client({ connectionString: t.db.url });
    await outside.connect();
    try {
      let seenOutside: number | undefined;
      await t.get(TransactionHost).withTransaction(async () => {
        await t.get(ProbeRepository).insert('pending');
        seenOutside = (await outside.query('SELECT count(*)::int AS n FROM probe')).rows[0].n;
      });
      expect(seenOutside).toBe(0);
      expect((await outside.query('SELECT count(*)::int AS n FROM probe')).rows[0].n).toBe(1);
    } finally {
      await outside.end();
    }
  });

  it('retries the transaction Postgres aborted with a deadlock (40P01), from the start', async () => {
    const ready = barrier(2);
    const results = await Promise.allSettled([
      service.lockBoth(1, 2, 'one', ready),
      service.lockBoth(2, 1, 'two', ready),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    // Two first attempts, one of them aborted and run again; its first attempt left nothing.
    expect(service.attempts).toBe(3);
    const notes = await t.get(ProbeRepository).notes();
    expect(notes.filter((n) => !n.includes('attempt'))).toEqual(['one', 'two']);
    expect(notes.filter((n) => n.includes('attempt'))).toHaveLength(2);
  });

  it('retries serialization failures a bounded number of times, and nothing else', async () => {
    await expect(service.failWith('40001')).rejects.toThrow('failure 40001');
    expect(service.attempts).toBe(5);
    service.attempts = 0;
    await expect(service.failWith('23505')).rejects.toThrow('failure 23505');
    expect(service.attempts).toBe(1);
  });
});
