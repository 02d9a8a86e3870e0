import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  ValidateBy,
  ValidationOptions,
} from 'class-validator';
import { IsCalendarDate } from '@app/common';
import { articleTextProblem } from '../article-text';

function IsArticleText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isArticleText',
      validator: {
        validate: (value: unknown) => articleTextProblem(value) === null,
        defaultMessage: (args) => articleTextProblem(args?.value) ?? 'body is invalid',
      },
    },
    options,
  );
}

export class CreateArticleDto {
  @ApiProperty({
    description: 'Article text as published; related-story teasers after it are split off',
    example:
      '"We will not accept any pressure," Wang Baodong, a spokesman for the Chinese embassy, said on Thursday.',
  })
  @IsArticleText()
  body!: string;

  @ApiPropertyOptional({ maxLength: 500, example: 'US, China resume rights talks' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional({
    example: 'https://www.taipeitimes.com/News/world/archives/2010/05/14/2003473003',
  })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ example: 'Taipei Times', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  publisher?: string;

  @ApiPropertyOptional({ example: '2010-05-14', description: 'ISO 8601 date or date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @IsCalendarDate()
  publishedAt?: string;
}
