import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CreateSpeakerDto } from '@app/speakers';
import { IsCalendarDate, PageQuery } from '@app/common';
import { UNDATED_OPTIONS, type UndatedOption } from '@app/articles';

export const VERDICTS = [
  'unreviewed',
  'verified',
  'disputed',
  'false',
  'misleading',
  'unverifiable',
] as const;
export type Verdict = (typeof VERDICTS)[number];
export const ATTRIBUTION_STATUSES = ['unverified', 'confirmed', 'misattributed'] as const;

export class QuoteFilterQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'Full text, web-search syntax: "a phrase", OR, -word',
    example: 'expressions of mind',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  q?: string;

  @ApiPropertyOptional({
    description:
      'Speaker id, or an exact name or alias; a name that fits several speakers is a 409 listing them',
    example: 'Wang Baodong',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  speaker?: string;

  @ApiPropertyOptional({
    description: 'Said in an article of this publisher (exact, any case)',
    example: 'Taipei Times',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  publisher?: string;

  @ApiPropertyOptional({ description: 'Article id' })
  @IsOptional()
  @IsUUID()
  article?: string;

  @ApiPropertyOptional({
    description:
      "Said on or after (ISO date): the published date of the quote's earliest dated article, not the ingest time",
    example: '2010-01-01',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    description: 'Said on or before (ISO date; a date means the whole day)',
    example: '2010-12-31',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({
    enum: UNDATED_OPTIONS,
    description:
      'Quotes seen only in undated articles: include, exclude or only them. Default: include, but exclude when from or to is given (a date range asks for known dates); only cannot be combined with from/to',
  })
  @IsOptional()
  @IsIn(UNDATED_OPTIONS)
  undated?: UndatedOption;

  @ApiPropertyOptional({ enum: VERDICTS })
  @IsOptional()
  @IsIn(VERDICTS)
  verdict?: Verdict;

  @ApiPropertyOptional({
    enum: ['exclude', 'include', 'only'],
    default: 'exclude',
    description: 'Quotes a reviewer rejected (not quotations) are left out unless asked for',
  })
  @IsOptional()
  @IsIn(['exclude', 'include', 'only'])
  rejected?: 'exclude' | 'include' | 'only';
}

export class LookupQuery {
  @ApiProperty({
    description: 'The words as remembered',
    example: 'nobody was punished for expressing his mind',
  })
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  text!: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 50, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit = 10;
}

export class PatchQuoteDto {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    example: '7b0e3c1e-2f4a-4d59-9a43-0c2d6b1f5e11',
    description: 'Correct attribution: the speaker who said it (null = unattributed)',
    nullable: true,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  speakerId?: string | null;

  @ApiPropertyOptional({
    description: 'Correct the wording',
    example: 'We will not accept any pressure.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  text?: string;

  @ApiPropertyOptional({
    enum: ATTRIBUTION_STATUSES,
    description: 'Did they say it? (apart from whether it is true)',
  })
  @IsOptional()
  @IsIn(ATTRIBUTION_STATUSES)
  attributionStatus?: (typeof ATTRIBUTION_STATUSES)[number];

  @ApiPropertyOptional({
    description:
      'true: not a quotation or not speech (a sign, a scare quote); it leaves search, exports and ' +
      'claim matching, and re-extraction does not bring it back. false: restore it',
    example: false,
  })
  @IsOptional()
  @IsBoolean()
  rejected?: boolean;

  @ApiPropertyOptional({
    description: 'Why it was rejected',
    example: 'A protest sign, not speech',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason?: string;
}

export class QuoteHistoryEntryDto {
  @ApiProperty({ example: '2026-11-30T10:00:00.000Z' }) at!: string;
  @ApiProperty({ example: 'quote.correct' }) action!: string;
  @ApiProperty({ example: 'Rita Reviewer', description: 'Who made the change (the key name)' })
  actor!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) actorRole!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'The quote before the change' })
  before!: unknown;
  @ApiPropertyOptional({ nullable: true, description: 'What changed' }) after!: unknown;
  @ApiPropertyOptional({ type: String, nullable: true }) requestId!: string | null;
}

export class SplitSpeakerDto {
  @ApiProperty({
    type: [String],
    description: "The quotes (now the speaker's) that were really said by someone else",
    example: ['3f0c2a9e-8d1b-4c7a-9e2f-1b2c3d4e5f60'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  quoteIds!: string[];

  @ApiPropertyOptional({
    description: 'Move them to this existing speaker…',
    example: '9b2e4c1a-6f3d-4e8b-a0c7-5d1f2e3a4b5c',
  })
  @IsOptional()
  @IsUUID()
  intoSpeakerId?: string;

  @ApiPropertyOptional({
    type: CreateSpeakerDto,
    description: '…or to a new speaker made from this',
    example: { name: 'John McCallum', aliases: ['McCallum'] },
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CreateSpeakerDto)
  newSpeaker?: CreateSpeakerDto;
}

export class SplitSpeakerResultDto {
  @ApiProperty({ description: 'The speaker the quotes now belong to' }) speakerId!: string;
  @ApiProperty({ type: [String], description: 'The moved quotes’ ids afterwards' })
  moved!: string[];
}
