import { Column, CreateDateColumn, Entity, Generated, PrimaryGeneratedColumn } from 'typeorm';

export type ArticleKind = 'article' | 'teaser';

// A unit of news inside a document: the main article or a "related story" teaser.
// Content-addressed: the same text in two documents is one article.
@Entity('article')
export class ArticleEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  // Insertion order, the stable key for keyset paging.
  @Column('bigint', { unique: true }) @Generated('increment') seq!: string;
  @Column({ type: 'char', length: 64, unique: true }) sha256!: string;
  @Column('varchar', { length: 16 }) kind!: ArticleKind;
  @Column('text', { nullable: true }) kicker!: string | null;
  @Column('boolean') truncated!: boolean;
  @Column('text') body!: string;
  @Column('text', { nullable: true }) title!: string | null;
  @Column('text', { nullable: true }) url!: string | null;
  @Column('text', { nullable: true }) publisher!: string | null;
  @Column('timestamptz', { nullable: true }) publishedAt!: Date | null;
  // Raised by every PATCH: the ETag for If-Match. (The `search` column is generated and never
  // read back, so it is not mapped.)
  @Column('int', { default: 1 }) version!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
