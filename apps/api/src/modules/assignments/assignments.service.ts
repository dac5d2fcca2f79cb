import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull, type SelectQueryBuilder } from 'typeorm';
import {
  addDays,
  assignmentProgress,
  DUE_SOON_DAYS,
  type AssignmentDto,
  type AssignmentStatus,
  type CreateAssignmentsResultDto,
  type IsoDate,
  type Page,
} from '@skillgrid/shared';
import { pageWindow, toPage } from '../../common/http/pagination';
import { assertNoDuplicates } from '../../common/http/catalogue';
import { DomainError } from '../../common/errors/domain-error';
import type { SessionUser } from '../../common/auth/session-user';
import { chunks, dialectOf } from '../../database/sql';
import { utcNow } from '../../database/column-types';
import { AuditService } from '../audit/audit.service';
import { ScopeService, type Scope } from '../scope/scope.service';
import { OrganisationService } from '../organisation/organisation.service';
import { Team } from '../teams/team.entity';
import { Employee } from '../employees/employee.entity';
import { Cluster } from '../clusters/cluster.entity';
import { ClusterCredential } from '../clusters/cluster-credential.entity';
import { Credential } from '../credentials/credential.entity';
import { Completion } from '../completions/completion.entity';
import { User } from '../users/user.entity';
import { refreshAssignmentProgress } from '../forecasts/assignment-progress.sql';
import { Assignment } from './assignment.entity';
import type { CreateAssignmentsDto, ListAssignmentsQuery, UpdateAssignmentDto } from './dto/assignment.dto';

/** SQL for an assignment's credential count and how many of them are done (DESIGN §2), for status filters. */
const COMPLETED_SINCE_ASSIGNED = (credentialColumn: string) =>
  `EXISTS (SELECT 1 FROM completions c WHERE c.employee_id = a.employee_id AND c.credential_id = ${credentialColumn}` +
  ` AND c.status = 'valid' AND c.awarded_at >= a.assigned_at)`;
const TOTAL_SQL = `(CASE WHEN a.cluster_id IS NULL THEN 1 ELSE (SELECT COUNT(*) FROM cluster_credentials cc WHERE cc.cluster_id = a.cluster_id) END)`;
const DONE_SQL =
  `(CASE WHEN a.cluster_id IS NULL THEN (CASE WHEN ${COMPLETED_SINCE_ASSIGNED('a.credential_id')} THEN 1 ELSE 0 END)` +
  ` ELSE (SELECT COUNT(*) FROM cluster_credentials cc WHERE cc.cluster_id = a.cluster_id AND ${COMPLETED_SINCE_ASSIGNED('cc.credential_id')}) END)`;
const OPEN_SQL = `a.cancelled_at IS NULL AND NOT (${TOTAL_SQL} > 0 AND ${DONE_SQL} = ${TOTAL_SQL})`;

function statusCondition(status: AssignmentStatus): string {
  switch (status) {
    case 'cancelled':
      return 'a.cancelled_at IS NOT NULL';
    case 'completed':
      return `a.cancelled_at IS NULL AND ${TOTAL_SQL} > 0 AND ${DONE_SQL} = ${TOTAL_SQL}`;
    case 'overdue':
      return `${OPEN_SQL} AND a.due_date < :today`;
    case 'in_progress':
      return `${OPEN_SQL} AND a.due_date >= :today AND ${DONE_SQL} > 0`;
    case 'assigned':
      return `${OPEN_SQL} AND a.due_date >= :today AND ${DONE_SQL} = 0`;
  }
}

type Item = { kind: 'cluster'; cluster: Cluster } | { kind: 'credential'; credential: Credential };

