import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { endOfMonth, isMonthEnd, todayInTimeZone, type AnalyticsSkillDto, type IsoDate, type SkillKind } from '@skillgrid/shared';
import type { SessionUser } from '../../common/auth/session-user';
import { DomainError } from '../../common/errors/domain-error';
import { dialectOf, placeholders, type SqlRunner } from '../../database/sql';
import { advanceStats } from './state/skill-state.sql';
import { ScopeService, type Scope } from '../scope/scope.service';
import { OrganisationService } from '../organisation/organisation.service';
import { Team } from '../teams/team.entity';
import type { RequirementIndex } from './tallies';

/** Who is asking and how they may see the numbers (DESIGN §1, §3 "Privacy for exec"). */
export interface AnalyticsContext {
  sql: SqlRunner;
  user: SessionUser;
  scope: Scope;
  today: IsoDate;
  asOf: IsoDate;
  /** Executives: groups smaller than this are suppressed; null for everyone else. */
  privacyMinGroup: number | null;
  /** A manager's managed teams (none nested in another); null when the whole organisation is in scope. */
  roots: number[] | null;
}

type Row = Record<string, string | number | null>;

@Injectable()
export class AnalyticsContextService {
  /** The day this process last moved the statistics' date forward (a saving, never needed for correctness). */
  private advancedOn: IsoDate | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ScopeService,
    private readonly organisation: OrganisationService,
  ) {}

  get sql(): SqlRunner {
    return this.dataSource;
  }

  /**
   * The context of one request. Executives get month-end as-of dates only (default: this
   * month's end), so that two answers a day apart cannot be subtracted to reveal a person.
   */
  async context(user: SessionUser, asOf?: string): Promise<AnalyticsContext> {
    const scope = await this.scopes.scopeOf(user);
    if (scope.kind === 'self') throw DomainError.forbidden('Analytics are for HR, managers and executives; see My skills');
    const settings = await this.organisation.settings();
    const today = todayInTimeZone(settings.timeZone);
    if (this.advancedOn !== today) {
      await this.dataSource.transaction((manager) => advanceStats(manager, dialectOf(this.dataSource), today));
      this.advancedOn = today;
    }
    const exec = scope.kind === 'aggregate';
    if (exec && asOf !== undefined && !isMonthEnd(asOf)) {
      throw DomainError.invalid([
        { field: 'asOf', message: `executives see month-end dates only (for example ${endOfMonth(asOf)})` },
      ]);
    }
    let roots: number[] | null = null;
    if (scope.kind === 'teams') {
      const paths = [...scope.teamPaths].sort((a, b) => a.length - b.length);
      const kept: string[] = [];
      for (const path of paths) if (!kept.some((root) => path.startsWith(root))) kept.push(path);
      roots = kept.map((path) => Number(path.split('/').filter(Boolean).pop()));
    }
    return {
      sql: this.dataSource,
      user,
      scope,
      today,
      asOf: asOf ?? (exec ? endOfMonth(today) : today),
      privacyMinGroup: exec ? settings.privacyMinGroup : null,
      roots,
    };
  }

  /** A team the caller may look at (a manager: inside their trees), else 404. */
  async team(ctx: AnalyticsContext, teamId: number): Promise<Team> {
    return this.scopes.visibleTeam(ctx.user, teamId);
  }

  /** Executives may not look at individuals. */
  assertPeopleVisible(ctx: AnalyticsContext): void {
    if (ctx.scope.kind === 'aggregate') throw DomainError.forbidden('Executives see aggregates only, not individual people');
  }

  async requirements(sql: SqlRunner): Promise<RequirementIndex> {
    const rows = (await sql.query(
      'SELECT role_id AS r, skill_id AS s, required_level AS l, weight AS w FROM role_requirements',
    )) as Row[];
    const index: RequirementIndex = new Map();
    for (const row of rows) {
      const role = Number(row.r);
      let bySkill = index.get(role);
      if (!bySkill) index.set(role, (bySkill = new Map()));
      bySkill.set(Number(row.s), { level: Number(row.l), weight: Number(row.w) });
    }
    return index;
  }

  /** The skills shown, filtered by category and kind; 404 for an unknown category. */
  async skills(sql: SqlRunner, filter: { category?: number; kind?: SkillKind; ids?: number[] }): Promise<AnalyticsSkillDto[]> {
    if (filter.category !== undefined) {
      const found = (await sql.query('SELECT id FROM skill_categories WHERE id = ?', [filter.category])) as Row[];
      if (!found.length) throw DomainError.notFound('Skill category', filter.category);
    }
    const where: string[] = [];
    const parameters: unknown[] = [];
    if (filter.category !== undefined) {
      where.push('s.category_id = ?');
      parameters.push(filter.category);
    }
    if (filter.kind) {
      where.push('s.kind = ?');
      parameters.push(filter.kind);
    }
    if (filter.ids) {
      if (!filter.ids.length) return [];
      where.push(`s.id IN (${placeholders(filter.ids.length)})`);
      parameters.push(...filter.ids);
    }
    const rows = (await sql.query(
      `SELECT s.id, s.name, s.kind, s.category_id AS categoryId, c.name AS category FROM skills s JOIN skill_categories c ON c.id = s.category_id ` +
        `${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.name, s.name`,
      parameters,
    )) as Row[];
    return rows.map((row) => ({
      id: Number(row.id),
      name: String(row.name),
      kind: row.kind as SkillKind,
      categoryId: Number(row.categoryId),
      category: String(row.category),
    }));
  }

  /** Names of teams, roles or locations by id. */
  async names(
    sql: SqlRunner,
    table: 'teams' | 'roles' | 'locations' | 'skills' | 'employees',
    ids: number[],
  ): Promise<Map<number, string>> {
    const result = new Map<number, string>();
    const unique = [...new Set(ids)];
    for (let start = 0; start < unique.length; start += 500) {
      const chunk = unique.slice(start, start + 500);
      const rows = (await sql.query(`SELECT id, name FROM ${table} WHERE id IN (${placeholders(chunk.length)})`, chunk)) as Row[];
      for (const row of rows) result.set(Number(row.id), String(row.name));
    }
    return result;
  }

  /** Child teams of a team, or the top-level teams, by name. */
  async childTeams(sql: SqlRunner, parentId: number | null): Promise<Array<{ id: number; name: string }>> {
    const rows = (await sql.query(
      `SELECT id, name FROM teams WHERE ${parentId === null ? 'parent_id IS NULL' : 'parent_id = ?'} ORDER BY name`,
      parentId === null ? [] : [parentId],
    )) as Row[];
    return rows.map((row) => ({ id: Number(row.id), name: String(row.name) }));
  }

  /** The teams among `ids` that have child teams. */
  async teamsWithChildren(sql: SqlRunner, ids: number[]): Promise<Set<number>> {
    if (!ids.length) return new Set();
    const rows = (await sql.query(
      `SELECT DISTINCT parent_id AS id FROM teams WHERE parent_id IN (${placeholders(ids.length)})`,
      ids,
    )) as Row[];
    return new Set(rows.map((row) => Number(row.id)));
  }

  /** The teams a view starts from when none is named: the top-level teams, or a manager's own. */
  async rootTeams(ctx: AnalyticsContext): Promise<Array<{ id: number; name: string }>> {
    if (ctx.roots === null) return this.childTeams(ctx.sql, null);
    const names = await this.names(ctx.sql, 'teams', ctx.roots);
    return ctx.roots.map((id) => ({ id, name: names.get(id) ?? `Team ${id}` })).sort((a, b) => a.name.localeCompare(b.name));
  }
}
