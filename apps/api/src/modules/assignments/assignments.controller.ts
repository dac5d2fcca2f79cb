import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AssignmentDto, CreateAssignmentsResultDto, Page } from '@skillgrid/shared';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import type { SessionUser } from '../../common/auth/session-user';
import { IdPipe } from '../../common/http/params';
import { AssignmentsService } from './assignments.service';
import { CreateAssignmentsDto, ListAssignmentsQuery, UpdateAssignmentDto } from './dto/assignment.dto';

@ApiTags('assignments')
@Controller('assignments')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Get()
  @Roles('hr', 'manager', 'employee')
  @ApiOperation({ summary: 'Assignments in your scope with their derived status and progress' })
  list(@CurrentUser() user: SessionUser, @Query() query: ListAssignmentsQuery): Promise<Page<AssignmentDto>> {
    return this.assignments.list(user, query);
  }

  @Post()
  @Roles('hr', 'manager')
  @ApiOperation({
    summary: 'Assign a cluster or one credential to people (or a whole team) in one transaction',
    description:
      'A manager may assign only within the teams they manage: anyone outside answers 403 and nothing is written. ' +
      'People who already have an open assignment of the same cluster or credential are listed in `skipped`.',
  })
  create(@CurrentUser() user: SessionUser, @Body() dto: CreateAssignmentsDto): Promise<CreateAssignmentsResultDto> {
    return this.assignments.create(user, dto);
  }

  @Patch(':id')
  @Roles('hr', 'manager')
  @ApiOperation({ summary: 'Extend the due date or change the note' })
  update(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: UpdateAssignmentDto,
  ): Promise<AssignmentDto> {
    return this.assignments.update(user, id, dto);
  }

  @Delete(':id')
  @Roles('hr', 'manager')
  @ApiOperation({ summary: 'Cancel an assignment (kept, with status cancelled)' })
  cancel(@CurrentUser() user: SessionUser, @Param('id', IdPipe) id: number): Promise<AssignmentDto> {
    return this.assignments.cancel(user, id);
  }
}
