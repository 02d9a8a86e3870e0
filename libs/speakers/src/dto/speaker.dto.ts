import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Type } from 'class-transformer';

export class SearchSpeakersQuery {
  @ApiProperty({
    description: 'Name, alias or native-script name; typos tolerated',
    example: 'posner',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
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
  })
  @IsUUID('all', { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  from!: string[];
}

export class AffiliationDto {
  @ApiPropertyOptional({ nullable: true, example: 'spokesman' }) role!: string | null;
  @ApiPropertyOptional({ nullable: true, example: 'Chinese embassy in Washington' }) organization!:
    string | null;
  @ApiProperty() firstSeen!: string;
  @ApiProperty() lastSeen!: string;
  @ApiProperty({ type: [String], description: 'Articles that gave this affiliation' })
  articleIds!: string[];
}

export class SpeakerSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'Wang Baodong' }) name!: string;
  @ApiPropertyOptional({ nullable: true, example: '王寶東' }) nativeName!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Most recent role' }) role!: string | null;
  @ApiPropertyOptional({ nullable: true }) organization!: string | null;
}

export class SpeakerHitDto extends SpeakerSummaryDto {
  @ApiProperty({ description: 'The name or alias that matched' }) matched!: string;
  @ApiProperty({ description: '0..1' }) similarity!: number;
}

export class SpeakerProfileDto extends SpeakerSummaryDto {
  @ApiProperty({ type: [String] }) aliases!: string[];
  @ApiProperty({ type: [AffiliationDto] }) affiliations!: AffiliationDto[];
  @ApiProperty({ description: 'Counts and recent quotes, added by the quote store' })
  quotes!: Record<string, unknown>;
}
