import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type DocumentSource = 'api' | 'seed' | 'cli';

// One ingested input exactly as received: a POSTed text or an imported file.
@Entity('document')
export class DocumentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'char', length: 64, unique: true }) sha256!: string;
  @Column('text') body!: string;
  @Column('varchar', { length: 16 }) source!: DocumentSource;
  @Column('text', { nullable: true }) filename!: string | null;
  @Column('text', { nullable: true }) title!: string | null;
  @Column('text', { nullable: true }) url!: string | null;
  @Column('text', { nullable: true }) publisher!: string | null;
  @Column('timestamptz', { nullable: true }) publishedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