@Injectable()
export class AssignmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ScopeService,
    private readonly organisation: OrganisationService,
    private readonly audit: AuditService,
  ) {}

  /** Adds the derived status, progress and steps (DESIGN §2) to assignments loaded with employee (and team), cluster and credential. */
  async describe(manager: EntityManager, assignments: Assignment[], today: IsoDate): Promise<AssignmentDto[]> {
    if (!assignments.length) return [];
    const clusterIds = [...new Set(assignments.flatMap((a) => (a.clusterId ? [a.clusterId] : [])))];
    const items = clusterIds.length
      ? await manager.find(ClusterCredential, { where: { clusterId: In(clusterIds) }, order: { position: 'ASC' } })
      : [];
    const credentialsOf = (a: Assignment) =>
      a.clusterId
        ? items.filter((i) => i.clusterId === a.clusterId).map((i) => i.credentialId)
        : a.credentialId
          ? [a.credentialId]
          : [];
    const credentialIds = [...new Set(assignments.flatMap(credentialsOf))];
    const credentials = new Map(
      (credentialIds.length ? await manager.find(Credential, { where: { id: In(credentialIds) } }) : []).map((c) => [c.id, c]),
    );
    const employeeIds = [...new Set(assignments.map((a) => a.employeeId))];
    const completions = (
      await Promise.all(
        chunks(employeeIds, 500).map((ids) =>
          manager.find(Completion, {
            where: { employeeId: In(ids), status: 'valid', ...(credentialIds.length ? { credentialId: In(credentialIds) } : {}) },
            select: { employeeId: true, credentialId: true, awardedAt: true, status: true },
          }),
        ),
      )
    ).flat();
    const completionsOf = new Map<number, Completion[]>();
    for (const c of completions) completionsOf.set(c.employeeId, [...(completionsOf.get(c.employeeId) ?? []), c]);
    const userIds = [...new Set(assignments.flatMap((a) => (a.assignedByUserId ? [a.assignedByUserId] : [])))];
    const users = new Map(
      (userIds.length ? await manager.find(User, { where: { id: In(userIds) }, relations: { employee: true } }) : []).map((u) => [
        u.id,
        u.employee?.name ?? u.email,
      ]),
    );
    const teamIds = [...new Set(assignments.map((a) => a.employee?.teamId ?? 0))];
    const teams = new Map((await manager.find(Team, { where: { id: In(teamIds) } })).map((t) => [t.id, t.name]));

    return assignments.map((a) => {
      const own = completionsOf.get(a.employeeId) ?? [];
      const ids = credentialsOf(a);
      const progress = assignmentProgress({
        credentialIds: ids,
        assignedAt: a.assignedAt,
        dueDate: a.dueDate,
        cancelled: a.cancelledAt !== null,
        completions: own,
        today,
      });
      const teamId = a.employee?.teamId ?? 0;
      return {
        id: a.id,
        employeeId: a.employeeId,
        employeeName: a.employee?.name ?? '',
        teamId,
        teamName: teams.get(teamId) ?? '',
        clusterId: a.clusterId,
        credentialId: a.credentialId,
        title: a.cluster?.name ?? a.credential?.name ?? '',
        assignedAt: a.assignedAt,
        dueDate: a.dueDate,
        note: a.note,
        assignedByName: a.assignedByUserId ? (users.get(a.assignedByUserId) ?? null) : null,
        cancelledAt: a.cancelledAt ? a.cancelledAt.toISOString() : null,
        ...progress,
        steps: ids.map((credentialId) => {
          const credential = credentials.get(credentialId);
          const done = own
            .filter((c) => c.credentialId === credentialId && c.awardedAt >= a.assignedAt)
            .map((c) => c.awardedAt)
            .sort()[0];
          return {
            credentialId,
            credentialName: credential?.name ?? '',
            hours: credential?.hours ?? 0,
            cost: credential?.cost ?? 0,
            completedAt: done ?? null,
          };
        }),
      };
    });
  }

  private query(manager: EntityManager): SelectQueryBuilder<Assignment> {
    return manager
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.employee', 'e')
      .innerJoin(Team, 't', 't.id = e.team_id')
      .leftJoinAndSelect('a.cluster', 'cl')
      .leftJoinAndSelect('a.credential', 'cr');
  }

  async forEmployee(employeeId: number, today: IsoDate): Promise<AssignmentDto[]> {
    const manager = this.dataSource.manager;
    const rows = await this.query(manager)
      .where('a.employee_id = :employeeId', { employeeId })
      .orderBy('a.due_date', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
    return this.describe(manager, rows, today);
  }

  async list(user: SessionUser, query: ListAssignmentsQuery): Promise<Page<AssignmentDto>> {
    const scope = await this.scopes.scopeOf(user);
    if (query.employeeId) await this.scopes.visibleEmployee(user, query.employeeId);
    const today = await this.organisation.today();
    const window = pageWindow(query);
    const qb = this.query(this.dataSource.manager)
      .orderBy('a.due_date', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .skip(window.skip)
      .take(window.pageSize);
    this.scopes.restrictEmployees(qb, scope, 'e', 't');
    if (query.employeeId) qb.andWhere('a.employee_id = :employeeId', { employeeId: query.employeeId });
    if (query.teamId) {
      const team = await this.scopes.visibleTeam(user, query.teamId);
      qb.andWhere('t.path LIKE :teamPath', { teamPath: `${team.path}%` });
    }
    if (query.clusterId) qb.andWhere('a.cluster_id = :clusterId', { clusterId: query.clusterId });
    if (query.credentialId) qb.andWhere('a.credential_id = :credentialId', { credentialId: query.credentialId });
    if (query.status) qb.andWhere(statusCondition(query.status), { today });
    if (query.due === 'overdue') qb.andWhere(statusCondition('overdue'), { today });
    if (query.due === 'soon')
      qb.andWhere(`${OPEN_SQL} AND a.due_date >= :today AND a.due_date <= :soon`, { today, soon: addDays(today, DUE_SOON_DAYS) });
    const [rows, total] = await qb.getManyAndCount();
    const described = await this.describe(this.dataSource.manager, rows, today);
    return toPage(described, total, window);
  }

  private async itemOf(manager: EntityManager, dto: { clusterId?: number; credentialId?: number }): Promise<Item> {
    if ((dto.clusterId === undefined) === (dto.credentialId === undefined)) {
      throw DomainError.invalid([{ field: 'clusterId', message: 'give either clusterId or credentialId, not both' }]);
    }
    if (dto.clusterId !== undefined) {
      const cluster = await manager.findOne(Cluster, { where: { id: dto.clusterId } });
      if (!cluster) throw DomainError.invalid([{ field: 'clusterId', message: `Cluster ${dto.clusterId} does not exist` }]);
      if (cluster.status !== 'active')
        throw DomainError.invalid([{ field: 'clusterId', message: `Cluster "${cluster.name}" is retired` }]);
      if (!(await manager.count(ClusterCredential, { where: { clusterId: cluster.id } })))
        throw DomainError.invalid([{ field: 'clusterId', message: `Cluster "${cluster.name}" has no credentials` }]);
      return { kind: 'cluster', cluster };
    }
    const credential = await manager.findOne(Credential, { where: { id: dto.credentialId } });
    if (!credential)
      throw DomainError.invalid([{ field: 'credentialId', message: `Credential ${dto.credentialId} does not exist` }]);
    if (credential.status !== 'active')
      throw DomainError.invalid([{ field: 'credentialId', message: `Credential "${credential.name}" is retired` }]);
    return { kind: 'credential', credential };
  }

  /**
   * The people to assign to. A manager naming anyone outside their tree (or an id that does not
   * exist, which they cannot tell apart) gets 403 and nothing is written (DESIGN §6).
   */
  private async assignees(manager: EntityManager, scope: Scope, dto: CreateAssignmentsDto): Promise<Employee[]> {
    if ((dto.employeeIds === undefined) === (dto.teamId === undefined)) {
      throw DomainError.invalid([{ field: 'employeeIds', message: 'give either employeeIds or teamId' }]);
    }
    if (dto.roleId !== undefined && dto.teamId === undefined) {
      throw DomainError.invalid([{ field: 'roleId', message: 'filters a team: give teamId with it' }]);
    }
    if (dto.teamId !== undefined) {
      const team = await manager.findOne(Team, { where: { id: dto.teamId } });
      if (!team) {
        if (scope.kind === 'teams') throw DomainError.forbidden('You may only assign to people in the teams you manage');
        throw DomainError.invalid([{ field: 'teamId', message: `Team ${dto.teamId} does not exist` }]);
      }
      if (!this.scopes.teamPathInScope(scope, team.path))
        throw DomainError.forbidden('You may only assign to people in the teams you manage');
      const qb = manager
        .getRepository(Employee)
        .createQueryBuilder('e')
        .innerJoin(Team, 't', 't.id = e.team_id')
        .where('t.path LIKE :path', { path: `${team.path}%` })
        .andWhere("e.status = 'active'")
        .orderBy('e.name', 'ASC')
        .addOrderBy('e.id', 'ASC');
      if (dto.roleId !== undefined) qb.andWhere('e.role_id = :roleId', { roleId: dto.roleId });
      const members = await qb.getMany();
      if (!members.length)
        throw DomainError.invalid([
          {
            field: dto.roleId !== undefined ? 'roleId' : 'teamId',
            message: `Team "${team.name}" has no active members to assign to`,
          },
        ]);
      return members;
    }
    const ids = dto.employeeIds as number[];
    assertNoDuplicates(ids, 'employeeIds', 'Employee');
    const found = new Map<number, Employee & { path?: string }>();
    for (const part of chunks(ids, 500)) {
      const rows = await manager
        .getRepository(Employee)
        .createQueryBuilder('e')
        .innerJoin(Team, 't', 't.id = e.team_id')
        .addSelect('t.path', 'team_path')
        .where('e.id IN (:...ids)', { ids: part })
        .getRawAndEntities();
      rows.entities.forEach((employee, index) =>
        found.set(employee.id, Object.assign(employee, { path: rows.raw[index].team_path })),
      );
    }
    const outside = ids.flatMap((id, index) => {
      const employee = found.get(id);
      if (!employee) return [index];
      const inScope =
        scope.kind === 'organisation' ||
        (scope.kind === 'teams' &&
          (this.scopes.teamPathInScope(scope, employee.path ?? '') || employee.id === scope.selfEmployeeId));
      return inScope ? [] : [index];
    });
    if (outside.length && scope.kind !== 'organisation') {
      throw new DomainError(
        'forbidden',
        'OUTSIDE_YOUR_TEAMS',
        'You may only assign to people in the teams you manage; nothing was assigned',
        outside.map((index) => ({ field: `employeeIds[${index}]`, message: 'is not in a team you manage' })),
      );
    }
    const errors = ids.flatMap((id, index) => {
      const employee = found.get(id);
      if (!employee) return [{ field: `employeeIds[${index}]`, message: `Employee ${id} does not exist` }];
      if (employee.status !== 'active') return [{ field: `employeeIds[${index}]`, message: `${employee.name} has left` }];
      return [];
    });
    if (errors.length) throw DomainError.invalid(errors);
    return ids.map((id) => found.get(id) as Employee);
  }

  /** One request, one transaction: every assignment is written, or none (DESIGN §6). */
  async create(user: SessionUser, dto: CreateAssignmentsDto): Promise<CreateAssignmentsResultDto> {
    const scope = await this.scopes.scopeOf(user);
    const today = await this.organisation.today();
    if (dto.dueDate < today) throw DomainError.invalid([{ field: 'dueDate', message: `must be today (${today}) or later` }]);
    return this.dataSource.transaction(async (manager) => {
      const item = await this.itemOf(manager, dto);
      const people = await this.assignees(manager, scope, dto);
      const itemWhere = item.kind === 'cluster' ? { clusterId: item.cluster.id } : { credentialId: item.credential.id };

      // Someone who already has an open assignment of the same thing is reported, not assigned twice.
      const existing: Assignment[] = [];
      for (const part of chunks(
        people.map((p) => p.id),
        500,
      )) {
        existing.push(
          ...(await manager.find(Assignment, {
            where: { employeeId: In(part), cancelledAt: IsNull(), ...itemWhere },
            relations: { employee: true, cluster: true, credential: true },
          })),
        );
      }
      const open = (await this.describe(manager, existing, today)).filter((a) => a.status !== 'completed');
      const openOf = new Map(open.map((a) => [a.employeeId, a]));
      const skipped = people
        .filter((p) => openOf.has(p.id))
        .map((p) => {
          const current = openOf.get(p.id) as AssignmentDto;
          return {
            employeeId: p.id,
            employeeName: p.name,
            assignmentId: current.id,
            reason: `already assigned on ${current.assignedAt}, due ${current.dueDate} (${current.status.replace('_', ' ')})`,
          };
        });
      const assignees = people.filter((p) => !openOf.has(p.id));

      const createdAt = utcNow();
      const rows = assignees.map((p) => ({
        employeeId: p.id,
        clusterId: item.kind === 'cluster' ? item.cluster.id : null,
        credentialId: item.kind === 'credential' ? item.credential.id : null,
        assignedByUserId: user.id,
        assignedAt: today,
        dueDate: dto.dueDate,
        note: dto.note?.trim() || null,
        cancelledAt: null,
        createdAt,
      }));
      // Row by row, so each generated id is known on both databases; still one transaction.
      const ids: number[] = [];
      for (const row of rows) ids.push((await manager.insert(Assignment, row)).identifiers[0].id as number);
      await refreshAssignmentProgress(manager, dialectOf(this.dataSource), { assignmentIds: ids });
      const created: Assignment[] = [];
      for (const part of chunks(ids, 500)) {
        created.push(
          ...(await this.query(manager)
            .where('a.id IN (:...ids)', { ids: part })
            .orderBy('e.name', 'ASC')
            .addOrderBy('a.id', 'ASC')
            .getMany()),
        );
      }
      const items = await this.describe(manager, created, today);
      await this.audit.record(manager, {
        userId: user.id,
        action: 'assign',
        entity: 'assignment',
        entityId: ids.length === 1 ? ids[0] : null,
        after: { ids, ...itemWhere, dueDate: dto.dueDate, note: dto.note ?? null, skipped: skipped.map((s) => s.employeeId) },
      });
      return { items, total: items.length, skipped };
    });
  }

  /** The assignment if the user may act on it; 404 outside their scope. */
  private async editable(manager: EntityManager, user: SessionUser, id: number): Promise<Assignment> {
    const scope = await this.scopes.scopeOf(user);
    const qb = this.query(manager).where('a.id = :id', { id });
    this.scopes.restrictEmployees(qb, scope, 'e', 't');
    const assignment = await qb.getOne();
    if (!assignment) throw DomainError.notFound('Assignment', id);
    if (assignment.cancelledAt) throw DomainError.conflict('ASSIGNMENT_CANCELLED', 'id', 'This assignment was cancelled');
    return assignment;
  }

  update(user: SessionUser, id: number, dto: UpdateAssignmentDto): Promise<AssignmentDto> {
    return this.dataSource.transaction(async (manager) => {
      const today = await this.organisation.today();
      const assignment = await this.editable(manager, user, id);
      const [before] = await this.describe(manager, [assignment], today);
      if (dto.dueDate !== undefined) {
        if (dto.dueDate < today || dto.dueDate < assignment.assignedAt) {
          throw DomainError.invalid([{ field: 'dueDate', message: `must be today (${today}) or later` }]);
        }
        assignment.dueDate = dto.dueDate;
      }
      if (dto.note !== undefined) assignment.note = dto.note?.trim() || null;
      await manager.update(Assignment, { id }, { dueDate: assignment.dueDate, note: assignment.note });
      if (dto.dueDate !== undefined)
        await refreshAssignmentProgress(manager, dialectOf(this.dataSource), { assignmentIds: [id] });
      const [after] = await this.describe(manager, [assignment], today);
      await this.audit.record(manager, { userId: user.id, action: 'update', entity: 'assignment', entityId: id, before, after });
      return after;
    });
  }

  cancel(user: SessionUser, id: number): Promise<AssignmentDto> {
    return this.dataSource.transaction(async (manager) => {
      const today = await this.organisation.today();
      const assignment = await this.editable(manager, user, id);
      const [before] = await this.describe(manager, [assignment], today);
      if (before.status === 'completed')
        throw DomainError.conflict('ASSIGNMENT_COMPLETED', 'id', 'A completed assignment cannot be cancelled');
      assignment.cancelledAt = utcNow();
      await manager.update(Assignment, { id }, { cancelledAt: assignment.cancelledAt });
      await refreshAssignmentProgress(manager, dialectOf(this.dataSource), { assignmentIds: [id] });
      const [after] = await this.describe(manager, [assignment], today);
      await this.audit.record(manager, { userId: user.id, action: 'cancel', entity: 'assignment', entityId: id, before, after });
      return after;
    });
  }
}
