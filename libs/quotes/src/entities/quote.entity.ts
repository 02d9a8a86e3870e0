import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export type AttributionStatus = 'unverified' | 'confirmed' | 'misattributed';

// A statement by a speaker: one row per (speaker, normalised wording), wherever it appeared.
@Entity('quote')
export class QuoteEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { nullable: true }) speakerId!: string | null;
  @Column('text') text!: string;
  @Column('text') textKey!: string;
  // From its dated occurrences when it has any (`dated`), else from the undated ones' ingest times.
  @Column('timestamptz') firstSeen!: Date;
  @Column('timestamptz') lastSeen!: Date;
  @Column('boolean', { default: false }) dated!: boolean;
  @Column('varchar', { length: 16 }) attributionStatus!: AttributionStatus;
  // Set when a reviewer corrected speaker or text: re-extraction never overwrites it.
  @Column('timestamptz', { nullable: true }) correctedAt!: Date | null;
  @Column('text', { nullable: true }) correctedBy!: string | null;
  // Set when a reviewer found it is not a quotation (a sign, a scare quote) or not speech: it
  // leaves search, exports and claim matching, and re-extraction does not bring it back.
  @Column('timestamptz', { nullable: true }) rejectedAt!: Date | null;
  @Column('text', { nullable: true }) rejectedBy!: string | null;
  @Column('text', { nullable: true }) rejectedReason!: string | null;
  @VersionColumn() version!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
