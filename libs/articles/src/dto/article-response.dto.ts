import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ArticleKind } from '../entities/article.entity';

export class ArticleSourceDto {
  @ApiProperty() documentId!: string;
  @ApiProperty({ description: 'Position of the article inside the document (0 = first)' })
  position!: number;
  @ApiProperty() start!: number;
  @ApiProperty() end!: number;
  @ApiPropertyOptional({ type: String, nullable: true }) filename!: string | null;
}

export class ArticleQuoteSpeakerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Wang Baodong' }) name!: string;
}

export class ArticleQuoteDto {
  @ApiProperty() quoteId!: string;
  @ApiProperty({ description: 'Exact wording here: body.slice(start, end)' }) text!: string;
  @ApiProperty() start!: number;
  @ApiProperty() end!: number;
  @ApiPropertyOptional({ type: ArticleQuoteSpeakerDto, nullable: true })
  speaker!: ArticleQuoteSpeakerDto | null;
  @ApiPropertyOptional({ type: String, nullable: true }) speakerDescription!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) role!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) organization!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) mention!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) cue!: string | null;
  @ApiProperty() rule!: string;
  @ApiProperty() confidence!: number;
  @ApiProperty() partial!: boolean;
  @ApiProperty() unterminated!: boolean;
}

export class ArticleSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['article', 'teaser'] }) kind!: ArticleKind;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'DIALOGUE' }) kicker!:
    string | null;
  @ApiProperty({ description: 'Teasers are cut off mid-sentence' }) truncated!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ description: 'First 200 characters' }) lead!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) url!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) publisher!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'null when the article is undated',
  })
  publishedAt!: string | null;
  @ApiProperty({ description: 'false when the article has no published date' }) dated!: boolean;
  @ApiProperty({ description: 'When it was ingested' }) createdAt!: string;
  @ApiProperty({ description: 'Raised by every edit; send it back as If-Match on PATCH' })
  version!: number;
}

export class ArticleExtractionDto {
  @ApiProperty({
    enum: ['pending', 'done', 'failed'],
    description:
      'pending: a queue worker has yet to extract the quotes (POST with Prefer: respond-async)',
  })
  status!: 'pending' | 'done' | 'failed';
  @ApiPropertyOptional({ description: 'Why extraction failed' }) error?: string;
  @ApiPropertyOptional({ description: 'The engine version that extracted the quotes' })
  engineVersion?: string;
}

export class ArticleDto extends ArticleSummaryDto {
  @ApiProperty() body!: string;
  @ApiProperty({ type: [ArticleSourceDto] }) sources!: ArticleSourceDto[];
  @ApiProperty({ type: [ArticleQuoteDto], description: 'Quotes in this article, in text order' })
  quotes!: ArticleQuoteDto[];
  @ApiPropertyOptional({ type: ArticleExtractionDto }) extraction?: ArticleExtractionDto;
}

export class IngestDocumentDto {
  @ApiProperty() id!: string;
  @ApiProperty() sha256!: string;
  @ApiProperty({
    description: 'false when this exact text was ingested before (nothing new stored)',
  })
  created!: boolean;
}

export class IngestResponseDto {
  @ApiProperty({ type: IngestDocumentDto }) document!: IngestDocumentDto;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description:
      'Set when the text was seen before: nothing was changed, not even title, url, publisher or date. Edit those with PATCH /api/v1/articles/{id}',
  })
  note!: string | null;
  @ApiProperty({ type: [ArticleDto] }) articles!: ArticleDto[];
}

export class ArticlePageDto {
  @ApiProperty({ type: [ArticleSummaryDto] }) items!: ArticleSummaryDto[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor!: string | null;
}
