import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { EMPLOYEE_STATUSES, type EmployeeStatus } from '@skillgrid/shared';
import { SearchPageQueryDto } from '../../../common/http/pagination';
import { IsIsoDate } from '../../../common/http/is-iso-date';

export class CreateEmployeeDto {
  @ApiProperty({ maxLength: 160, example: 'Priya Shah' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(160)
  name!: string;

  @ApiProperty({ maxLength: 254, example: 'priya.shah@example.com' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({ maxLength: 64, nullable: true, description: 'HRIS key' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  externalId?: string | null;

  @ApiProperty()
  @IsInt()
  @Min(1)
  teamId!: number;

  @ApiProperty()
  @IsInt()
  @Min(1)
  roleId!: number;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsInt()
  @Min(1)
  locationId?: number | null;

  @ApiProperty({ example: '2024-03-01' })
  @IsIsoDate()
  hireDate!: string;

  @ApiPropertyOptional({ nullable: true, description: 'Career-goal role' })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsInt()
  @Min(1)
  targetRoleId?: number | null;
}

export class UpdateEmployeeDto {
  @ApiPropertyOptional({ maxLength: 160 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(160)
  name?: string;

  @ApiPropertyOptional({ maxLength: 254 })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ maxLength: 64, nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  externalId?: string | null;

  @ApiPropertyOptional({ description: 'A move: closes the current employment period and opens a new one' })
  @IsOptional()
  @IsInt()
  @Min(1)
  teamId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  roleId?: number;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsInt()
  @Min(1)
  locationId?: number | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIsoDate()
  hireDate?: string;

  @ApiPropertyOptional({ enum: EMPLOYEE_STATUSES, description: "'left' needs leaveDate (default today)" })
  @IsOptional()
  @IsIn(EMPLOYEE_STATUSES)
  status?: EmployeeStatus;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsIsoDate()
  leaveDate?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsInt()
  @Min(1)
  targetRoleId?: number | null;

  @ApiPropertyOptional({ description: 'When a move takes effect (default today)' })
  @IsOptional()
  @IsIsoDate()
  effectiveDate?: string;
}

export class ListEmployeesQuery extends SearchPageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  teamId?: number;

  @ApiPropertyOptional({ default: true, description: 'With teamId: include its sub-teams' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'includeSubteams must be true or false' })
  includeSubteams?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  roleId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  locationId?: number;

  @ApiPropertyOptional({ enum: EMPLOYEE_STATUSES })
  @IsOptional()
  @IsIn(EMPLOYEE_STATUSES)
  status?: EmployeeStatus;
}

export class ProfileQuery {
  @ApiPropertyOptional({ description: 'As-of date (default: today in the organisation time zone)' })
  @IsOptional()
  @IsIsoDate()
  asOf?: string;
}

export class TargetRoleDto {
  @ApiProperty({ nullable: true, description: 'The career-goal role, or null to clear it' })
  @IsDefined()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  targetRoleId!: number | null;
}
