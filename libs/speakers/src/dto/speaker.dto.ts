import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { Type } from 'class-transformer';
import { SPEAKER_KINDS, type SpeakerKind } from '../entities/speaker.entity';

// A name has at least one letter or digit and no control characters.
const NAME = /^(?=.*[\p{L}\p{N}])[^\p{Cc}]+$/u;

export class SearchSpeakersQuery {
  @ApiPropertyOptional({
    description:
      'Name, alias or native-script name; typos tolerated. Without it, speakers are listed',
    example: 'posner',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    enum: ['name', 'newest'],
    default: 'name',
    description: 'Order of the list without `q`',
  })
  @IsOptional()
  @IsIn(['name', 'newest'])
  sort: 'name' | 'newest' = 'name';

  @ApiPropertyOptional({ description: 'nextCursor from the previous page (list without `q`)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/, { message: 'cursor is not a valid cursor' })
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;
}

export class MergeSpeakersDto {
  @ApiProperty({
    description: 'Duplicate speakers to fold into the one in the path',
    type: [String],
    format: 'uuid',
    example: ['7b0e3c1e-2f4a-4d59-9a43-0c2d6b1f5e11'],
  })
  @IsUUID('all', { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  from!: string[];
}

export class CreateSpeakerDto {
  @ApiProperty({ example: 'Ana Silva', description: 'Full name as the newsroom writes it' })
  @IsString()
  @MaxLength(200)
  @Matches(NAME, { message: 'name must contain a letter or digit and no control characters' })
  name!: string;

  @ApiPropertyOptional({ type: String, example: '王寶東', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(200)
  @Matches(NAME, { message: 'nativeName must contain a letter and no control characters' })
  nativeName?: string | null;

  @ApiPropertyOptional({
    type: [String],
    example: ['Silva'],
    description: 'Other names the speaker goes by (not the name itself or the native name)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @Matches(NAME, { each: true, message: 'each alias must contain a letter or digit' })
  aliases?: string[];

  @ApiPropertyOptional({ enum: SPEAKER_KINDS, default: 'person' })
  @IsOptional()
  @IsIn(SPEAKER_KINDS)
  kind?: SpeakerKind;
}

export class UpdateSpeakerDto {
  @ApiPropertyOptional({ example: 'Theresa May' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(NAME, { message: 'name must contain a letter or digit and no control characters' })
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '王寶東' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(200)
  @Matches(NAME, { message: 'nativeName must contain a letter and no control characters' })
  nativeName?: string | null;

  @ApiPropertyOptional({
    type: [String],
    description: 'The complete list of other names; replaces the current one',
    example: ['Baodong Wang', 'Wang Pao-tung'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @Matches(NAME, { each: true, message: 'each alias must contain a letter or digit' })
  aliases?: string[];

  @ApiPropertyOptional({ enum: SPEAKER_KINDS })
  @IsOptional()
  @IsIn(SPEAKER_KINDS)
  kind?: SpeakerKind;
}

export class AffiliationInputDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'mayor' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  role?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'City of Toronto' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  organization?: string | null;

  @ApiPropertyOptional({ example: '2018-11-01', description: 'Held from (ISO 8601 date)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2022-11-15', description: 'Held until (ISO 8601 date)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class AffiliationDto {
  @ApiProperty() id!: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'spokesman' }) role!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Chinese embassy in Washington' })
  organization!: string | null;
  @ApiProperty() firstSeen!: string;
  @ApiProperty() lastSeen!: string;
  @ApiProperty({ type: [String], description: 'Articles that gave this affiliation' })
  articleIds!: string[];
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The reviewer who entered or changed it',
  })
  editedBy!: string | null;
}

export class SpeakerSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'Wang Baodong' }) name!: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '王寶東' }) nativeName!:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Most recent role' }) role!:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) organization!: string | null;
  @ApiProperty({ enum: SPEAKER_KINDS }) kind!: SpeakerKind;
}

export class SpeakerHitDto extends SpeakerSummaryDto {
  @ApiProperty({ description: 'The name or alias that matched' }) matched!: string;
  @ApiProperty({ description: '0..1' }) similarity!: number;
}

export class SpeakerPageDto {
  @ApiProperty({ type: [SpeakerSummaryDto] }) items!: SpeakerSummaryDto[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor!: string | null;
}

export class SpeakerRecentArticleDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) title!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Taipei Times' })
  publisher!: string | null;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'null when the article is undated',
  })
  publishedAt!: string | null;
}

export class SpeakerRecentQuoteDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'date-time' }) firstSeen!: string;
  @ApiProperty({ type: SpeakerRecentArticleDto }) article!: SpeakerRecentArticleDto;
}

export class SpeakerQuotesDto {
  @ApiProperty({ example: 3 }) quotes!: number;
  @ApiProperty({ example: 4, description: 'Appearances across articles' }) occurrences!: number;
  @ApiProperty({ example: 2 }) articles!: number;
  @ApiProperty({ type: [SpeakerRecentQuoteDto], description: 'Most recent first, at most 50' })
  recent!: SpeakerRecentQuoteDto[];
}

export class SpeakerProfileDto extends SpeakerSummaryDto {
  @ApiProperty({ description: 'Changes with every edit; send it back as If-Match' })
  version!: number;
  @ApiProperty({ type: [String] }) aliases!: string[];
  @ApiProperty({ type: [AffiliationDto] }) affiliations!: AffiliationDto[];
  @ApiProperty({
    type: () => SpeakerQuotesDto,
    description: 'Counts and recent quotes (with article title and date)',
  })
  quotes!: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: "How the speaker's claims were judged, by status",
    example: { verified: 1, disputed: 2, false: 0, misleading: 0, unverifiable: 0, unreviewed: 1 },
  })
  verdicts!: Record<string, number>;
}
