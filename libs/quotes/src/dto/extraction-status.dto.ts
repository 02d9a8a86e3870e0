import { ApiProperty } from '@nestjs/swagger';

export class ExtractionCountDto {
  @ApiProperty({ enum: ['pending', 'done', 'failed', 'none'], example: 'done' }) status!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2.1.0',
    description: 'The engine that last extracted these articles (null: none yet)',
  })
  engineVersion!: string | null;
  @ApiProperty({ example: 840 }) articles!: number;
}

export class ExtractionFailureDto {
  @ApiProperty({ format: 'uuid' }) articleId!: string;
  @ApiProperty({ example: 'connection terminated unexpectedly' }) error!: string;
}

export class ExtractionStatusDto {
  @ApiProperty({ example: '2.1.0', description: "This server's engine version" })
  engineVersion!: string;
  @ApiProperty({ example: 5000 }) articles!: number;
  @ApiProperty({ example: 4200, description: 'Extracted by this engine version' }) current!: number;
  @ApiProperty({
    example: 760,
    description: 'Extracted by an older engine: `cli reextract` sends them to the queue',
  })
  stale!: number;
  @ApiProperty({ example: 36, description: 'Waiting for a queue worker' }) pending!: number;
  @ApiProperty({ example: 4, description: 'Given up after the retries, with an error' })
  failed!: number;
  @ApiProperty({ example: 0, description: 'Stored without any extraction record' })
  missing!: number;
  @ApiProperty({ type: [ExtractionCountDto], description: 'By state and engine version' })
  byState!: ExtractionCountDto[];
  @ApiProperty({ type: [ExtractionFailureDto], description: 'Up to 20 failed articles' })
  failures!: ExtractionFailureDto[];
}
