import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

// Where a quote appears: the article, the offsets into its text and how it was attributed there.
@Entity('quote_occurrence')
export class QuoteOccurrenceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') quoteId!: string;
  @Column('uuid') articleId!: string;
  @Column('int') startOffset!: number;
  @Column('int') endOffset!: number;
  @Column('text') wording!: string;
  @Column('text', { nullable: true }) mention!: string | null;
  @Column('text', { nullable: true }) cue!: string | null;
  @Column('text') rule!: string;
  @Column('real') confidence!: number;
  @Column('boolean') partial!: boolean;
  @Column('boolean') unterminated!: boolean;
  @Column('text', { nullable: true }) role!: string | null;
  @Column('text', { nullable: true }) organization!: string | null;
  @Column('text', { nullable: true }) speakerDescription!: string | null;
  // The article's published date, or its ingest time when it has none (then `dated` is false).
  @Column('timestamptz') seenAt!: Date;
  @Column('boolean', { default: false }) dated!: boolean;
  @Column('text') engineVersion!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
