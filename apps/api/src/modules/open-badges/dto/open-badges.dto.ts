import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { PaginationQueryDto } from '../../../common/http/pagination';

export class ImportOpenBadgeQuery {
  @ApiPropertyOptional({ description: 'HR and managers: the employee (in scope) the badge is for. Default: yourself' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  employeeId?: number;
}

export class ListOpenBadgeImportsQuery extends PaginationQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  employeeId?: number;
}

export class MapOpenBadgeDto {
  @ApiProperty({ description: 'The catalogue credential the badge stands for' })
  @IsInt()
  @Min(1)
  credentialId!: number;
}
