import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

// Append-only: a trigger in the database refuses UPDATE, DELETE and TRUNCATE.
@Entity('audit_log')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column('timestamptz') at!: Date;
  @Column('uuid', { nullable: true }) actorKeyId!: string | null;
  @Column('text') actorName!: string;
  @Column('varchar', { length: 16, nullable: true }) actorRole!: string | null;
  @Column('text') action!: string;
  @Column('text') targetType!: string;
  @Column('text', { nullable: true }) targetId!: string | null;
  @Column('jsonb', { nullable: true }) before!: Record<string, unknown> | null;
  @Column('jsonb', { nullable: true }) after!: Record<string, unknown> | null;
  @Column('text', { nullable: true }) requestId!: string | null;
}
