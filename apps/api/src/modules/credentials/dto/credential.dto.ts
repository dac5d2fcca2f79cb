import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CATALOGUE_STATUSES,
  CREDENTIAL_TYPES,
  DELIVERY_METHODS,
  MAX_LEVEL,
  MIN_LEVEL,
  type CatalogueStatus,
  type CredentialType,
  type DeliveryMethod,
} from '@skillgrid/shared';
import { SearchPageQueryDto } from '../../../common/http/pagination';

export class CredentialSkillInputDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  skillId!: number;

  @ApiProperty({ minimum: MIN_LEVEL, maximum: MAX_LEVEL })
  @IsInt()
  @Min(MIN_LEVEL)
  @Max(MAX_LEVEL)
  level!: number;
}

export class CredentialFieldsDto {
  @ApiPropertyOptional({ maxLength: 200, example: 'AWS Cloud Practitioner' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ maxLength: 160, example: 'Amazon Web Services' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(160)
  provider?: string;

  @ApiPropertyOptional({ enum: CREDENTIAL_TYPES })
  @IsOptional()
  @IsIn(CREDENTIAL_TYPES)
  type?: CredentialType;

  @ApiPropertyOptional({ enum: DELIVERY_METHODS })
  @IsOptional()
  @IsIn(DELIVERY_METHODS)
  deliveryMethod?: DeliveryMethod;

  @ApiPropertyOptional({ minimum: 0, maximum: 10000, description: 'Typical hours to complete' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(10000)
  hours?: number;

  @ApiPropertyOptional({ minimum: 0, description: "In the organisation's currency" })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1_000_000)
  cost?: number;

  @ApiPropertyOptional({ nullable: true, minimum: 1, maximum: 600, description: 'Null: never expires' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  validityMonths?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(500)
  url?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Open Badges achievement id' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  achievementId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  credlyTemplateId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  badgrClassId?: string | null;

  @ApiPropertyOptional({ type: [CredentialSkillInputDto], description: 'The skills granted; replaces them all when given' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CredentialSkillInputDto)
  skills?: CredentialSkillInputDto[];
}

export class CreateCredentialDto extends CredentialFieldsDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  declare name: string;

  @ApiProperty({ maxLength: 160 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(160)
  declare provider: string;

  @ApiProperty({ enum: CREDENTIAL_TYPES })
  @IsIn(CREDENTIAL_TYPES)
  declare type: CredentialType;

  @ApiProperty({ enum: DELIVERY_METHODS })
  @IsIn(DELIVERY_METHODS)
  declare deliveryMethod: DeliveryMethod;

  @ApiProperty({ minimum: 0 })
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(10000)
  declare hours: number;

  @ApiProperty({ minimum: 0 })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1_000_000)
  declare cost: number;
}

export class UpdateCredentialDto extends CredentialFieldsDto {
  @ApiPropertyOptional({ enum: CATALOGUE_STATUSES })
  @IsOptional()
  @IsIn(CATALOGUE_STATUSES)
  status?: CatalogueStatus;
}

export class ListCredentialsQuery extends SearchPageQueryDto {
  @ApiPropertyOptional({ description: 'Only credentials granting this skill' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  skillId?: number;

  @ApiPropertyOptional({ enum: CREDENTIAL_TYPES })
  @IsOptional()
  @IsIn(CREDENTIAL_TYPES)
  type?: CredentialType;

  @ApiPropertyOptional({ enum: DELIVERY_METHODS })
  @IsOptional()
  @IsIn(DELIVERY_METHODS)
  deliveryMethod?: DeliveryMethod;

  @ApiPropertyOptional({ enum: CATALOGUE_STATUSES })
  @IsOptional()
  @IsIn(CATALOGUE_STATUSES)
  status?: CatalogueStatus;
}
