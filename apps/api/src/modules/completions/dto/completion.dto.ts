import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, IsUrl, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { COMPLETION_STATUSES, type CompletionStatus, type CreateCompletionRequestDto } from '@skillgrid/shared';
import { PaginationQueryDto } from '../../../common/http/pagination';
import { IsIsoDate } from '../../../common/http/is-iso-date';

export class CreateCompletionDto implements CreateCompletionRequestDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  employeeId!: number;

  @ApiProperty()
  @IsInt()
  @Min(1)
  credentialId!: number;

  @ApiProperty({ example: '2026-05-14' })
  @IsIsoDate()
  awardedAt!: string;

  @ApiPropertyOptional({ nullable: true, description: "Default: awardedAt + the credential's validity (clamped to month end)" })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsIsoDate()
  expiresAt?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, { message: 'evidenceUrl must be an http(s) URL' })
  @MaxLength(1000)
  evidenceUrl?: string | null;

  @ApiPropertyOptional({ nullable: true, minimum: 0, maximum: 1000 })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1000)
  score?: number | null;
}

export class UpdateCompletionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsIsoDate()
  awardedAt?: string;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsIsoDate()
  expiresAt?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, { message: 'evidenceUrl must be an http(s) URL' })
  @MaxLength(1000)
  evidenceUrl?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1000)
  score?: number | null;

  @ApiPropertyOptional({ enum: COMPLETION_STATUSES })
  @IsOptional()
  @IsIn(COMPLETION_STATUSES)
  status?: CompletionStatus;

  @ApiPropertyOptional({ nullable: true, description: 'Why the status changed (kept in the audit trail)' })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string | null;
}

export class RevokeCompletionQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ListCompletionsQuery extends PaginationQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  employeeId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  credentialId?: number;

  @ApiPropertyOptional({ enum: COMPLETION_STATUSES })
  @IsOptional()
  @IsIn(COMPLETION_STATUSES)
  status?: CompletionStatus;

  @ApiPropertyOptional({ description: 'Awarded on or after' })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Awarded on or before' })
  @IsOptional()
  @IsIsoDate()
  to?: string;
}
