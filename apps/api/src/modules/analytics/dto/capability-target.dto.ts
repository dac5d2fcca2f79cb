import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_LEVEL, MIN_LEVEL } from '@skillgrid/shared';

export class CreateCapabilityTargetDto {
  @ApiProperty()
  @IsInt({ message: 'teamId must be a positive integer' })
  @Min(1, { message: 'teamId must be a positive integer' })
  teamId!: number;

  @ApiProperty()
  @IsInt({ message: 'skillId must be a positive integer' })
  @Min(1, { message: 'skillId must be a positive integer' })
  skillId!: number;

  @ApiProperty({ minimum: MIN_LEVEL, maximum: MAX_LEVEL })
  @IsInt({ message: `minLevel must be a whole number from ${MIN_LEVEL} to ${MAX_LEVEL}` })
  @Min(MIN_LEVEL, { message: `minLevel must be from ${MIN_LEVEL} to ${MAX_LEVEL}` })
  @Max(MAX_LEVEL, { message: `minLevel must be from ${MIN_LEVEL} to ${MAX_LEVEL}` })
  minLevel!: number;

  @ApiProperty({ minimum: 1, maximum: 100000, description: 'How many people the team needs at minLevel or above' })
  @IsInt({ message: 'requiredCount must be a whole number from 1 to 100000' })
  @Min(1, { message: 'requiredCount must be from 1 to 100000' })
  @Max(100000, { message: 'requiredCount must be from 1 to 100000' })
  requiredCount!: number;
}

export class UpdateCapabilityTargetDto {
  @ApiPropertyOptional({ minimum: MIN_LEVEL, maximum: MAX_LEVEL })
  @IsOptional()
  @IsInt({ message: `minLevel must be a whole number from ${MIN_LEVEL} to ${MAX_LEVEL}` })
  @Min(MIN_LEVEL, { message: `minLevel must be from ${MIN_LEVEL} to ${MAX_LEVEL}` })
  @Max(MAX_LEVEL, { message: `minLevel must be from ${MIN_LEVEL} to ${MAX_LEVEL}` })
  minLevel?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100000 })
  @IsOptional()
  @IsInt({ message: 'requiredCount must be a whole number from 1 to 100000' })
  @Min(1, { message: 'requiredCount must be from 1 to 100000' })
  @Max(100000, { message: 'requiredCount must be from 1 to 100000' })
  requiredCount?: number;
}
