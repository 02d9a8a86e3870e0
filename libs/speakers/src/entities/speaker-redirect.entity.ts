import { Column, Entity, PrimaryColumn } from 'typeorm';

// Where a merged speaker went: an old id keeps leading to the survivor.
@Entity('speaker_redirect')
export class SpeakerRedirectEntity {
  @PrimaryColumn('uuid') fromId!: string;
  @Column('uuid') intoId!: string;
  @Column('timestamptz') mergedAt!: Date;
}
