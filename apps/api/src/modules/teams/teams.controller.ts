import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, TeamDto } from '@skillgrid/shared';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import type { SessionUser } from '../../common/auth/session-user';
import { IdPipe } from '../../common/http/params';
import { TeamsService } from './teams.service';
import { CreateTeamDto, ListTeamsQuery, UpdateTeamDto } from './dto/team.dto';

@ApiTags('teams')
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @Roles('hr', 'manager', 'exec')
  @ApiOperation({ summary: "The team tree with headcounts (managers: their sub-trees; execs: small groups' counts withheld)" })
  list(@CurrentUser() user: SessionUser, @Query() query: ListTeamsQuery): Promise<Page<TeamDto>> {
    return this.teams.list(user, query);
  }

  @Get(':id')
  @Roles('hr', 'manager', 'exec')
  get(@CurrentUser() user: SessionUser, @Param('id', IdPipe) id: number): Promise<TeamDto> {
    return this.teams.get(user, id);
  }

  @Post()
  @Roles('hr')
  create(@CurrentUser() user: SessionUser, @Body() dto: CreateTeamDto): Promise<TeamDto> {
    return this.teams.create(user, dto);
  }

  @Patch(':id')
  @Roles('hr')
  @ApiOperation({ summary: 'Rename, change manager, or move under another parent (no cycles)' })
  update(@CurrentUser() user: SessionUser, @Param('id', IdPipe) id: number, @Body() dto: UpdateTeamDto): Promise<TeamDto> {
    return this.teams.update(user, id, dto);
  }
}
