import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class CreateLocationDto {
  @ApiProperty({ maxLength: 120, example: 'Rotterdam' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @ApiPropertyOptional({ maxLength: 80, nullable: true, example: 'Netherlands' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  country?: string | null;
}

export class UpdateLocationDto extends PartialType(CreateLocationDto) {}
