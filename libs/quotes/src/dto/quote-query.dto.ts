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
import { IsCalendarDate, PageQuery } from '@app/common';

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

  @ApiPropertyOptional({ description: 'Speaker id, or a name / alias' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  speaker?: string;

  @ApiPropertyOptional({ description: 'Article id' })
  @IsOptional()
  @IsUUID()
  article?: string;

  @ApiPropertyOptional({ description: 'First seen on or after (ISO date)', example: '2010-01-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'First seen on or before (ISO date)', example: '2010-12-31' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @IsCalendarDate()
  to?: string;

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
