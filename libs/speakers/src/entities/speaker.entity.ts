import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const SPEAKER_KINDS = ['person', 'organization'] as const;
export type SpeakerKind = (typeof SPEAKER_KINDS)[number];

// A person (or organisation) who is quoted somewhere.
@Entity('speaker')
export class SpeakerEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') nameKey!: string;
  @Column('text', { nullable: true }) nativeName!: string | null;
  @Column('varchar', { length: 16 }) kind!: SpeakerKind;
  @Column('int') version!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
