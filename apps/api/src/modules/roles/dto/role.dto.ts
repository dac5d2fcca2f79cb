import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CATALOGUE_STATUSES, MAX_LEVEL, MAX_WEIGHT, MIN_LEVEL, MIN_WEIGHT, type CatalogueStatus } from '@skillgrid/shared';
import { SearchPageQueryDto } from '../../../common/http/pagination';

export class RoleRequirementInputDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  skillId!: number;

  @ApiProperty({ minimum: MIN_LEVEL, maximum: MAX_LEVEL })
  @IsInt()
  @Min(MIN_LEVEL)
  @Max(MAX_LEVEL)
  requiredLevel!: number;

  @ApiProperty({ minimum: MIN_WEIGHT, maximum: MAX_WEIGHT, description: '3 = critical' })
  @IsInt()
  @Min(MIN_WEIGHT)
  @Max(MAX_WEIGHT)
  weight!: number;
}

export class CreateRoleDto {
  @ApiProperty({ maxLength: 120, example: 'Payroll Officer' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @ApiPropertyOptional({ maxLength: 120, nullable: true, example: 'Finance' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  family?: string | null;

  @ApiPropertyOptional({ maxLength: 1000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string | null;

  @ApiPropertyOptional({ type: [RoleRequirementInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => RoleRequirementInputDto)
  requirements?: RoleRequirementInputDto[];
}

export class UpdateRoleDto {
  @ApiPropertyOptional({ maxLength: 120 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name?: string;

  @ApiPropertyOptional({ maxLength: 120, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  family?: string | null;

  @ApiPropertyOptional({ maxLength: 1000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string | null;

  @ApiPropertyOptional({ enum: CATALOGUE_STATUSES })
  @IsOptional()
  @IsIn(CATALOGUE_STATUSES)
  status?: CatalogueStatus;

  @ApiPropertyOptional({ type: [RoleRequirementInputDto], description: 'Replaces every requirement of the role when given' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => RoleRequirementInputDto)
  requirements?: RoleRequirementInputDto[];
}

export class ListRolesQuery extends SearchPageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(120)
  family?: string;

  @ApiPropertyOptional({ enum: CATALOGUE_STATUSES })
  @IsOptional()
  @IsIn(CATALOGUE_STATUSES)
  status?: CatalogueStatus;
}
