import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class PreviewQuoteDto {
  @ApiProperty() text!: string;
  @ApiProperty({ description: 'Offset into the text sent' }) start!: number;
  @ApiProperty() end!: number;
  @ApiPropertyOptional({ type: String, nullable: true }) speaker!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) speakerDescription!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) mention!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) cue!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) role!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) organization!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) nativeName!: string | null;
  @ApiProperty() partial!: boolean;
  @ApiProperty() unterminated!: boolean;
  @ApiProperty() rule!: string;
  @ApiProperty() confidence!: number;
}

export class PreviewPersonDto {
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) nativeName!: string | null;
  @ApiProperty({ type: [String] }) aliases!: string[];
  @ApiPropertyOptional({ type: String, nullable: true }) role!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) organization!: string | null;
  @ApiProperty() quoted!: boolean;
}

export class PreviewArticleDto {
  @ApiProperty({ enum: ['article', 'teaser'] }) kind!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) kicker!: string | null;
  @ApiProperty() truncated!: boolean;
  @ApiProperty() start!: number;
  @ApiProperty() end!: number;
  @ApiProperty({ type: [PreviewQuoteDto] }) quotes!: PreviewQuoteDto[];
  @ApiProperty({ type: [PreviewPersonDto] }) people!: PreviewPersonDto[];
}

export class ExtractPreviewDto {
  @ApiProperty() engineVersion!: string;
  @ApiProperty({ type: [PreviewArticleDto] }) articles!: PreviewArticleDto[];
}
