import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EffectivenessDto, Page } from '@skillgrid/shared';
import { Roles } from '../../common/auth/decorators';
import { IdPipe } from '../../common/http/params';
import { EffectivenessService } from './effectiveness.service';
import { EffectivenessListQuery, PeriodQuery } from './effectiveness.query';

@ApiTags('effectiveness')
@Controller()
@Roles('hr')
export class EffectivenessController {
  constructor(private readonly effectiveness: EffectivenessService) {}

  @Get('effectiveness')
  @ApiOperation({ summary: 'Effectiveness of every credential or cluster over a period (DESIGN §3), sortable' })
  list(@Query() query: EffectivenessListQuery): Promise<Page<EffectivenessDto>> {
    return this.effectiveness.list(query);
  }

  @Get('credentials/:id/effectiveness')
  @ApiOperation({ summary: 'Assigned, completion rate, median days, overdue share, gap points closed and cost per gap point' })
  credential(@Param('id', IdPipe) id: number, @Query() query: PeriodQuery): Promise<EffectivenessDto> {
    return this.effectiveness.forCredential(id, query);
  }

  @Get('clusters/:id/effectiveness')
  @ApiOperation({
    summary: "A cluster's effectiveness: its assignments, and its credentials' completions by the people assigned it",
  })
  cluster(@Param('id', IdPipe) id: number, @Query() query: PeriodQuery): Promise<EffectivenessDto> {
    return this.effectiveness.forCluster(id, query);
  }
}
