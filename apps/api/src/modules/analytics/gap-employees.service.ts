import { Injectable } from '@nestjs/common';
import {
  DEFAULT_PAGE_SIZE,
  gapRows,
  readiness,
  type GapEmployeeRowDto,
  type GapReportDto,
  type IsoDate,
  type Page,
} from '@skillgrid/shared';
import { orderedJoin, placeholders, quote } from '../../database/sql';
import type { Employee } from '../employees/employee.entity';
import { AnalyticsContextService, type AnalyticsContext } from './analytics-context';
import type { GapsQuery } from './dto/analytics.query';

type Row = Record<string, string | number | null>;

interface GapPerson {
  teamId: number;
  roleId: number;
  levels: Map<number, number>;
  requirements: Array<{ skillId: number; requiredLevel: number; weight: number }>;
}

/**
 * Members of a scope as SQL (alias x with employee_id, team_id, role_id): the current
 * rollup membership from today on, else the employment periods covering the as-of date.
 */
export function membersSource(asOf: IsoDate, today: IsoDate): { sql: string; parameters: unknown[] } {
  if (asOf >= today) return { sql: 'rollup_members', parameters: [] };
  return {
    sql:
      '(SELECT p.employee_id, p.team_id, p.role_id, COALESCE(p.location_id, 0) AS location_id FROM employment_periods p ' +
      'JOIN employees em ON em.id = p.employee_id WHERE p.start_date <= ? AND (p.end_date IS NULL OR p.end_date > ?) ' +
      'AND em.hire_date <= ? AND (em.leave_date IS NULL OR em.leave_date > ?))',
    parameters: [asOf, asOf, asOf, asOf],
  };
}

/** The level of member x in skill `skillColumn` on the as-of date, as a correlated subquery. */
export function levelExpression(asOf: IsoDate, today: IsoDate, skillColumn: string): { sql: string; parameters: unknown[] } {
  if (asOf >= today) {
    return {
      sql: `(SELECT COUNT(*) FROM employee_skill_levels h WHERE h.employee_id = x.employee_id AND h.skill_id = ${skillColumn} AND h.valid_until > ?)`,
      parameters: [asOf],
    };
  }
  return {
    sql:
      `(SELECT COALESCE(MAX(cs.${quote('level')}), 0) FROM completions c JOIN credential_skills cs ON cs.credential_id = c.credential_id ` +
      `WHERE c.employee_id = x.employee_id AND cs.skill_id = ${skillColumn} AND c.status = 'valid' AND c.awarded_at <= ? ` +
      `AND (c.expires_at IS NULL OR c.expires_at > ?))`,
    parameters: [asOf, asOf],
  };
}

/** The employees short of their role's requirements in a scope, most weighted gap points first. */
@Injectable()
export class GapEmployeesService {
  constructor(private readonly contexts: AnalyticsContextService) {}

