import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '@app/common';

export const UNDATED_OPTIONS = ['include', 'exclude', 'only'] as const;
export type UndatedOption = (typeof UNDATED_OPTIONS)[number];

// GET /articles: filters on top of the newest-first keyset paging.
export class ArticleListQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'Exact publisher, case-insensitive',
    example: 'Taipei Times',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  publisher?: string;

  @ApiPropertyOptional({ description: 'Published on or after (ISO date)', example: '2010-01-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    description: 'Published on or before (ISO date; a date means the whole day)',
    example: '2010-12-31',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({
    enum: UNDATED_OPTIONS,
    description:
      'Articles with no published date: include, exclude or only them. Default: include, but exclude when from or to is given',
  })
  @IsOptional()
  @IsIn(UNDATED_OPTIONS)
  undated?: UndatedOption;

  @ApiPropertyOptional({
    description: 'Full text over title and body, web-search syntax: "a phrase", OR, -word',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  q?: string;
}
