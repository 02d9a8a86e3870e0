import { Injectable } from '@nestjs/common';
import { prepared, TxRepository } from '@app/database';
import { AuditEntryEntity } from './entities/audit-entry.entity';
import { requestContext } from '@app/common';

export interface AuditEvent {
  action: string;
  targetType: string;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditQuery {
  action?: string;
  targetType?: string;
  targetId?: string;
  beforeId?: string;
  limit: number;
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

// Every write appends a row in the same transaction as the write itself (the ambient one).
@Injectable()
export class AuditService extends TxRepository {
  async record(event: AuditEvent): Promise<void> {
    const { actor, requestId } = requestContext.get();
    await this.db.query(
      prepared(`INSERT INTO audit_log (at, actor_key_id, actor_name, actor_role, action, target_type, target_id, before, after, request_id)
       VALUES (now(), $1, $2, $3, $4, $5, $6, $7, $8, $9)`),
      [
        actor.keyId,
        actor.name,
        actor.role,
        event.action,
        event.targetType,
        event.targetId,
        json(event.before),
        json(event.after),
        requestId,
      ],
    );
  }

  // Rows of one batch (a bulk import's documents, a batch's claim matches) in one statement, in
  // the given order.
  async recordMany(events: AuditEvent[]): Promise<void> {
    if (!events.length) return;
    if (events.length === 1) return this.record(events[0]);
    const { actor, requestId } = requestContext.get();
    await this.db.query(
      prepared(`INSERT INTO audit_log (at, actor_key_id, actor_name, actor_role, action, target_type, target_id, before, after, request_id)
       SELECT now(), $1::uuid, $2::text, $3::text, v.action, v.target_type, v.target_id, v.before::jsonb, v.after::jsonb, $4::text
         FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) WITH ORDINALITY
              AS v(action, target_type, target_id, before, after, n)
        ORDER BY v.n`),
      [
        actor.keyId,
        actor.name,
        actor.role,
        requestId,
        events.map((e) => e.action),
        events.map((e) => e.targetType),
        events.map((e) => e.targetId),
        events.map((e) => json(e.before)),
        events.map((e) => json(e.after)),
      ],
    );
  }

  list(q: AuditQuery): Promise<AuditEntryEntity[]> {
    const qb = this.db
      .createQueryBuilder(AuditEntryEntity, 'a')
      .orderBy('a.id', 'DESC')
      .limit(q.limit);
    if (q.action) qb.andWhere('a.action = :action', { action: q.action });
    if (q.targetType) qb.andWhere('a.target_type = :targetType', { targetType: q.targetType });
    if (q.targetId) qb.andWhere('a.target_id = :targetId', { targetId: q.targetId });
    if (q.beforeId) qb.andWhere('a.id < :beforeId', { beforeId: q.beforeId });
    return qb.getMany();
  }
}
