import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, RoleDto } from '@skillgrid/shared';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import type { SessionUser } from '../../common/auth/session-user';
import { IdPipe } from '../../common/http/params';
import { RolesService } from './roles.service';
import { CreateRoleDto, ListRolesQuery, UpdateRoleDto } from './dto/role.dto';

@ApiTags('roles')
@Controller('roles')
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Get()
  @ApiOperation({ summary: 'Job roles with their required skills, levels and weights' })
  list(@Query() query: ListRolesQuery): Promise<Page<RoleDto>> {
    return this.roles.list(query);
  }

  @Get(':id')
  get(@Param('id', IdPipe) id: number): Promise<RoleDto> {
    return this.roles.get(id);
  }

  @Post()
  @Roles('hr')
  create(@CurrentUser() user: SessionUser, @Body() dto: CreateRoleDto): Promise<RoleDto> {
    return this.roles.create(user, dto);
  }

  @Patch(':id')
  @Roles('hr')
  @ApiOperation({ summary: 'Update a role; `requirements`, when given, replaces them all' })
  update(@CurrentUser() user: SessionUser, @Param('id', IdPipe) id: number, @Body() dto: UpdateRoleDto): Promise<RoleDto> {
    return this.roles.update(user, id, dto);
  }

  @Delete(':id')
  @Roles('hr')
  @ApiOperation({ summary: 'Retire a role (history is kept)' })
  retire(@CurrentUser() user: SessionUser, @Param('id', IdPipe) id: number): Promise<RoleDto> {
    return this.roles.update(user, id, { status: 'retired' });
  }
}
