import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsISO8601,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';

// A date, or a date-time that says its offset: "2019-03-05T10:00" alone would be read in the
// server's time zone, so it is refused rather than guessed.
export const PUBLISHED_DATE =
  /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

// Each field is optional; null clears it. Absent fields are left as they are.
export class PatchArticleDto {
  @ApiPropertyOptional({
    type: String,
    maxLength: 500,
    nullable: true,
    example: 'US, China resume rights talks',
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'https://www.taipeitimes.com/News/world/archives/2010/05/14/2003473003',
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  url?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 200, nullable: true, example: 'Taipei Times' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  publisher?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2010-05-14',
    description:
      'When the article was published: an ISO 8601 date (2010-05-14) or a date-time with its offset (2010-05-14T08:30:00+08:00); null = undated. Quotes, their from/to filters and exports follow it.',
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  @Matches(PUBLISHED_DATE, {
    message:
      'publishedAt must be an ISO 8601 date (2010-05-14) or a date-time with an offset (2010-05-14T08:30:00Z)',
  })
  @IsISO8601({ strict: true }, { message: 'publishedAt is not a real date' })
  publishedAt?: string | null;
}
