import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, SkillCategoryDto, SkillDto } from '@skillgrid/shared';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import type { SessionUser } from '../../common/auth/session-user';
import { IdPipe } from '../../common/http/params';
import { SkillsService } from './skills.service';
import {
  CreateSkillCategoryDto,
  CreateSkillDto,
  ListCategoriesQuery,
  ListSkillsQuery,
  UpdateSkillCategoryDto,
  UpdateSkillDto,
} from './dto/skill.dto';

@ApiTags('skills')
@Controller('skill-categories')
export class SkillCategoriesController {
  constructor(private readonly skills: SkillsService) {}

  @Get()
  list(@Query() query: ListCategoriesQuery): Promise<Page<SkillCategoryDto>> {
    return this.skills.listCategories(query);
  }

  @Post()
  @Roles('hr')
  create(@CurrentUser() user: SessionUser, @Body() dto: CreateSkillCategoryDto): Promise<SkillCategoryDto> {
    return this.skills.createCategory(user, dto);
  }

  @Patch(':id')
  @Roles('hr')
  update(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: UpdateSkillCategoryDto,
  ): Promise<SkillCategoryDto> {
    return this.skills.updateCategory(user, id, dto);
  }
}

@ApiTags('skills')
@Controller('skills')
export class SkillsController {
  constructor(private readonly skills: SkillsService) {}

  @Get()
  @ApiOperation({ summary: 'Skills of the taxonomy, filtered by category, kind (hard/soft), status and name' })
  list(@Query() query: ListSkillsQuery): Promise<Page<SkillDto>> {
    return this.skills.list(query);
  }

  @Get(':id')
  get(@Param('id', IdPipe) id: number): Promise<SkillDto> {
    return this.skills.get(id);
  }

  @Post()
  @Roles('hr')
  create(@CurrentUser() user: SessionUser, @Body() dto: CreateSkillDto): Promise<SkillDto> {
    return this.skills.create(user, dto);
  }

  @Patch(':id')
  @Roles('hr')
  update(@CurrentUser() user: SessionUser, @Param('id', IdPipe) id: number, @Body() dto: UpdateSkillDto): Promise<SkillDto> {
    return this.skills.update(user, id, dto);
  }

  @Delete(':id')
  @Roles('hr')
  @ApiOperation({ summary: 'Retire a skill (history is kept)' })
  retire(@CurrentUser() user: SessionUser, @Param('id', IdPipe) id: number): Promise<SkillDto> {
    return this.skills.retire(user, id);
  }
}
