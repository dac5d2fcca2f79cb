import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { OPTIMISE_FOR, type OptimiseFor, type RecommendationDto, type TeamClusterRecommendationsDto } from '@skillgrid/shared';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import type { SessionUser } from '../../common/auth/session-user';
import { IdPipe } from '../../common/http/params';
import { RecommendationsService } from './recommendations.service';

export class RecommendationQuery {
  @ApiPropertyOptional({ description: "The role to close the gap to (default: the employee's own role)" })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  targetRoleId?: number;

  @ApiPropertyOptional({ enum: OPTIMISE_FOR, default: 'cost', description: 'Least money (cost) or least time (hours)' })
  @IsOptional()
  @IsIn(OPTIMISE_FOR)
  optimise?: OptimiseFor;
}

@ApiTags('recommendations')
@Controller()
export class RecommendationsController {
  constructor(private readonly recommendations: RecommendationsService) {}

  @Get('employees/:id/recommendations')
  @Roles('hr', 'manager')
  @ApiOperation({ summary: 'The credentials not yet held that close every gap to a role at least cost (DESIGN §3)' })
  forEmployee(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) id: number,
    @Query() query: RecommendationQuery,
  ): Promise<RecommendationDto> {
    return this.recommendations.forEmployee(user, id, query.targetRoleId, query.optimise ?? 'cost');
  }

  @Get('me/recommendations')
  @ApiOperation({ summary: 'My recommended next credentials, for my role or a career-goal role' })
  forMe(@CurrentUser() user: SessionUser, @Query() query: RecommendationQuery): Promise<RecommendationDto> {
    return this.recommendations.forUser(user, query.targetRoleId, query.optimise ?? 'cost');
  }

  @Get('teams/:id/cluster-recommendations')
  @Roles('hr', 'manager')
  @ApiOperation({ summary: "Clusters ranked by the weighted gap points they would close in the team's sub-tree per hour" })
  forTeam(@CurrentUser() user: SessionUser, @Param('id', IdPipe) id: number): Promise<TeamClusterRecommendationsDto> {
    return this.recommendations.forTeam(user, id);
  }
}
