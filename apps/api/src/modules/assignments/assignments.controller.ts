import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AssignmentDto, Page } from '@skillgrid/shared';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import type { SessionUser } from '../../common/auth/session-user';
import { AssignmentsService } from './assignments.service';
import { ListAssignmentsQuery } from './dto/assignment.dto';

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
}
