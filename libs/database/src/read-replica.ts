import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsServiceManager, copyMethodMetadata } from 'nestjs-cls';
import type { DataSource, EntityManager } from 'typeorm';

// Where the read path's EntityManager is kept for the use case that opened it (nestjs-cls).
const READ_MANAGER = Symbol('ReadReplicaManager');

// True when DATABASE_REPLICA_URLS gave the data source read replicas (TypeORM replication).
export function hasReplicas(dataSource: DataSource): boolean {
  return (dataSource.driver as { isReplicated?: boolean }).isReplicated === true;
}

// The replica's EntityManager of the read-only use case running now, if any.
export function readReplicaManager(): EntityManager | undefined {
  return ClsServiceManager.getClsService()?.get<EntityManager | undefined>(READ_MANAGER);
}

// A use case that only reads and may see data a moment old (a search, a lookup): every
// repository below it reads from one read replica connection, held for the use case and given
// back at its end. Writes go to the primary (@WriteTransaction) and so do reads that must see
// them (answers to writes, ETag checks): inside a write transaction this decorator does
// nothing, and so it does without replicas. A write attempted on the replica fails there
// (a standby is read-only), so a mistake cannot go unnoticed.
// Like @WriteTransaction, the class holds its TransactionHost as `txHost`.
export function ReadReplica() {
  return <T extends { txHost: TransactionHost<TransactionalAdapterTypeOrm> }>(
    _target: T,
    _key: string | symbol,
    descriptor: PropertyDescriptor,
  ): PropertyDescriptor => {
    const original = descriptor.value as (this: T, ...args: unknown[]) => Promise<unknown>;
    descriptor.value = async function (this: T, ...args: unknown[]) {
      const work = () => original.apply(this, args);
      const host = this.txHost;
      if (host.isTransactionActive() || readReplicaManager()) return work();
      const dataSource = host.tx.connection;
      if (!hasReplicas(dataSource)) return work();
      const runner = dataSource.createQueryRunner('slave');
      try {
        const cls = ClsServiceManager.getClsService();
        return await cls.run(() => {
          cls.set(READ_MANAGER, runner.manager);
          return work();
        });
      } finally {
        await runner.release();
      }
    };
    copyMethodMetadata(original, descriptor.value);
    return descriptor;
  };
}
