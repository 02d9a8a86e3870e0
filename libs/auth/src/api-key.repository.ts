import { Injectable } from '@nestjs/common';
import { TxRepository } from '@app/database';
import { ApiKeyEntity } from './entities/api-key.entity';

// The only code that touches api_key.
@Injectable()
export class ApiKeyRepository extends TxRepository {
  activeByLookup(lookup: string): Promise<ApiKeyEntity[]> {
    return this.db
      .createQueryBuilder(ApiKeyEntity, 'k')
      .where('k.lookup = :lookup AND k.revoked_at IS NULL', { lookup })
      .getMany();
  }

  async insert(key: Omit<ApiKeyEntity, 'id' | 'createdAt' | 'revokedAt'>): Promise<ApiKeyEntity> {
    const { identifiers } = await this.db.insert(ApiKeyEntity, key);
    return this.db.findOneByOrFail(ApiKeyEntity, { id: identifiers[0].id as string });
  }

  findById(id: string): Promise<ApiKeyEntity | null> {
    return this.db.findOneBy(ApiKeyEntity, { id });
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.db.find(ApiKeyEntity, { order: { createdAt: 'ASC' } });
  }

  async revoke(id: string): Promise<void> {
    await this.db.query(
      'UPDATE api_key SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL',
      [id],
    );
  }
}
