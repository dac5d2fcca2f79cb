import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EmployeeDto, EmployeeListItemDto, EmployeeProfileDto, Page } from '@skillgrid/shared';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import type { SessionUser } from '../../common/auth/session-user';
import { IdPipe } from '../../common/http/params';
import { EmployeesService } from './employees.service';
import { ProfileService } from './profile.service';
import { CreateEmployeeDto, ListEmployeesQuery, ProfileQuery, UpdateEmployeeDto } from './dto/employee.dto';

@ApiTags('employees')
@Controller('employees')
export class EmployeesController {
  constructor(
    private readonly employees: EmployeesService,
    private readonly profiles: ProfileService,
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
  constructor(private readonly profiles: ProfileService) {}

  @Get('profile')
  @ApiOperation({ summary: 'My skills: the signed-in user’s own profile' })
  profile(@CurrentUser() user: SessionUser, @Query() query: ProfileQuery): Promise<EmployeeProfileDto> {
    return this.profiles.forUser(user, query.asOf);
  }
}
