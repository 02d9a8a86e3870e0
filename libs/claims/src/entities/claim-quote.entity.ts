import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ClaimLink } from '../verdicts';

@Entity('claim_quote')
export class ClaimQuoteEntity {
  @PrimaryColumn('uuid') claimId!: string;
  @PrimaryColumn('uuid') quoteId!: string;
  @Column('varchar', { length: 16 }) relation!: ClaimLink;
  @Column('real') similarity!: number;
  @Column('boolean') needsReview!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