  async page(
    ctx: AnalyticsContext,
    filter: { within: number[] | null; roleId?: number },
    query: GapsQuery,
  ): Promise<Page<GapEmployeeRowDto>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const members = membersSource(ctx.asOf, ctx.today);
    const level = levelExpression(ctx.asOf, ctx.today, 'rr.skill_id');
    const J = orderedJoin(ctx.sql);
    const where: string[] = [];
    const whereParameters: unknown[] = [];
    // From the scope's teams to their members to the requirements, in that order.
    let from = `${members.sql} x ${J} role_requirements rr ON rr.role_id = x.role_id`;
    if (filter.within) {
      from = `team_closure gc ${J} ${members.sql} x ON x.team_id = gc.descendant_id ${J} role_requirements rr ON rr.role_id = x.role_id`;
      where.push(`gc.ancestor_id IN (${placeholders(filter.within.length)})`);
      whereParameters.push(...filter.within);
    }
    if (filter.roleId !== undefined) {
      where.push('x.role_id = ?');
      whereParameters.push(filter.roleId);
    }
    const inner =
      `SELECT x.employee_id AS e, rr.required_level AS l, rr.weight AS w, ${level.sql} AS lv FROM ${from} ` +
      `${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const innerParameters = [...level.parameters, ...members.parameters, ...whereParameters];
    const perEmployee =
      `SELECT q.e, SUM(CASE WHEN q.lv < q.l THEN q.l - q.lv ELSE 0 END) AS g, SUM(CASE WHEN q.lv < q.l THEN (q.l - q.lv) * q.w ELSE 0 END) AS wg, ` +
      `SUM(CASE WHEN q.lv >= q.l THEN q.w ELSE 0 END) * 1.0 / SUM(q.w) AS rd FROM (${inner}) q GROUP BY q.e ` +
      `HAVING SUM(CASE WHEN q.lv < q.l THEN 1 ELSE 0 END) > 0`;
    const direction = query.order ?? (query.sort === 'name' || query.sort === 'readiness' ? 'asc' : 'desc');
    const sortColumn = { weightedGapPoints: 'z.wg', gapPoints: 'z.g', readiness: 'z.rd', name: 'em.name' }[
      query.sort ?? 'weightedGapPoints'
    ];
    const [{ n }] = (await ctx.sql.query(`SELECT COUNT(*) AS n FROM (${perEmployee}) z`, innerParameters)) as Row[];
    const rows = (await ctx.sql.query(
      `SELECT z.e, z.g, z.wg, z.rd, em.name FROM (${perEmployee}) z JOIN employees em ON em.id = z.e ` +
        `ORDER BY ${sortColumn} ${direction === 'asc' ? 'ASC' : 'DESC'}, em.name ASC, em.id ASC LIMIT ? OFFSET ?`,
      [...innerParameters, pageSize, (page - 1) * pageSize],
    )) as Row[];
    const items = await this.describe(
      ctx,
      rows.map((row) => Number(row.e)),
    );
    return { items, total: Number(n), page, pageSize };
  }

  /** Full gap rows of some employees (their placement and levels on the as-of date). */
  private async describe(ctx: AnalyticsContext, employeeIds: number[]): Promise<GapEmployeeRowDto[]> {
    if (!employeeIds.length) return [];
    const members = membersSource(ctx.asOf, ctx.today);
    const level = levelExpression(ctx.asOf, ctx.today, 'rr.skill_id');
    const rows = (await ctx.sql.query(
      `SELECT x.employee_id AS e, x.team_id AS t, x.role_id AS r, rr.skill_id AS s, rr.required_level AS l, rr.weight AS w, ${level.sql} AS lv ` +
        `FROM ${members.sql} x LEFT JOIN role_requirements rr ON rr.role_id = x.role_id WHERE x.employee_id IN (${placeholders(employeeIds.length)})`,
      [...level.parameters, ...members.parameters, ...employeeIds],
    )) as Row[];
    const people = new Map<number, GapPerson>();
    for (const row of rows) {
      const id = Number(row.e);
      const person: GapPerson = people.get(id) ?? {
        teamId: Number(row.t),
        roleId: Number(row.r),
        levels: new Map(),
        requirements: [],
      };
      if (row.s !== null) {
        person.requirements.push({ skillId: Number(row.s), requiredLevel: Number(row.l), weight: Number(row.w) });
        person.levels.set(Number(row.s), Number(row.lv));
      }
      people.set(id, person);
    }
    const names = await this.contexts.names(ctx.sql, 'employees', employeeIds);
    const teams = await this.contexts.names(
      ctx.sql,
      'teams',
      [...people.values()].map((p) => p.teamId),
    );
    const skillNames = await this.contexts.names(
      ctx.sql,
      'skills',
      [...people.values()].flatMap((p) => p.requirements.map((r) => r.skillId)),
    );
    const roles = await this.contexts.names(
      ctx.sql,
      'roles',
      [...people.values()].map((p) => p.roleId),
    );
    return employeeIds.flatMap((id) => {
      const person = people.get(id);
      if (!person) return [];
      const gaps = gapRows(person.requirements, (skillId) => person.levels.get(skillId) ?? 0);
      return [
        {
          employeeId: id,
          name: names.get(id) ?? `#${id}`,
          teamId: person.teamId,
          teamName: teams.get(person.teamId) ?? '',
          roleId: person.roleId,
          roleName: roles.get(person.roleId) ?? '',
          readiness: readiness(gaps),
          gapPoints: gaps.reduce((sum, g) => sum + g.gapPoints, 0),
          weightedGapPoints: gaps.reduce((sum, g) => sum + g.gapPoints * g.weight, 0),
          gaps: gaps
            .filter((g) => g.gapPoints > 0)
            .map((g) => ({
              skillId: g.skillId,
              skillName: skillNames.get(g.skillId) ?? `#${g.skillId}`,
              requiredLevel: g.requiredLevel,
              currentLevel: g.currentLevel,
              gapPoints: g.gapPoints,
              weight: g.weight,
            })),
        },
      ];
    });
  }

  /** One employee's gap report: every requirement of their role, met ones with 0 gap points. */
  async employeeReport(ctx: AnalyticsContext, employee: Employee, query: GapsQuery): Promise<GapReportDto> {
    const [row] = await this.describe(ctx, [employee.id]);
    const skills = new Map((await this.contexts.skills(ctx.sql, {})).map((s) => [s.id, s]));
    const members = membersSource(ctx.asOf, ctx.today);
    const level = levelExpression(ctx.asOf, ctx.today, 'rr.skill_id');
    const requirementRows = (await ctx.sql.query(
      `SELECT rr.skill_id AS s, rr.required_level AS l, rr.weight AS w, ${level.sql} AS lv FROM ${members.sql} x ` +
        `JOIN role_requirements rr ON rr.role_id = x.role_id WHERE x.employee_id = ?`,
      [...level.parameters, ...members.parameters, employee.id],
    )) as Row[];
    const gaps = gapRows(
      requirementRows.map((r) => ({ skillId: Number(r.s), requiredLevel: Number(r.l), weight: Number(r.w) })),
      (skillId) => Number(requirementRows.find((r) => Number(r.s) === skillId)?.lv ?? 0),
    );
    return {
      asOf: ctx.asOf,
      scope: { kind: 'employee', id: employee.id, name: employee.name },
      headcount: row ? 1 : 0,
      suppressed: false,
      skills: gaps.map((gap) => {
        const skill = skills.get(gap.skillId);
        return {
          skillId: gap.skillId,
          skillName: skill?.name ?? `#${gap.skillId}`,
          category: skill?.category ?? '',
          kind: skill?.kind ?? 'hard',
          requiredLevel: gap.requiredLevel,
          weight: gap.weight,
          required: 1,
          met: gap.met ? 1 : 0,
          coverage: gap.met ? 1 : 0,
          gapPoints: gap.gapPoints,
          weightedGapPoints: gap.gapPoints * gap.weight,
          suppressed: false,
        };
      }),
      employees: {
        items: row && row.gapPoints > 0 ? [row] : [],
        total: row && row.gapPoints > 0 ? 1 : 0,
        page: query.page ?? 1,
        pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE,
      },
    };
  }
}
