import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { copyMethodMetadata } from 'nestjs-cls';
import type { EntityManager } from 'typeorm';
import { readReplicaManager } from './read-replica';

export { TransactionHost };
export type { TransactionalAdapterTypeOrm };

// 40001 serialization_failure, 40P01 deadlock_detected: the transaction did nothing wrong and
// succeeds when run again.
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;
const logger = new Logger('WriteTransaction');

export function sqlState(err: unknown): string | undefined {
  const e = err as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return code === undefined ? undefined : String(code);
}

export function isRetryable(err: unknown): boolean {
  return RETRYABLE.has(sqlState(err) ?? '');
}

// A use case that writes: one transaction, ambient for every repository and event handler
// below it. The outermost one retries (bounded, with jitter) when Postgres reports a deadlock or
// a serialization failure; an inner one joins the transaction it is called in.
// The class must hold its TransactionHost as `txHost` (the library's own @Transactional() looks
// up a process-wide singleton instead, which breaks when one process runs two apps, as tests do).
export function WriteTransaction() {
  return <T extends { txHost: TransactionHost<TransactionalAdapterTypeOrm> }>(
    _target: T,
    _key: string | symbol,
    descriptor: PropertyDescriptor,
  ): PropertyDescriptor => {
    const original = descriptor.value as (this: T, ...args: unknown[]) => Promise<unknown>;
    descriptor.value = async function (this: T, ...args: unknown[]) {
      const host = this.txHost;
      const work = () => original.apply(this, args);
      if (host.isTransactionActive()) return work();
      for (let attempt = 1; ; attempt++) {
        try {
          return await host.withTransaction(work);
        } catch (err) {
          if (attempt >= MAX_ATTEMPTS || !isRetryable(err)) throw err;
          // Lock ordering should make these rare: a warning each, so load tests can count them.
          logger.warn(
            { sqlState: sqlState(err), attempt, method: String(_key) },
            'transaction retried',
          );
          await sleep(Math.random() * 20 * 2 ** attempt);
        }
      }
    };
    copyMethodMetadata(original, descriptor.value);
    return descriptor;
  };
}

// Base of every repository: `db` is the ambient transaction's EntityManager when one is open,
// else a read replica's inside a @ReadReplica() use case, else the primary pool's.
@Injectable()
export abstract class TxRepository {
  constructor(protected readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  protected get db(): EntityManager {
    if (this.txHost.isTransactionActive()) return this.txHost.tx;
    return readReplicaManager() ?? this.txHost.tx;
  }
}
