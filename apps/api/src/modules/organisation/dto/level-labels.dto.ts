import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { ProficiencyLevelDto, UpdateLevelLabelsRequestDto } from '@skillgrid/shared';

export class ProficiencyLevelInputDto implements ProficiencyLevelDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  level!: number;

  @ApiProperty({ maxLength: 60, example: 'Practitioner' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  label!: string;

  @ApiPropertyOptional({ maxLength: 500, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;
}

export class UpdateLevelLabelsDto implements UpdateLevelLabelsRequestDto {
  @ApiProperty({ type: [ProficiencyLevelInputDto], description: 'All five levels, 1 to 5' })
  @IsArray()
  @ArrayMinSize(5)
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => ProficiencyLevelInputDto)
  levels!: ProficiencyLevelInputDto[];
}
