import { Injectable, Logger } from '@nestjs/common';
import { ApiKeyRepository } from './api-key.repository';
import { AuditService } from './audit.service';
import { AuthError, AuthErrorCode } from './auth.errors';
import { ApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';
import { ApiKeyEntity } from './entities/api-key.entity';
import { createHash } from 'node:crypto';
import { generateKey, hashKey, lookupOf, verifyKey } from './key-hash';
import { Actor } from '@app/common';
import { TransactionalAdapterTypeOrm, TransactionHost, WriteTransaction } from '@app/database';
import type { Role } from '@app/common';

const CACHE_TTL_MS = 30_000;

// scrypt costs tens of milliseconds by design; a verified key is remembered briefly so reads
// stay fast. The cache is only used while KeyChangeListener hears Postgres notifications about
// api_key rows: a revocation by any process (CLI, another replica, psql) evicts the key here the
// moment it commits. Without the listener every request verifies against the table.
@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger(ApiKeysService.name);
  private readonly verified = new Map<string, { actor: Actor; until: number }>();
  // Bumped on every eviction: a verification that read the row before it cannot cache after it.
  private generation = 0;
  private cacheTrusted = false;

  constructor(
    readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly repository: ApiKeyRepository,
    private readonly audit: AuditService,
  ) {}

  async authenticate(key: string): Promise<Actor | null> {
    const lookup = lookupOf(key);
    const cacheKey = createHash('sha256').update(key).digest('hex');
    const cached = this.verified.get(cacheKey);
    if (this.cacheTrusted && cached && cached.until > Date.now()) return cached.actor;
    const generation = this.generation;
    for (const row of await this.repository.activeByLookup(lookup)) {
      if (await verifyKey(key, row.hash)) {
        const actor: Actor = { keyId: row.id, name: row.name, role: row.role };
        if (this.cacheTrusted && generation === this.generation) {
          if (this.verified.size > 10_000) this.verified.clear();
          this.verified.set(cacheKey, { actor, until: Date.now() + CACHE_TTL_MS });
        }
        return actor;
      }
    }
    return null;
  }

  // A key row changed (keyId), or possibly any ('*'): drop what the cache holds for it.
  forget(keyId: string): void {
    this.generation += 1;
    if (keyId === '*') {
      this.verified.clear();
      return;
    }
    for (const [cacheKey, entry] of this.verified) {
      if (entry.actor.keyId === keyId) this.verified.delete(cacheKey);
    }
  }

  // Whether changes are being heard. Losing the listener empties the cache and stops using it.
  setCacheTrusted(trusted: boolean): void {
    this.cacheTrusted = trusted;
    this.forget('*');
  }

  async create(name: string, role: Role, secret?: string): Promise<CreatedApiKeyDto> {
    const key = secret ?? generateKey();
    const row = await this.store(name, role, key, await hashKey(key));
    return { ...toDto(row), key };
  }

  @WriteTransaction()
  private async store(name: string, role: Role, key: string, hash: string): Promise<ApiKeyEntity> {
    const created = await this.repository.insert({
      name,
      role,
      lookup: lookupOf(key),
      hash,
      createdBy: null,
    });
    await this.audit.record({
      action: 'key.create',
      targetType: 'api_key',
      targetId: created.id,
      after: toDto(created),
    });
    return created;
  }

  async revoke(id: string): Promise<void> {
    await this.revokeAndAudit(id);
    this.forget(id);
  }

  @WriteTransaction()
  private async revokeAndAudit(id: string): Promise<void> {
    const row = await this.repository.findById(id);
    if (!row) throw new AuthError(AuthErrorCode.KeyNotFound, `No API key with id ${id}`, { id });
    await this.repository.revoke(id);
    await this.audit.record({
      action: 'key.revoke',
      targetType: 'api_key',
      targetId: id,
      before: toDto(row),
    });
  }

  async list(): Promise<ApiKeyDto[]> {
    return (await this.repository.list()).map(toDto);
  }

  // BOOTSTRAP_ADMIN_KEY: make sure an admin key with that secret exists.
  async ensureBootstrapAdmin(secret: string): Promise<void> {
    const existing = await this.authenticate(secret);
    if (existing?.role === 'admin') return;
    await this.create('bootstrap admin', 'admin', secret);
    this.logger.log('bootstrap admin key created');
  }
}

function toDto(k: ApiKeyEntity): ApiKeyDto {
  return {
    id: k.id,
    name: k.name,
    role: k.role,
    createdAt: k.createdAt.toISOString(),
    revokedAt: k.revokedAt?.toISOString() ?? null,
  };
}
