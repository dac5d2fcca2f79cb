import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EmployeeDto, EmployeeListItemDto, EmployeeProfileDto, Page } from '@skillgrid/shared';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import type { SessionUser } from '../../common/auth/session-user';
import { IdPipe } from '../../common/http/params';
import { EmployeesService } from './employees.service';
import { ProfileService } from './profile.service';
import { CreateEmployeeDto, ListEmployeesQuery, ProfileQuery, TargetRoleDto, UpdateEmployeeDto } from './dto/employee.dto';
import { ScopeService } from '../scope/scope.service';
import { DomainError } from '../../common/errors/domain-error';

@ApiTags('employees')
@Controller('employees')
export class EmployeesController {
  constructor(
    private readonly employees: EmployeesService,
    private readonly profiles: ProfileService,
    private readonly scopes: ScopeService,
  ) {}

  @Get()
  @Roles('hr', 'manager')
  @ApiOperation({ summary: 'People in your scope (managers: their teams and sub-teams)' })
  list(@CurrentUser() user: SessionUser, @Query() query: ListEmployeesQuery): Promise<Page<EmployeeListItemDto>> {
    return this.employees.list(user, query);
  }

  @Get(':id')
  @Roles('hr', 'manager', 'employee')
  @ApiOperation({ summary: 'One employee (404 outside your scope)' })
  get(@CurrentUser() user: SessionUser, @Param('id', IdPipe) id: number): Promise<EmployeeDto> {
    return this.employees.get(user, id);
  }

  @Get(':id/profile')
  @Roles('hr', 'manager', 'employee')
  @ApiOperation({ summary: "An employee's skills, gaps to role and target role, completions and assignments" })
  profile(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) id: number,
    @Query() query: ProfileQuery,
  ): Promise<EmployeeProfileDto> {
    return this.profiles.forEmployee(user, id, query.asOf);
  }

  @Patch(':id/target-role')
  @Roles('hr', 'manager')
  @ApiOperation({ summary: "Set or clear someone's career-goal role (managers: within their teams)" })
  async setTargetRole(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: TargetRoleDto,
  ): Promise<EmployeeDto> {
    await this.scopes.visibleEmployee(user, id);
    return this.employees.setTargetRole(user, id, dto.targetRoleId);
  }

  @Post()
  @Roles('hr')
  create(@CurrentUser() user: SessionUser, @Body() dto: CreateEmployeeDto): Promise<EmployeeDto> {
    return this.employees.create(user, dto);
  }

  @Patch(':id')
  @Roles('hr')
  @ApiOperation({ summary: 'Update; a change of team, role or location, or leaving, is recorded in the employment history' })
  update(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: UpdateEmployeeDto,
  ): Promise<EmployeeDto> {
    return this.employees.update(user, id, dto);
  }
}

@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(
    private readonly profiles: ProfileService,
    private readonly employees: EmployeesService,
  ) {}

  @Patch('target-role')
  @ApiOperation({ summary: 'Set or clear my career-goal role' })
  setTargetRole(@CurrentUser() user: SessionUser, @Body() dto: TargetRoleDto): Promise<EmployeeDto> {
    if (user.employeeId === null)
      throw new DomainError('not_found', 'NO_EMPLOYEE', 'Your account is not linked to an employee record');
    return this.employees.setTargetRole(user, user.employeeId, dto.targetRoleId);
  }

  @Get('profile')
  @ApiOperation({ summary: 'My skills: the signed-in user’s own profile' })
  profile(@CurrentUser() user: SessionUser, @Query() query: ProfileQuery): Promise<EmployeeProfileDto> {
    return this.profiles.forUser(user, query.asOf);
  }
}
