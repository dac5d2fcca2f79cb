import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { COMPLETION_STATUSES, type OpenBadgeImportStatus } from '@skillgrid/shared';
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

  @ApiPropertyOptional({
    enum: COMPLETION_STATUSES,
    description: "The import's status (its completion's): pending also takes in the badges mapped to no credential yet",
  })
  @IsOptional()
  @IsIn(COMPLETION_STATUSES, { message: `status must be one of ${COMPLETION_STATUSES.join(', ')}` })
  status?: OpenBadgeImportStatus;

  @ApiPropertyOptional({
    description: 'false: only badges mapped to no catalogue credential yet (what HR maps); true: only mapped ones',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'mapped must be true or false' })
  mapped?: boolean;
}

export class MapOpenBadgeDto {
  @ApiProperty({ description: 'The catalogue credential the badge stands for' })
  @IsInt()
  @Min(1)
  credentialId!: number;
}
