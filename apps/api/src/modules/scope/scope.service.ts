import { Injectable } from '@nestjs/common';
import { DataSource, SelectQueryBuilder, type ObjectLiteral } from 'typeorm';
import type { SessionUser } from '../../common/auth/session-user';
import { DomainError } from '../../common/errors/domain-error';
import type { SqlRunner } from '../../database/sql';
import { Team } from '../teams/team.entity';
import { Employee } from '../employees/employee.entity';

/**
 * What part of the organisation a user may see (DESIGN §1):
 * - organisation: HR and admin, every person;
 * - teams: a manager, the sub-trees of the teams they manage (and themselves);
 * - self: an employee, their own record only;
 * - aggregate: an executive, aggregates only and no individual's record.
 */
export type Scope =
  | { kind: 'organisation' }
  | { kind: 'teams'; teamPaths: string[]; managedTeamIds: number[]; selfEmployeeId: number | null }
  | { kind: 'self'; employeeId: number | null }
  | { kind: 'aggregate' };

@Injectable()
export class ScopeService {
  constructor(private readonly dataSource: DataSource) {}

  async scopeOf(user: SessionUser): Promise<Scope> {
    switch (user.role) {
      case 'admin':
      case 'hr':
        return { kind: 'organisation' };
      case 'manager': {
        const managed =
          user.employeeId === null
            ? []
            : await this.dataSource
                .getRepository(Team)
                .find({ where: { managerId: user.employeeId }, select: { id: true, path: true } });
        return {
          kind: 'teams',
          teamPaths: managed.map((team) => team.path),
          managedTeamIds: managed.map((team) => team.id),
          selfEmployeeId: user.employeeId,
        };
      }
      case 'employee':
        return { kind: 'self', employeeId: user.employeeId };
      case 'exec':
        return { kind: 'aggregate' };
    }
  }

  /**
   * Restricts a query over employees (alias `employeeAlias`) to the scope. `teamAlias` must be
   * a join of the employee's team when the scope is a manager's.
   */
  restrictEmployees<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    scope: Scope,
    employeeAlias: string,
    teamAlias: string,
  ): SelectQueryBuilder<T> {
    switch (scope.kind) {
      case 'organisation':
        return qb;
      case 'aggregate':
        return qb.andWhere('1 = 0');
      case 'self':
        return qb.andWhere(`${employeeAlias}.id = :scopeSelfId`, { scopeSelfId: scope.employeeId ?? -1 });
      case 'teams': {
        const clauses = scope.teamPaths.map((_, i) => `${teamAlias}.path LIKE :scopePath${i}`);
        const params = Object.fromEntries(scope.teamPaths.map((path, i) => [`scopePath${i}`, `${path}%`]));
        if (scope.selfEmployeeId !== null) clauses.push(`${employeeAlias}.id = :scopeSelfId`);
        return qb.andWhere(clauses.length ? `(${clauses.join(' OR ')})` : '1 = 0', {
          ...params,
          scopeSelfId: scope.selfEmployeeId,
        });
      }
    }
  }

  /** Restricts a query over teams (alias `teamAlias`) to the teams a manager may see. */
  restrictTeams<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, scope: Scope, teamAlias: string): SelectQueryBuilder<T> {
    if (scope.kind !== 'teams') return scope.kind === 'self' ? qb.andWhere('1 = 0') : qb;
    if (!scope.teamPaths.length) return qb.andWhere('1 = 0');
    const clauses = scope.teamPaths.map((_, i) => `${teamAlias}.path LIKE :scopePath${i}`);
    return qb.andWhere(
      `(${clauses.join(' OR ')})`,
      Object.fromEntries(scope.teamPaths.map((path, i) => [`scopePath${i}`, `${path}%`])),
    );
  }

  teamPathInScope(scope: Scope, path: string): boolean {
    if (scope.kind === 'organisation' || scope.kind === 'aggregate') return true;
    if (scope.kind === 'self') return false;
    return scope.teamPaths.some((root) => path.startsWith(root));
  }

  /** The employee if the user may see their record; otherwise 404, so existence is not revealed. */
  async visibleEmployee(user: SessionUser, employeeId: number): Promise<Employee> {
    const scope = await this.scopeOf(user);
    const qb = this.dataSource
      .getRepository(Employee)
      .createQueryBuilder('e')
      .innerJoin(Team, 't', 't.id = e.team_id')
      .where('e.id = :employeeId', { employeeId });
    const employee = await this.restrictEmployees(qb, scope, 'e', 't').getOne();
    if (!employee) throw DomainError.notFound('Employee', employeeId);
    return employee;
  }

  /**
   * The employee (id and name) if the scope shows their record, else 404 — as visibleEmployee,
   * read on `sql` (a pipeline sends the read with the statements queued beside it).
   */
  async visibleEmployeeOn(sql: SqlRunner, scope: Scope, employeeId: number): Promise<{ id: number; name: string }> {
    const [row] = (await sql.query(
      'SELECT e.id, e.name, t.path FROM employees e JOIN teams t ON t.id = e.team_id WHERE e.id = ?',
      [employeeId],
    )) as Array<{ id: number | string; name: string; path: string }>;
    if (!row || !this.employeeInScope(scope, Number(row.id), row.path)) throw DomainError.notFound('Employee', employeeId);
    return { id: Number(row.id), name: row.name };
  }

  /** Whether the scope shows the record of the employee with this id in the team at `teamPath` (restrictEmployees' rule). */
  employeeInScope(scope: Scope, employeeId: number, teamPath: string): boolean {
    switch (scope.kind) {
      case 'organisation':
        return true;
      case 'aggregate':
        return false;
      case 'self':
        return employeeId === scope.employeeId;
      case 'teams':
        return this.teamPathInScope(scope, teamPath) || employeeId === scope.selfEmployeeId;
    }
  }

  /** The team if the user may see it (a manager: within their sub-trees); otherwise 404. */
  async visibleTeam(user: SessionUser, teamId: number): Promise<Team> {
    const scope = await this.scopeOf(user);
    const team = await this.dataSource.getRepository(Team).findOne({ where: { id: teamId } });
    if (!team || !this.teamPathInScope(scope, team.path)) throw DomainError.notFound('Team', teamId);
    return team;
  }
}
