import { Column, Entity, PrimaryColumn } from 'typeorm';

// Where an article appears: which document, in which position, at which offsets.
@Entity('article_source')
export class ArticleSourceEntity {
  @PrimaryColumn('uuid') documentId!: string;
  @PrimaryColumn('int') position!: number;
  @Column('uuid') articleId!: string;
  @Column('int') startOffset!: number;
  @Column('int') endOffset!: number;
}
