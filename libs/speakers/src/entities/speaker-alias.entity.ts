import { Column, Entity, PrimaryColumn } from 'typeorm';

export type AliasKind = 'name' | 'surname' | 'native' | 'variant';

// Every way a speaker has been named: full name, family name, native-script name, variants.
@Entity('speaker_alias')
export class SpeakerAliasEntity {
  @PrimaryColumn('uuid') speakerId!: string;
  @PrimaryColumn('text') aliasKey!: string;
  @Column('text') alias!: string;
  @Column('varchar', { length: 16 }) kind!: AliasKind;
}
