import { Column, Entity, PrimaryColumn } from 'typeorm';

// Which engine version last extracted an article: what `cli reextract` compares against.
@Entity('article_extraction')
export class ArticleExtractionEntity {
  @PrimaryColumn('uuid') articleId!: string;
  @Column('text') engineVersion!: string;
  @Column('timestamptz') extractedAt!: Date;
}
