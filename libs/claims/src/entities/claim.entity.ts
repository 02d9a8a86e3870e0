import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { ClaimStatus } from '../verdicts';

// A checkable statement: a quote, a span of one, or free text with a speaker.
@Entity('claim')
export class ClaimEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { nullable: true }) quoteId!: string | null;
  @Column('uuid', { nullable: true }) speakerId!: string | null;
  @Column('text') text!: string;
  @Column('text') textKey!: string;
  @Column('int', { nullable: true }) spanStart!: number | null;
  @Column('int', { nullable: true }) spanEnd!: number | null;
  @Column('varchar', { length: 16 }) status!: ClaimStatus;
  @Column('int') version!: number;
  @Column('text', { nullable: true }) createdBy!: string | null;
  @Column('timestamptz', { nullable: true }) reviewedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) withdrawnAt!: Date | null;
  @Column('text', { nullable: true }) withdrawnBy!: string | null;
  @Column('text', { nullable: true }) withdrawnReason!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
