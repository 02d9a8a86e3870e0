import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
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
} from 'class-validator';
import { PageQuery } from '@app/common';
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
  from?: string;

  @ApiPropertyOptional({
    description: 'Said on or before (ISO date; a date means the whole day)',
    example: '2010-12-31',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
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

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit = 10;
}

export class PatchQuoteDto {
  @ApiPropertyOptional({
    description: 'Correct attribution: the speaker who said it (null = unattributed)',
    nullable: true,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  speakerId?: string | null;

  @ApiPropertyOptional({ description: 'Correct the wording' })
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
}
