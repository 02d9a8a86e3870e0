import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

// A role at an organisation as articles gave it, with the span of dates it was seen.
@Entity('speaker_affiliation')
export class SpeakerAffiliationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') speakerId!: string;
  @Column('text', { nullable: true }) role!: string | null;
  @Column('text', { nullable: true }) organization!: string | null;
  @Column('text') affiliationKey!: string;
  @Column('timestamptz') firstSeen!: Date;
  @Column('timestamptz') lastSeen!: Date;
  @Column('uuid', { array: true }) articleIds!: string[];
  // Set when a reviewer entered or changed it; extraction then leaves it alone.
  @Column('text', { nullable: true }) editedBy!: string | null;
}
