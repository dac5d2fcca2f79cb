import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { ForecastHiringChange, ForecastRoleAttrition, ForecastScenarioSettings } from '@skillgrid/shared';

const RATE = 'must be a number from 0 to 1';

export class RoleAttritionDto implements ForecastRoleAttrition {
  @ApiProperty({ minimum: 1 })
  @IsInt({ message: 'must be a positive integer' })
  @Min(1, { message: 'must be a positive integer' })
  roleId!: number;

  @ApiProperty({ minimum: 0, maximum: 1 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: RATE })
  @Min(0, { message: RATE })
  @Max(1, { message: RATE })
  rate!: number;
}

export class HiringChangeDto implements ForecastHiringChange {
  @ApiProperty({ minimum: 1 })
  @IsInt({ message: 'must be a positive integer' })
  @Min(1, { message: 'must be a positive integer' })
  roleId!: number;

  @ApiProperty({ example: '2026-03', description: 'YYYY-MM: the change applies from this month on' })
  @IsString({ message: 'must be a month written YYYY-MM' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month written YYYY-MM' })
  month!: string;

  @ApiProperty({ description: 'People added to the planned headcount (negative: fewer)', minimum: -100000, maximum: 100000 })
  @IsInt({ message: 'must be a whole number of people' })
  @Min(-100_000, { message: 'must be at least -100000' })
  @Max(100_000, { message: 'must be at most 100000' })
  change!: number;
}

/** What a scenario changes; every field optional. */
export class ScenarioSettingsDto implements ForecastScenarioSettings {
  @ApiPropertyOptional({ nullable: true, minimum: 0, maximum: 1, description: 'Annual attrition of every role' })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: RATE })
  @Min(0, { message: RATE })
  @Max(1, { message: RATE })
  attritionRate?: number | null;

  @ApiPropertyOptional({ type: [RoleAttritionDto] })
  @IsOptional()
  @IsArray({ message: 'must be a list' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => RoleAttritionDto)
  roleAttrition?: RoleAttritionDto[];

  @ApiPropertyOptional({ type: [HiringChangeDto] })
  @IsOptional()
  @IsArray({ message: 'must be a list' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => HiringChangeDto)
  hiring?: HiringChangeDto[];

  @ApiPropertyOptional({ nullable: true, minimum: 0, description: "Extra training budget in the organisation's currency" })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number of at least 0' })
  @Min(0, { message: 'must be a number of at least 0' })
  @Max(1_000_000_000, { message: 'must be at most 1000000000' })
  budget?: number | null;
}

export class CreateScenarioDto extends ScenarioSettingsDto {
  @ApiProperty({ maxLength: 120, example: 'Hiring freeze, 20 % attrition' })
  @IsString({ message: 'must be text' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(120, { message: 'must be at most 120 characters' })
  name!: string;
}

export class UpdateScenarioDto extends ScenarioSettingsDto {
  @ApiPropertyOptional({ maxLength: 120 })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(120, { message: 'must be at most 120 characters' })
  name?: string;
}
