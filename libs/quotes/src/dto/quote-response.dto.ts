import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class QuoteSpeakerDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) nativeName!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'As the article gave it' })
  role!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) organization!: string | null;
}

export class QuoteArticleDto {
  @ApiProperty() id!: string;
  @ApiProperty() kind!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) kicker!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) title!: string | null;
  @ApiProperty() lead!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) url!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) publisher!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'null when the article is undated',
  })
  publishedAt!: string | null;
  @ApiProperty({ description: 'false when the article has no published date' }) dated!: boolean;
  @ApiProperty({ type: [String], description: 'Files / documents it came from' }) sources!: {
    documentId: string;
    filename: string | null;
  }[];
}

export class ClaimRefDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'disputed' }) status!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) reviewedAt!: string | null;
}

export class QuoteHitDto {
  @ApiProperty() id!: string;
  @ApiProperty() text!: string;
  @ApiPropertyOptional({ type: QuoteSpeakerDto, nullable: true }) speaker!: QuoteSpeakerDto | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'a South Korean political pundit' })
  speakerDescription!: string | null;
  @ApiProperty({ type: QuoteArticleDto, description: 'Where it was first seen' })
  article!: QuoteArticleDto;
  @ApiProperty({
    description:
      'When it was first said: the earliest published date of its articles; for an undated quote (dated: false) only the ingest time',
  })
  firstSeen!: string;
  @ApiProperty({ description: 'false when every article it appears in is undated' })
  dated!: boolean;
  @ApiProperty() occurrences!: number;
  @ApiProperty({ enum: ['unverified', 'confirmed', 'misattributed'] }) attributionStatus!: string;
  @ApiProperty({ description: 'unreviewed, or the latest verdict of its claim' }) verdict!: string;
  @ApiPropertyOptional({ type: ClaimRefDto, nullable: true }) claim!: ClaimRefDto | null;
  @ApiProperty() version!: number;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'When a reviewer rejected it as not a quotation (null = not rejected)',
  })
  rejectedAt!: string | null;
}

export class LookupHitDto extends QuoteHitDto {
  @ApiProperty({ description: '0..1, higher is closer' }) similarity!: number;
}

export class OccurrenceDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: QuoteArticleDto }) article!: QuoteArticleDto;
  @ApiProperty() start!: number;
  @ApiProperty() end!: number;
  @ApiProperty({ description: 'Exact wording at this place' }) wording!: string;
  @ApiProperty({ description: 'The paragraph around it' }) context!: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Wang' }) mention!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'said' }) cue!: string | null;
  @ApiProperty({ example: 'cue-after-name' }) rule!: string;
  @ApiProperty() confidence!: number;
  @ApiProperty() partial!: boolean;
  @ApiProperty() unterminated!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) role!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) organization!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) speakerDescription!: string | null;
}

export class QuoteDetailDto extends QuoteHitDto {
  @ApiProperty({ type: [OccurrenceDto], description: 'Every place it appeared' })
  appearances!: OccurrenceDto[];
  @ApiPropertyOptional({ type: String, nullable: true }) correctedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) correctedBy!: string | null;
}

export class QuotePageDto {
  @ApiProperty({ type: [QuoteHitDto] }) items!: QuoteHitDto[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor!: string | null;
}
