import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { FORECAST_COST_BYS, FORECAST_MAX_HORIZON, type ForecastCostBy } from '@skillgrid/shared';
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

/** The scope and horizon every forecast call shares. */
export class ForecastScopeQuery {
  @OptionalId('A team, with its whole sub-tree')
  teamId?: number;

  @OptionalId('Only positions of this role')
  roleId?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: FORECAST_MAX_HORIZON, default: 12, description: 'Months ahead' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `horizon must be a whole number of months from 1 to ${FORECAST_MAX_HORIZON}` })
  @Min(1, { message: `horizon must be a whole number of months from 1 to ${FORECAST_MAX_HORIZON}` })
  @Max(FORECAST_MAX_HORIZON, { message: `horizon must be a whole number of months from 1 to ${FORECAST_MAX_HORIZON}` })
  horizon?: number;

  @ApiPropertyOptional({ description: "As-of date d (default today in the organisation's time zone; executives: a month end)" })
  @IsOptional()
  @IsIsoDate()
  asOf?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, description: 'Annual attrition for every role, overriding the computed rates' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'attritionRate must be a number from 0 to 1' })
  @Min(0, { message: 'attritionRate must be a number from 0 to 1' })
  @Max(1, { message: 'attritionRate must be a number from 0 to 1' })
  attritionRate?: number;

  @OptionalId('A saved scenario of yours: the answer carries it beside the baseline')
  scenarioId?: number;

  @ApiPropertyOptional({
    description:
      'An unsaved scenario as JSON: {"attritionRate":0.2,"roleAttrition":[{"roleId":1,"rate":0.1}],"hiring":[{"roleId":1,"month":"2026-03","change":2}],"budget":5000}',
  })
  @IsOptional()
  @IsString({ message: 'scenario must be a JSON object' })
  @MaxLength(20_000)
  scenario?: string;
}

export class ForecastQuery extends ForecastScopeQuery {
  @ApiProperty({ description: 'The skill forecast', minimum: 1 })
  @Type(() => Number)
  @IsInt({ message: 'skillId must be a positive integer' })
  @Min(1, { message: 'skillId must be a positive integer' })
  skillId!: number;

  @ApiPropertyOptional({
    enum: FORECAST_COST_BYS,
    default: 'cost',
    description: 'Pick the closing credential by cost or by hours',
  })
  @IsOptional()
  @IsIn(FORECAST_COST_BYS, { message: `costBy must be one of ${FORECAST_COST_BYS.join(', ')}` })
  costBy?: ForecastCostBy;

  @ApiPropertyOptional({ default: false, description: 'Add the backtest (as of d − 12 months) to the answer' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'backtest must be true or false' })
  backtest?: boolean;
}

export class ForecastSummaryQuery extends ForecastScopeQuery {}

export class BacktestQuery {
  @OptionalId('One skill (default: every skill required in the scope)')
  skillId?: number;

  @OptionalId('A team, with its whole sub-tree')
  teamId?: number;

  @OptionalId('Only positions of this role')
  roleId?: number;

  @ApiPropertyOptional({ description: 'd: the backtest runs as of d − 12 months and compares with what happened until d' })
  @IsOptional()
  @IsIsoDate()
  asOf?: string;
}
