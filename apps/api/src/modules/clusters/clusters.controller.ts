import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ClusterDto, Page } from '@skillgrid/shared';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import type { SessionUser } from '../../common/auth/session-user';
import { IdPipe } from '../../common/http/params';
import { ClustersService } from './clusters.service';
import { CreateClusterDto, ListClustersQuery, UpdateClusterDto } from './dto/cluster.dto';

@ApiTags('clusters')
@Controller('clusters')
export class ClustersController {
  constructor(private readonly clusters: ClustersService) {}

  @Get()
  @ApiOperation({ summary: 'Credential clusters: ordered bundles with their total hours and cost' })
  list(@Query() query: ListClustersQuery): Promise<Page<ClusterDto>> {
    return this.clusters.list(query);
  }

  @Get(':id')
  get(@Param('id', IdPipe) id: number): Promise<ClusterDto> {
    return this.clusters.get(id);
  }

  @Post()
  @Roles('hr')
  create(@CurrentUser() user: SessionUser, @Body() dto: CreateClusterDto): Promise<ClusterDto> {
    return this.clusters.create(user, dto);
  }

  @Patch(':id')
  @Roles('hr')
  update(@CurrentUser() user: SessionUser, @Param('id', IdPipe) id: number, @Body() dto: UpdateClusterDto): Promise<ClusterDto> {
    return this.clusters.update(user, id, dto);
  }

  @Delete(':id')
  @Roles('hr')
  retire(@CurrentUser() user: SessionUser, @Param('id', IdPipe) id: number): Promise<ClusterDto> {
    return this.clusters.update(user, id, { status: 'retired' });
  }
}
