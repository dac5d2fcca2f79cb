import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { CATALOGUE_STATUSES, SKILL_KINDS, type CatalogueStatus, type SkillKind } from '@skillgrid/shared';
import { SearchPageQueryDto } from '../../../common/http/pagination';

export class CreateSkillCategoryDto {
  @ApiProperty({ maxLength: 120, example: 'Digital and IT' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @ApiPropertyOptional({ maxLength: 1000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string | null;
}

export class UpdateSkillCategoryDto extends PartialType(CreateSkillCategoryDto) {}

export class CreateSkillDto {
  @ApiProperty({ maxLength: 200, example: 'Data visualisation' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  categoryId!: number;

  @ApiProperty({ enum: SKILL_KINDS })
  @IsIn(SKILL_KINDS)
  kind!: SkillKind;

  @ApiPropertyOptional({ maxLength: 5000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional({ maxLength: 255, nullable: true, description: 'ESCO URI, O*NET element id or SFIA code' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  externalRef?: string | null;
}

export class UpdateSkillDto extends PartialType(CreateSkillDto) {
  @ApiPropertyOptional({ enum: CATALOGUE_STATUSES })
  @IsOptional()
  @IsIn(CATALOGUE_STATUSES)
  status?: CatalogueStatus;
}

export class ListSkillsQuery extends SearchPageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  categoryId?: number;

  @ApiPropertyOptional({ enum: SKILL_KINDS })
  @IsOptional()
  @IsIn(SKILL_KINDS)
  kind?: SkillKind;

  @ApiPropertyOptional({ enum: CATALOGUE_STATUSES })
  @IsOptional()
  @IsIn(CATALOGUE_STATUSES)
  status?: CatalogueStatus;
}

export class ListCategoriesQuery extends SearchPageQueryDto {}
