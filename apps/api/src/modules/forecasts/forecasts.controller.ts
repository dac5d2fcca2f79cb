import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BacktestDto, ForecastDto, ForecastScenarioDto, ForecastSummaryDto } from '@skillgrid/shared';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import type { SessionUser } from '../../common/auth/session-user';
import { IdPipe } from '../../common/http/params';
import { ForecastsService } from './forecasts.service';
import { ScenariosService } from './scenarios.service';
import { BacktestQuery, ForecastQuery, ForecastSummaryQuery } from './dto/forecast.query';
import { CreateScenarioDto, UpdateScenarioDto } from './dto/scenario.dto';

/**
 * Workforce forecasts (DESIGN §3 "Forecast", §6 GET /forecast). HR and executives see the
 * organisation (executives: aggregates, small scopes suppressed), managers their sub-trees.
 */
@ApiTags('forecasts')
@Controller('forecast')
@Roles('hr', 'manager', 'exec')
export class ForecastsController {
  constructor(
    private readonly forecasts: ForecastsService,
    private readonly scenarios: ScenariosService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Demand, supply, shortfall, hours, cost and expiry cliff of a skill, month by month (with a scenario beside the baseline)',
  })
  forecast(@CurrentUser() user: SessionUser, @Query() query: ForecastQuery): Promise<ForecastDto> {
    return this.forecasts.forecast(user, query);
  }

  @Get('summary')
  @ApiOperation({
    summary: 'Every skill required in the scope: demand and supply at months 3, 6 and 12, peak shortfall and cost to close',
  })
  summary(@CurrentUser() user: SessionUser, @Query() query: ForecastSummaryQuery): Promise<ForecastSummaryDto> {
    return this.forecasts.summary(user, query);
  }

  @Get('backtest')
  @ApiOperation({
    summary: 'The forecast as of 12 months ago against what happened: MAPE per skill and overall, beside a naive forecast',
  })
  backtest(@CurrentUser() user: SessionUser, @Query() query: BacktestQuery): Promise<BacktestDto> {
    return this.forecasts.backtest(user, query);
  }

  @Get('scenarios')
  @Roles('hr', 'exec')
  @ApiOperation({ summary: 'Your saved scenarios' })
  listScenarios(@CurrentUser() user: SessionUser): Promise<ForecastScenarioDto[]> {
    return this.scenarios.list(user);
  }

  @Post('scenarios')
  @Roles('hr', 'exec')
  @ApiOperation({ summary: 'Save a named scenario (attrition overrides, hiring changes, training budget)' })
  createScenario(@CurrentUser() user: SessionUser, @Body() dto: CreateScenarioDto): Promise<ForecastScenarioDto> {
    return this.scenarios.create(user, dto);
  }

  @Get('scenarios/:id')
  @Roles('hr', 'exec')
  getScenario(@CurrentUser() user: SessionUser, @Param('id', IdPipe) id: number): Promise<ForecastScenarioDto> {
    return this.scenarios.get(user, id);
  }

  @Patch('scenarios/:id')
  @Roles('hr', 'exec')
  updateScenario(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: UpdateScenarioDto,
  ): Promise<ForecastScenarioDto> {
    return this.scenarios.update(user, id, dto);
  }

  @Delete('scenarios/:id')
  @Roles('hr', 'exec')
  @HttpCode(204)
  async deleteScenario(@CurrentUser() user: SessionUser, @Param('id', IdPipe) id: number): Promise<void> {
    await this.scenarios.remove(user, id);
  }
}
