import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, Role } from '@app/common';

export class CreateApiKeyDto {
  @ApiProperty({
    example: 'Jane Doe (desk)',
    description: 'Who holds the key; shown in the audit trail',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;
}

export class ApiKeyDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) revokedAt!: string | null;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({ description: 'The key itself: shown once, store it now' }) key!: string;
}

export class WhoAmIDto {
  @ApiProperty({ example: 'Jane Doe (desk)' }) name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
}
