import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  CapabilityTargetDto,
  ExpertDto,
  ExpiringDto,
  GapReportDto,
  HeatmapDto,
  MatrixDto,
  OverviewDto,
  Page,
  SinglePointOfFailureDto,
  TrendDto,
} from '@skillgrid/shared';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import type { SessionUser } from '../../common/auth/session-user';
import { IdPipe } from '../../common/http/params';
import { AnalyticsService } from './analytics.service';
import { PeopleAnalyticsService } from './people-analytics.service';
import { CapabilityTargetsService, type CapabilityTargetRecord } from './capability-targets.service';
import {
  ExpertsQuery,
  ExpiringQuery,
  GapsQuery,
  HeatmapQuery,
  MatrixQuery,
  TeamAsOfQuery,
  TrendQuery,
} from './dto/analytics.query';
import { CreateCapabilityTargetDto, UpdateCapabilityTargetDto } from './dto/capability-target.dto';

/**
 * Skills analytics (DESIGN §3, §6). HR sees the organisation, managers their trees,
 * executives aggregates with small groups suppressed; employees use My skills instead.
 */
@ApiTags('analytics')
@Controller('analytics')
@Roles('hr', 'manager', 'exec')
export class AnalyticsController {
  constructor(
    private readonly analytics: AnalyticsService,
    private readonly people: PeopleAnalyticsService,
  ) {}

  @Get('overview')
  @ApiOperation({ summary: 'Headline numbers, top gaps, single points of failure and expiries for a scope' })
  overview(@CurrentUser() user: SessionUser, @Query() query: TeamAsOfQuery): Promise<OverviewDto> {
    return this.analytics.overview(user, query);
  }

  @Get('heatmap')
  @ApiOperation({ summary: 'Groups (teams, roles or locations) × skills, with the §3 cell figures' })
  heatmap(@CurrentUser() user: SessionUser, @Query() query: HeatmapQuery): Promise<HeatmapDto> {
    return this.analytics.heatmap(user, query);
  }

  @Get('matrix')
  @Roles('hr', 'manager')
  @ApiOperation({ summary: "A team's people × skills (with sub-teams), a page of people at a time" })
  matrix(@CurrentUser() user: SessionUser, @Query() query: MatrixQuery): Promise<MatrixDto> {
    return this.people.matrix(user, query);
  }

  @Get('gaps')
  @ApiOperation({ summary: 'Gap report of a team, a role or an employee: per skill (critical first) and the people short' })
  gaps(@CurrentUser() user: SessionUser, @Query() query: GapsQuery): Promise<GapReportDto> {
    return this.analytics.gaps(user, query);
  }

  @Get('single-points-of-failure')
  @ApiOperation({ summary: 'Skills required in a team that at most one member holds at the level needed' })
  singlePointsOfFailure(@CurrentUser() user: SessionUser, @Query() query: TeamAsOfQuery): Promise<SinglePointOfFailureDto[]> {
    return this.analytics.singlePointsOfFailure(user, query);
  }

  @Get('capability-targets')
  @ApiOperation({ summary: 'Team capability targets: met, or short by how many' })
  capabilityTargets(@CurrentUser() user: SessionUser, @Query() query: TeamAsOfQuery): Promise<CapabilityTargetDto[]> {
    return this.analytics.capabilityTargets(user, query);
  }

  @Get('expiring')
  @ApiOperation({ summary: 'Completions expiring in the next N days (executives: monthly counts only)' })
  expiring(@CurrentUser() user: SessionUser, @Query() query: ExpiringQuery): Promise<ExpiringDto> {
    return this.people.expiring(user, query);
  }

  @Get('trend')
  @ApiOperation({ summary: 'Coverage month by month for a team and/or a skill' })
  trend(@CurrentUser() user: SessionUser, @Query() query: TrendQuery): Promise<TrendDto> {
    return this.people.trend(user, query);
  }

  @Get('experts')
  @Roles('hr', 'manager')
  @ApiOperation({ summary: 'People holding a skill at a level or above' })
  experts(@CurrentUser() user: SessionUser, @Query() query: ExpertsQuery): Promise<Page<ExpertDto>> {
    return this.people.experts(user, query);
  }
}

@ApiTags('analytics')
@Controller('capability-targets')
@Roles('hr')
export class CapabilityTargetsController {
  constructor(private readonly targets: CapabilityTargetsService) {}

  @Post()
  @ApiOperation({ summary: 'Set a team capability target (one per team and skill)' })
  create(@CurrentUser() user: SessionUser, @Body() dto: CreateCapabilityTargetDto): Promise<CapabilityTargetRecord> {
    return this.targets.create(user, dto);
  }

  @Patch(':id')
  update(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: UpdateCapabilityTargetDto,
  ): Promise<CapabilityTargetRecord> {
    return this.targets.update(user, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: SessionUser, @Param('id', IdPipe) id: number): Promise<void> {
    return this.targets.remove(user, id);
  }
}
