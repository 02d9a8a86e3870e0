import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ApiKeyEntity } from './entities/api-key.entity';

// The only code that touches api_key.
@Injectable()
export class ApiKeyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  activeByLookup(lookup: string): Promise<ApiKeyEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(ApiKeyEntity, 'k')
      .where('k.lookup = :lookup AND k.revoked_at IS NULL', { lookup })
      .getMany();
  }

  async insert(
    m: EntityManager,
    key: Omit<ApiKeyEntity, 'id' | 'createdAt' | 'revokedAt'>,
  ): Promise<ApiKeyEntity> {
    const { identifiers } = await m.insert(ApiKeyEntity, key);
    return m.findOneByOrFail(ApiKeyEntity, { id: identifiers[0].id as string });
  }

  findById(id: string, m: EntityManager = this.dataSource.manager): Promise<ApiKeyEntity | null> {
    return m.findOneBy(ApiKeyEntity, { id });
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.dataSource.manager.find(ApiKeyEntity, { order: { createdAt: 'ASC' } });
  }

  async revoke(m: EntityManager, id: string): Promise<void> {
    await m.query('UPDATE api_key SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [
      id,
    ]);
  }
}
