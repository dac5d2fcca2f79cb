import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { EmployeeDto, EmployeeListItemDto, Page } from '@skillgrid/shared';
import { likePattern, pageWindow, toPage } from '../../common/http/pagination';
import { requireIds } from '../../common/http/catalogue';
import { dialectOf } from '../../database/sql';
import { invalidateTrendSnapshots } from '../analytics/snapshots/trend-snapshots.sql';
import { refreshEmployees } from '../analytics/state/skill-state.sql';
import { DomainError } from '../../common/errors/domain-error';
import type { SessionUser } from '../../common/auth/session-user';
import { utcNow } from '../../database/column-types';
import { AuditService } from '../audit/audit.service';
import { ScopeService } from '../scope/scope.service';
import { OrganisationService } from '../organisation/organisation.service';
import { Team } from '../teams/team.entity';
import { Role } from '../roles/role.entity';
import { Location } from '../organisation/location.entity';
import { Employee } from './employee.entity';
import { EmploymentPeriod } from './employment-period.entity';
import { toEmployeeDto, toEmployeeListItem } from './employees.mapper';
import type { CreateEmployeeDto, ListEmployeesQuery, UpdateEmployeeDto } from './dto/employee.dto';

@Injectable()
export class EmployeesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly scopes: ScopeService,
    private readonly organisation: OrganisationService,
  ) {}

  async list(user: SessionUser, query: ListEmployeesQuery): Promise<Page<EmployeeListItemDto>> {
    const scope = await this.scopes.scopeOf(user);
    const window = pageWindow(query);
    const qb = this.dataSource
      .getRepository(Employee)
      .createQueryBuilder('e')
      .innerJoinAndSelect('e.team', 't')
      .innerJoinAndSelect('e.role', 'r')
      .leftJoinAndSelect('e.location', 'l')
      .orderBy('e.name', 'ASC')
      .addOrderBy('e.id', 'ASC');
    this.scopes.restrictEmployees(qb, scope, 'e', 't');
    if (query.teamId) {
      const team = await this.scopes.visibleTeam(user, query.teamId);
      if (query.includeSubteams === false) qb.andWhere('e.team_id = :teamId', { teamId: team.id });
      else qb.andWhere('t.path LIKE :teamPath', { teamPath: `${team.path}%` });
    }
    if (query.roleId) qb.andWhere('e.role_id = :roleId', { roleId: query.roleId });
    if (query.locationId) qb.andWhere('e.location_id = :locationId', { locationId: query.locationId });
    if (query.status) qb.andWhere('e.status = :status', { status: query.status });
    if (query.q) {
      qb.andWhere("(LOWER(e.name) LIKE :q ESCAPE '!' OR e.email LIKE :q ESCAPE '!' OR LOWER(e.external_id) LIKE :q ESCAPE '!')", {
        q: likePattern(query.q),
      });
    }
    // Every join is many-to-one, so LIMIT/OFFSET on the joined rows is exact: one query for the
    // page (TypeORM's skip/take would add a DISTINCT sub-query) and one for the count.
    const [rows, total] = await Promise.all([qb.clone().offset(window.skip).limit(window.pageSize).getMany(), qb.getCount()]);
    return toPage(rows.map(toEmployeeListItem), total, window);
  }

  /** The employee with names resolved and their line manager derived (DESIGN §2). */
  async describe(employeeId: number, manager: EntityManager = this.dataSource.manager): Promise<EmployeeDto> {
    const employee = await manager.findOne(Employee, {
      where: { id: employeeId },
      relations: { team: { manager: true }, role: true, location: true, targetRole: true },
    });
    if (!employee) throw DomainError.notFound('Employee', employeeId);
    let lineManager = employee.team?.manager ?? null;
    if (lineManager?.id === employee.id && employee.team?.parentId) {
      const parent = await manager.findOne(Team, { where: { id: employee.team.parentId }, relations: { manager: true } });
      lineManager = parent?.manager ?? null;
    } else if (lineManager?.id === employee.id) {
      lineManager = null;
    }
    return toEmployeeDto(employee, lineManager ? { id: lineManager.id, name: lineManager.name } : null);
  }

  async get(user: SessionUser, id: number): Promise<EmployeeDto> {
    await this.scopes.visibleEmployee(user, id);
    return this.describe(id);
  }

  private async checkReferences(manager: EntityManager, dto: Partial<CreateEmployeeDto>): Promise<void> {
    if (dto.teamId) await requireIds(manager, Team, [dto.teamId], 'teamId', 'Team');
    if (dto.roleId) await requireIds(manager, Role, [dto.roleId], 'roleId', 'Role');
    if (dto.locationId) await requireIds(manager, Location, [dto.locationId], 'locationId', 'Location');
    if (dto.targetRoleId) await requireIds(manager, Role, [dto.targetRoleId], 'targetRoleId', 'Role');
  }

  private async assertUnique(
    manager: EntityManager,
    email: string | undefined,
    externalId: string | null | undefined,
    exceptId?: number,
  ) {
    if (email) {
      const clash = await manager.findOne(Employee, { where: { email } });
      if (clash && clash.id !== exceptId)
        throw DomainError.conflict('DUPLICATE_EMAIL', 'email', `Another employee already has the e-mail ${email}`);
    }
    if (externalId) {
      const clash = await manager.findOne(Employee, { where: { externalId } });
      if (clash && clash.id !== exceptId)
        throw DomainError.conflict(
          'DUPLICATE_EXTERNAL_ID',
          'externalId',
          `Another employee already has the external id ${externalId}`,
        );
    }
  }

  create(user: SessionUser, dto: CreateEmployeeDto): Promise<EmployeeDto> {
    return this.dataSource.transaction(async (manager) => {
      const email = dto.email.trim().toLowerCase();
      await this.checkReferences(manager, dto);
      await this.assertUnique(manager, email, dto.externalId);
      const now = utcNow();
      const employee = await manager.save(
        manager.create(Employee, {
          externalId: dto.externalId ?? null,
          name: dto.name.trim(),
          email,
          teamId: dto.teamId,
          roleId: dto.roleId,
          locationId: dto.locationId ?? null,
          hireDate: dto.hireDate,
          status: 'active',
          leaveDate: null,
          targetRoleId: dto.targetRoleId ?? null,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await manager.insert(EmploymentPeriod, {
        employeeId: employee.id,
        teamId: employee.teamId,
        roleId: employee.roleId,
        locationId: employee.locationId,
        startDate: employee.hireDate,
        endDate: null,
      });
      await refreshEmployees(manager, dialectOf(manager.connection), [employee.id]);
      await invalidateTrendSnapshots(manager, employee.hireDate, await this.organisation.today());
      const result = await this.describe(employee.id, manager);
      await this.audit.record(manager, {
        userId: user.id,
        action: 'create',
        entity: 'employee',
        entityId: employee.id,
        after: result,
      });
      return result;
    });
  }

  update(user: SessionUser, id: number, dto: UpdateEmployeeDto): Promise<EmployeeDto> {
    return this.dataSource.transaction(async (manager) => {
      const employee = await manager.findOne(Employee, { where: { id } });
      if (!employee) throw DomainError.notFound('Employee', id);
      const before = await this.describe(id, manager);
      const today = await this.organisation.today();
      const email = dto.email?.trim().toLowerCase();
      await this.checkReferences(manager, dto);
      await this.assertUnique(manager, email, dto.externalId, id);

      const moved =
        (dto.teamId !== undefined && dto.teamId !== employee.teamId) ||
        (dto.roleId !== undefined && dto.roleId !== employee.roleId) ||
        (dto.locationId !== undefined && dto.locationId !== employee.locationId);
      const leaving = dto.status === 'left' && employee.status === 'active';
      const returning = dto.status === 'active' && employee.status === 'left';
      const staysActive = employee.status === 'active' && !leaving;
      const correctingLeaveDate = employee.status === 'left' && !returning && dto.leaveDate !== undefined;
      if (dto.leaveDate && staysActive) {
        throw DomainError.invalid([{ field: 'leaveDate', message: "applies to leavers only: set status 'left' with it" }]);
      }
      const leaveDate = leaving ? (dto.leaveDate ?? today) : correctingLeaveDate ? (dto.leaveDate ?? null) : null;
      if ((leaving || correctingLeaveDate) && (!leaveDate || leaveDate < (dto.hireDate ?? employee.hireDate))) {
        throw DomainError.invalid([
          { field: 'leaveDate', message: `must be a date on or after the hire date ${dto.hireDate ?? employee.hireDate}` },
        ]);
      }
      const previousLeaveDate = employee.leaveDate;
      const previousHireDate = employee.hireDate;

      if (email !== undefined) employee.email = email;
      if (dto.name !== undefined) employee.name = dto.name.trim();
      if (dto.externalId !== undefined) employee.externalId = dto.externalId;
      if (dto.teamId !== undefined) employee.teamId = dto.teamId;
      if (dto.roleId !== undefined) employee.roleId = dto.roleId;
      if (dto.locationId !== undefined) employee.locationId = dto.locationId;
      if (dto.hireDate !== undefined) employee.hireDate = dto.hireDate;
      if (dto.targetRoleId !== undefined) employee.targetRoleId = dto.targetRoleId;
      if (dto.status !== undefined) employee.status = dto.status;
      if (leaving || correctingLeaveDate) employee.leaveDate = leaveDate;
      if (returning) employee.leaveDate = null;
      employee.updatedAt = utcNow();
      await manager.save(employee);

      // Employment history: a move or a departure closes the open period; a move or a return opens one.
      const effective = leaving ? (employee.leaveDate ?? today) : (dto.effectiveDate ?? today);
      if (moved || leaving) {
        await manager.update(EmploymentPeriod, { employeeId: id, endDate: IsNull() }, { endDate: effective });
      }
      if (correctingLeaveDate && previousLeaveDate) {
        await manager.update(EmploymentPeriod, { employeeId: id, endDate: previousLeaveDate }, { endDate: employee.leaveDate });
      }
      if ((moved && employee.status === 'active') || returning) {
        await manager.insert(EmploymentPeriod, {
          employeeId: id,
          teamId: employee.teamId,
          roleId: employee.roleId,
          locationId: employee.locationId,
          startDate: effective,
          endDate: null,
        });
      }
      await refreshEmployees(manager, dialectOf(manager.connection), [id]);
      // The month ends from the earliest date this changes in the history read differently.
      const changedFrom = [
        ...(moved || leaving || returning ? [effective] : []),
        ...(correctingLeaveDate ? [previousLeaveDate, employee.leaveDate] : []),
        ...(employee.hireDate !== previousHireDate ? [previousHireDate, employee.hireDate] : []),
      ].filter((d): d is string => d !== null);
      if (changedFrom.length) await invalidateTrendSnapshots(manager, changedFrom.sort()[0], today);
      const after = await this.describe(id, manager);
      await this.audit.record(manager, { userId: user.id, action: 'update', entity: 'employee', entityId: id, before, after });
      return after;
    });
  }

  /** Sets (or clears) an employee's career-goal role; the caller's right to do so is checked by the controller. */
  setTargetRole(user: SessionUser, id: number, targetRoleId: number | null): Promise<EmployeeDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.describe(id, manager);
      if (targetRoleId !== null) {
        const role = (await requireIds(manager, Role, [targetRoleId], 'targetRoleId', 'Role')).get(targetRoleId);
        if (role?.status !== 'active')
          throw DomainError.invalid([{ field: 'targetRoleId', message: `Role "${role?.name}" is retired` }]);
      }
      await manager.update(Employee, { id }, { targetRoleId, updatedAt: utcNow() });
      const after = await this.describe(id, manager);
      await this.audit.record(manager, { userId: user.id, action: 'update', entity: 'employee', entityId: id, before, after });
      return after;
    });
  }
}
