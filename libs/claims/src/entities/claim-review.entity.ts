import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { VerdictValue } from '../verdicts';

export interface Evidence {
  url: string;
  title?: string;
  note?: string;
}

// One reviewer's verdict; append-only (a trigger refuses UPDATE and DELETE).
@Entity('claim_review')
export class ClaimReviewEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') claimId!: string;
  @Column('varchar', { length: 16 }) verdict!: VerdictValue;
  @Column('text') rationale!: string;
  @Column('jsonb') evidence!: Evidence[];
  @Column('uuid', { nullable: true }) reviewerKeyId!: string | null;
  @Column('text') reviewerName!: string;
  @Column('int') claimVersion!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
