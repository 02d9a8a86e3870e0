import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// The one error shape every endpoint answers with.
export class ErrorBody {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty({ example: 'body must be a non-empty string' }) message!: string;
  @ApiPropertyOptional({ description: 'Machine-readable code, field errors, limits' })
  details?: Record<string, unknown>;
  @ApiProperty({ description: 'Echoed in the x-request-id header and in logs' }) requestId!: string;
}
