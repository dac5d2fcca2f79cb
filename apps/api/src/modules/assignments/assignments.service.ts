import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { assignmentProgress, type AssignmentDto, type IsoDate, type Page } from '@skillgrid/shared';
import { pageWindow, toPage } from '../../common/http/pagination';
import type { SessionUser } from '../../common/auth/session-user';
import { ScopeService } from '../scope/scope.service';
import { OrganisationService } from '../organisation/organisation.service';
import { Team } from '../teams/team.entity';
import { ClusterCredential } from '../clusters/cluster-credential.entity';
import { Completion } from '../completions/completion.entity';
import { Assignment } from './assignment.entity';
import type { ListAssignmentsQuery } from './dto/assignment.dto';

@Injectable()
export class AssignmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ScopeService,
    private readonly organisation: OrganisationService,
  ) {}

  /** Adds the derived status and progress (DESIGN §2) to assignments loaded with employee, cluster and credential. */
  async describe(manager: EntityManager, assignments: Assignment[], today: IsoDate): Promise<AssignmentDto[]> {
    if (!assignments.length) return [];
    const clusterIds = [...new Set(assignments.flatMap((a) => (a.clusterId ? [a.clusterId] : [])))];
    const items = clusterIds.length ? await manager.find(ClusterCredential, { where: { clusterId: In(clusterIds) } }) : [];
    const credentialsOf = (a: Assignment) =>
      a.clusterId
        ? items.filter((i) => i.clusterId === a.clusterId).map((i) => i.credentialId)
        : a.credentialId
          ? [a.credentialId]
          : [];
    const employeeIds = [...new Set(assignments.map((a) => a.employeeId))];
    const completions = await manager.find(Completion, {
      where: { employeeId: In(employeeIds), status: 'valid' },
      select: { employeeId: true, credentialId: true, awardedAt: true, status: true },
    });
    return assignments.map((a) => {
      const progress = assignmentProgress({
        credentialIds: credentialsOf(a),
        assignedAt: a.assignedAt,
        dueDate: a.dueDate,
        cancelled: a.cancelledAt !== null,
        completions: completions.filter((c) => c.employeeId === a.employeeId),
        today,
      });
      return {
        id: a.id,
        employeeId: a.employeeId,
        employeeName: a.employee?.name ?? '',
        clusterId: a.clusterId,
        credentialId: a.credentialId,
        title: a.cluster?.name ?? a.credential?.name ?? '',
        assignedAt: a.assignedAt,
        dueDate: a.dueDate,
        note: a.note,
        ...progress,
      };
    });
  }

  async forEmployee(employeeId: number, today: IsoDate): Promise<AssignmentDto[]> {
    const manager = this.dataSource.manager;
    const rows = await manager.find(Assignment, {
      where: { employeeId },
      relations: { employee: true, cluster: true, credential: true },
      order: { dueDate: 'ASC', id: 'ASC' },
    });
    return this.describe(manager, rows, today);
  }

  async list(user: SessionUser, query: ListAssignmentsQuery): Promise<Page<AssignmentDto>> {
    const scope = await this.scopes.scopeOf(user);
    if (query.employeeId) await this.scopes.visibleEmployee(user, query.employeeId);
    const window = pageWindow(query);
    const qb = this.dataSource
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.employee', 'e')
      .innerJoin(Team, 't', 't.id = e.team_id')
      .leftJoinAndSelect('a.cluster', 'cl')
      .leftJoinAndSelect('a.credential', 'cr')
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
    const [rows, total] = await qb.getManyAndCount();
    const described = await this.describe(this.dataSource.manager, rows, await this.organisation.today());
    return toPage(described, total, window);
  }
}
