import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ExtractionStatus = 'pending' | 'done' | 'failed';

// Which engine version last extracted an article (what `cli reextract` compares against), or
// that its extraction waits on the queue (`pending`) or gave up (`failed`, with the error).
@Entity('article_extraction')
export class ArticleExtractionEntity {
  @PrimaryColumn('uuid') articleId!: string;
  @Column('text') status!: ExtractionStatus;
  @Column('text', { nullable: true }) error!: string | null;
  @Column('text', { nullable: true }) engineVersion!: string | null;
  @Column('timestamptz', { nullable: true }) extractedAt!: Date | null;
}
