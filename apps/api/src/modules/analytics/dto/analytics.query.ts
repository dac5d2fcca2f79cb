import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  GAP_SORTS,
  HEATMAP_GROUP_BYS,
  MAX_LEVEL,
  MIN_LEVEL,
  SKILL_KINDS,
  type GapSort,
  type HeatmapGroupBy,
  type SkillKind,
} from '@skillgrid/shared';
import { PaginationQueryDto } from '../../../common/http/pagination';
import { IsIsoDate } from '../../../common/http/is-iso-date';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

function OptionalId(description: string) {
  return function (target: object, property: string) {
    ApiPropertyOptional({ description, minimum: 1 })(target, property);
    IsOptional()(target, property);
    Type(() => Number)(target, property);
    IsInt({ message: `${property} must be a positive integer` })(target, property);
    Min(1, { message: `${property} must be a positive integer` })(target, property);
  };
}

export class AsOfQuery {
  @ApiPropertyOptional({ description: "As-of date (default today in the organisation's time zone; executives: a month end)" })
  @IsOptional()
  @IsIsoDate()
  asOf?: string;
}

export class SkillFilterQuery extends AsOfQuery {
  @OptionalId('Only skills of this skill category')
  category?: number;

  @ApiPropertyOptional({ enum: SKILL_KINDS })
  @IsOptional()
  @IsIn(SKILL_KINDS, { message: `kind must be one of ${SKILL_KINDS.join(', ')}` })
  kind?: SkillKind;
}

export class HeatmapQuery extends SkillFilterQuery {
  @ApiPropertyOptional({ enum: HEATMAP_GROUP_BYS, default: 'team' })
  @IsOptional()
  @IsIn(HEATMAP_GROUP_BYS, { message: `groupBy must be one of ${HEATMAP_GROUP_BYS.join(', ')}` })
  groupBy?: HeatmapGroupBy;

  @OptionalId('team: the team whose child teams are the groups; role/location: only this sub-tree')
  teamId?: number;

  @ApiPropertyOptional({ default: true, description: 'Team groups include their sub-teams' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'includeSubteams must be true or false' })
  includeSubteams?: boolean;
}

export class TeamAsOfQuery extends AsOfQuery {
  @OptionalId('A team (with its sub-teams)')
  teamId?: number;
}

export class MatrixQuery extends SkillFilterQuery {
  @ApiPropertyOptional({ description: 'The team (with its sub-teams)', minimum: 1 })
  @Type(() => Number)
  @IsInt({ message: 'teamId must be a positive integer' })
  @Min(1, { message: 'teamId must be a positive integer' })
  teamId!: number;

  @ApiPropertyOptional({ default: true, description: "false: the team's own members only" })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'includeSubteams must be true or false' })
  includeSubteams?: boolean;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500, { message: 'pageSize must not be greater than 500' })
  pageSize?: number;
}

export class GapsQuery extends PaginationQueryDto {
  @OptionalId('A team (with its sub-teams)')
  teamId?: number;

  @OptionalId('A role')
  roleId?: number;

  @OptionalId('One employee')
  employeeId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIsoDate()
  asOf?: string;

  @ApiPropertyOptional({ enum: GAP_SORTS, default: 'weightedGapPoints' })
  @IsOptional()
  @IsIn(GAP_SORTS, { message: `sort must be one of ${GAP_SORTS.join(', ')}` })
  sort?: GapSort;

  @ApiPropertyOptional({ enum: ['asc', 'desc'] })
  @IsOptional()
  @IsIn(['asc', 'desc'], { message: 'order must be asc or desc' })
  order?: 'asc' | 'desc';
}

export class ExpiringQuery extends PaginationQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 730, default: 90 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'withinDays must be a whole number of days' })
  @Min(1, { message: 'withinDays must be from 1 to 730' })
  @Max(730, { message: 'withinDays must be from 1 to 730' })
  withinDays?: number;

  @OptionalId('A team (with its sub-teams)')
  teamId?: number;
}

export class TrendQuery {
  @OptionalId('A team (with its sub-teams)')
  teamId?: number;

  @OptionalId('One skill')
  skillId?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 36, default: 24 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'months must be a whole number' })
  @Min(1, { message: 'months must be from 1 to 36' })
  @Max(36, { message: 'months must be from 1 to 36' })
  months?: number;
}

export class ExpertsQuery extends PaginationQueryDto {
  @ApiPropertyOptional({ minimum: 1 })
  @Type(() => Number)
  @IsInt({ message: 'skillId must be a positive integer' })
  @Min(1, { message: 'skillId must be a positive integer' })
  skillId!: number;

  @ApiPropertyOptional({ minimum: MIN_LEVEL, maximum: MAX_LEVEL, default: 3 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `minLevel must be a whole number from ${MIN_LEVEL} to ${MAX_LEVEL}` })
  @Min(MIN_LEVEL, { message: `minLevel must be from ${MIN_LEVEL} to ${MAX_LEVEL}` })
  @Max(MAX_LEVEL, { message: `minLevel must be from ${MIN_LEVEL} to ${MAX_LEVEL}` })
  minLevel?: number;

  @OptionalId('A team (with its sub-teams)')
  teamId?: number;

  @OptionalId('A role')
  roleId?: number;

  @OptionalId('A location')
  locationId?: number;
}
