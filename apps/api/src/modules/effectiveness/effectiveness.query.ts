import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CATALOGUE_STATUSES, type CatalogueStatus, type IsoDate } from '@skillgrid/shared';
import { IsIsoDate } from '../../common/http/is-iso-date';
import { SearchPageQueryDto } from '../../common/http/pagination';

export const EFFECTIVENESS_SORTS = [
  'name',
  'assigned',
  'completionRate',
  'medianDaysToComplete',
  'overdueShare',
  'gapPointsClosed',
  'costPerGapPoint',
] as const;

export class PeriodQuery extends SearchPageQueryDto {
  @ApiPropertyOptional({ description: 'Start of the period (default: 12 months before `to`)' })
  @IsOptional()
  @IsIsoDate()
  from?: IsoDate;

  @ApiPropertyOptional({ description: 'End of the period, inclusive (default: today)' })
  @IsOptional()
  @IsIsoDate()
  to?: IsoDate;
}

export class EffectivenessListQuery extends PeriodQuery {
  @ApiPropertyOptional({ enum: ['credential', 'cluster'], default: 'credential' })
  @IsOptional()
  @IsIn(['credential', 'cluster'])
  kind?: 'credential' | 'cluster';

  @ApiPropertyOptional({ enum: CATALOGUE_STATUSES })
  @IsOptional()
  @IsIn(CATALOGUE_STATUSES)
  status?: CatalogueStatus;

  @ApiPropertyOptional({ enum: EFFECTIVENESS_SORTS, default: 'name' })
  @IsOptional()
  @IsIn(EFFECTIVENESS_SORTS)
  sort?: (typeof EFFECTIVENESS_SORTS)[number];

  @ApiPropertyOptional({ enum: ['asc', 'desc'], description: 'Default: ascending by name, descending by a figure' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}
