import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CompletionDto, Page } from '@skillgrid/shared';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import type { SessionUser } from '../../common/auth/session-user';
import { IdPipe } from '../../common/http/params';
import { CompletionsService } from './completions.service';
import { CreateCompletionDto, ListCompletionsQuery, RevokeCompletionQuery, UpdateCompletionDto } from './dto/completion.dto';

@ApiTags('completions')
@Controller('completions')
export class CompletionsController {
  constructor(private readonly completions: CompletionsService) {}

  @Get()
  @Roles('hr', 'manager', 'employee')
  @ApiOperation({ summary: 'Completions in your scope (employees: their own)' })
  list(@CurrentUser() user: SessionUser, @Query() query: ListCompletionsQuery): Promise<Page<CompletionDto>> {
    return this.completions.list(user, query);
  }

  @Get(':id')
  @Roles('hr', 'manager', 'employee')
  get(@CurrentUser() user: SessionUser, @Param('id', IdPipe) id: number): Promise<CompletionDto> {
    return this.completions.get(user, id);
  }

  @Post()
  @Roles('hr', 'manager')
  @ApiOperation({ summary: 'Record a completion (managers: for their own people)' })
  create(@CurrentUser() user: SessionUser, @Body() dto: CreateCompletionDto): Promise<CompletionDto> {
    return this.completions.create(user, dto);
  }

  @Patch(':id')
  @Roles('hr', 'manager')
  @ApiOperation({ summary: 'Correct a completion or change its status; the audit log keeps the before and after' })
  update(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: UpdateCompletionDto,
  ): Promise<CompletionDto> {
    return this.completions.update(user, id, dto);
  }

  @Delete(':id')
  @Roles('hr', 'manager')
  @ApiOperation({ summary: 'Revoke a completion (it stays on record, and stops counting)' })
  revoke(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) id: number,
    @Query() query: RevokeCompletionQuery,
  ): Promise<CompletionDto> {
    return this.completions.update(user, id, { status: 'revoked', reason: query.reason ?? null });
  }
}
