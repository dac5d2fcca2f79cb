import { Injectable } from '@nestjs/common';
import {
  addDays,
  daysBetween,
  DEFAULT_PAGE_SIZE,
  endOfMonth,
  gapRows,
  monthOf,
  readiness,
  type ExpertDto,
  type ExpiringCompletionDto,
  type ExpiringDto,
  type IsoDate,
  type MatrixCellDto,
  type MatrixDto,
  type Page,
  type TrendDto,
  type TrendPointDto,
} from '@skillgrid/shared';
import type { SessionUser } from '../../common/auth/session-user';
import { DomainError } from '../../common/errors/domain-error';
import { orderedJoin, placeholders, quote } from '../../database/sql';
import { NEVER_EXPIRES, ORGANISATION_SCOPE } from './state/skill-state.sql';
import { AnalyticsContextService, type AnalyticsContext } from './analytics-context';
import { ALL_SKILLS } from './snapshots/trend-snapshot-builder';
import { readSnapshots, snapshotMonths } from './snapshots/trend-snapshots.sql';
import { groupTallies, sumGroups } from './tallies';
import { membersSource } from './gap-employees.service';
import type { ExpertsQuery, ExpiringQuery, MatrixQuery, TrendQuery } from './dto/analytics.query';

type Row = Record<string, string | number | null>;
const LEVEL = quote('level');

/** `x.team_id` inside these sub-trees, as SQL. */
function withinSql(within: number[] | null): { sql: string; parameters: unknown[] } {
  if (!within) return { sql: '1 = 1', parameters: [] };
  return {
    sql: `x.team_id IN (SELECT descendant_id FROM team_closure WHERE ancestor_id IN (${placeholders(within.length)}))`,
    parameters: within,
  };
}

/** Levels (best level and until when it holds) of some employees on the as-of date. */
async function levelsOf(
  ctx: AnalyticsContext,
  employeeIds: number[],
  skillIds: number[] | null,
): Promise<Map<number, Map<number, { level: number; validUntil: IsoDate | null }>>> {
  const result = new Map<number, Map<number, { level: number; validUntil: IsoDate | null }>>();
  if (!employeeIds.length) return result;
  const skills = (column: string) => (skillIds ? ` AND ${column} IN (${placeholders(Math.max(1, skillIds.length))})` : '');
  const skillParameters = skillIds ? (skillIds.length ? skillIds : [-1]) : [];
  const rows = (
    ctx.asOf >= ctx.today
      ? await ctx.sql.query(
          `SELECT employee_id AS e, skill_id AS s, MAX(${LEVEL}) AS lv, MIN(valid_until) AS vu FROM employee_skill_levels ` +
            `WHERE employee_id IN (${placeholders(employeeIds.length)}) AND valid_until > ?${skills('skill_id')} GROUP BY employee_id, skill_id`,
          [...employeeIds, ctx.asOf, ...skillParameters],
        )
      : await ctx.sql.query(
          `SELECT c.employee_id AS e, cs.skill_id AS s, MAX(cs.${LEVEL}) AS lv, NULL AS vu FROM completions c ` +
            `JOIN credential_skills cs ON cs.credential_id = c.credential_id WHERE c.employee_id IN (${placeholders(employeeIds.length)}) ` +
            `AND c.status = 'valid' AND c.awarded_at <= ? AND (c.expires_at IS NULL OR c.expires_at > ?)${skills('cs.skill_id')} ` +
            `GROUP BY c.employee_id, cs.skill_id`,
          [...employeeIds, ctx.asOf, ctx.asOf, ...skillParameters],
        )
  ) as Row[];
  for (const row of rows) {
    const employee = Number(row.e);
    let bySkill = result.get(employee);
    if (!bySkill) result.set(employee, (bySkill = new Map()));
    const until = row.vu === null ? null : String(row.vu).slice(0, 10);
    bySkill.set(Number(row.s), { level: Number(row.lv), validUntil: until === NEVER_EXPIRES ? null : until });
  }
  return result;
}

@Injectable()
export class PeopleAnalyticsService {
  constructor(private readonly contexts: AnalyticsContextService) {}

  /** People × skills of one team with its sub-teams, a page of people at a time, by name. */
  async matrix(user: SessionUser, query: MatrixQuery): Promise<MatrixDto> {
    const ctx = await this.contexts.context(user, query.asOf);
    this.contexts.assertPeopleVisible(ctx);
    const team = await this.contexts.team(ctx, query.teamId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 200;
    const members = membersSource(ctx.asOf, ctx.today);
    const within = query.includeSubteams === false ? { sql: 'x.team_id = ?', parameters: [team.id] } : withinSql([team.id]);
    const from = `FROM ${members.sql} x JOIN employees em ON em.id = x.employee_id WHERE ${within.sql}`;
    const parameters = [...members.parameters, ...within.parameters];
    const [{ n }] = (await ctx.sql.query(`SELECT COUNT(*) AS n ${from}`, parameters)) as Row[];
    const people = (await ctx.sql.query(
      `SELECT x.employee_id AS e, x.team_id AS t, x.role_id AS r, em.name ${from} ORDER BY em.name, em.id LIMIT ? OFFSET ?`,
      [...parameters, pageSize, (page - 1) * pageSize],
    )) as Row[];
    const requirements = await this.contexts.requirements(ctx.sql);
    // Columns: the skills the team's roles require, then any other skill its people hold on this page.
    const rolesInTeam = (await ctx.sql.query(`SELECT DISTINCT x.role_id AS r ${from}`, parameters)) as Row[];
    const required = new Set<number>();
    for (const row of rolesInTeam) for (const skillId of requirements.get(Number(row.r))?.keys() ?? []) required.add(skillId);
    const filter = query.category !== undefined || query.kind !== undefined;
    const allowed = filter
      ? new Set((await this.contexts.skills(ctx.sql, { category: query.category, kind: query.kind })).map((s) => s.id))
      : null;
    const ids = people.map((p) => Number(p.e));
    const levels = await levelsOf(ctx, ids, allowed ? [...allowed] : null);
    const held = new Set<number>();
    for (const bySkill of levels.values()) for (const skillId of bySkill.keys()) held.add(skillId);
    const columnIds = [...new Set([...required, ...held])].filter((id) => !allowed || allowed.has(id));
    const skills = await this.contexts.skills(ctx.sql, { ids: columnIds });
    skills.sort(
      (a, b) =>
        Number(required.has(b.id)) - Number(required.has(a.id)) ||
        a.category.localeCompare(b.category) ||
        a.name.localeCompare(b.name),
    );
    const teamNames = await this.contexts.names(
      ctx.sql,
      'teams',
      people.map((p) => Number(p.t)),
    );
    const roleNames = await this.contexts.names(
      ctx.sql,
      'roles',
      people.map((p) => Number(p.r)),
    );
    const cells: MatrixCellDto[] = [];
    const shown = new Set(skills.map((s) => s.id));
    const dtoPeople = people.map((person) => {
      const id = Number(person.e);
      const roleId = Number(person.r);
      const own = levels.get(id) ?? new Map<number, { level: number; validUntil: IsoDate | null }>();
      const needs = requirements.get(roleId) ?? new Map<number, { level: number; weight: number }>();
      for (const skillId of shown) {
        const level = own.get(skillId);
        const need = needs.get(skillId);
        if (!level && !need) continue;
        cells.push({
          employeeId: id,
          skillId,
          level: level?.level ?? 0,
          requiredLevel: need?.level ?? null,
          expiresAt: level?.validUntil ?? null,
        });
      }
      const rows = gapRows(
        [...needs].map(([skillId, need]) => ({ skillId, requiredLevel: need.level, weight: need.weight })),
        (skillId) => own.get(skillId)?.level ?? 0,
      );
      return {
        id,
        name: String(person.name),
        teamId: Number(person.t),
        teamName: teamNames.get(Number(person.t)) ?? '',
        roleId,
        roleName: roleNames.get(roleId) ?? '',
        readiness: readiness(rows),
      };
    });
    return {
      asOf: ctx.asOf,
      team: { id: team.id, name: team.name },
      skills,
      people: dtoPeople,
      cells,
      total: Number(n),
      page,
      pageSize,
    };
  }

  /** People holding a skill at a level or above today, best first. */
  async experts(user: SessionUser, query: ExpertsQuery): Promise<Page<ExpertDto>> {
    const ctx = await this.contexts.context(user);
    this.contexts.assertPeopleVisible(ctx);
    const skill = await this.contexts.names(ctx.sql, 'skills', [query.skillId]);
    if (!skill.size) throw DomainError.notFound('Skill', query.skillId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const within = withinSql(query.teamId !== undefined ? [(await this.contexts.team(ctx, query.teamId)).id] : ctx.roots);
    const where = [within.sql, 'h.skill_id = ?', `h.${LEVEL} >= ?`, 'h.valid_until > ?'];
    const parameters: unknown[] = [...within.parameters, query.skillId, query.minLevel ?? 3, ctx.today];
    if (query.roleId !== undefined) {
      where.push('x.role_id = ?');
      parameters.push(query.roleId);
    }
    if (query.locationId !== undefined) {
      where.push('x.location_id = ?');
      parameters.push(query.locationId);
    }
    const grouped =
      `SELECT h.employee_id AS e, MAX(h.${LEVEL}) AS lv, MIN(h.valid_until) AS vu FROM employee_skill_levels h ` +
      `JOIN rollup_members x ON x.employee_id = h.employee_id WHERE ${where.join(' AND ')} GROUP BY h.employee_id`;
    const [{ n }] = (await ctx.sql.query(`SELECT COUNT(*) AS n FROM (${grouped}) z`, parameters)) as Row[];
    const rows = (await ctx.sql.query(
      `SELECT z.e, z.lv, z.vu, em.name, em.team_id AS t, em.role_id AS r, em.location_id AS l, tm.name AS teamName, ro.name AS roleName, lo.name AS locationName ` +
        `FROM (${grouped}) z JOIN employees em ON em.id = z.e JOIN teams tm ON tm.id = em.team_id JOIN roles ro ON ro.id = em.role_id ` +
        `LEFT JOIN locations lo ON lo.id = em.location_id ORDER BY z.lv DESC, em.name ASC, em.id ASC LIMIT ? OFFSET ?`,
      [...parameters, pageSize, (page - 1) * pageSize],
    )) as Row[];
    return {
      items: rows.map((row) => {
        const until = String(row.vu).slice(0, 10);
        return {
          employeeId: Number(row.e),
          name: String(row.name),
          teamId: Number(row.t),
          teamName: String(row.teamName),
          roleId: Number(row.r),
          roleName: String(row.roleName),
          locationId: row.l === null ? null : Number(row.l),
          locationName: row.locationName === null ? null : String(row.locationName),
          level: Number(row.lv),
          validUntil: until === NEVER_EXPIRES ? null : until,
        };
      }),
      total: Number(n),
      page,
      pageSize,
    };
  }

  /**
   * Valid completions of active people expiring in (asOf, asOf + N days], not already renewed by a
   * later completion of the same credential. Executives get the monthly counts only.
   */
  async expiring(user: SessionUser, query: ExpiringQuery): Promise<ExpiringDto> {
    const ctx = await this.contexts.context(user);
    const withinDays = query.withinDays ?? 90;
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const within = query.teamId !== undefined ? [(await this.contexts.team(ctx, query.teamId)).id] : ctx.roots;
    const { from, parameters, until } = this.expiringSql(ctx, within, withinDays);
    const counts = await this.expiriesByMonth(ctx, within, until);
    const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
    const headcount = await this.headcount(ctx, within);
    const suppressed = ctx.privacyMinGroup !== null && headcount < ctx.privacyMinGroup;
    const byMonth: ExpiringDto['byMonth'] = [];
    for (let month = monthOf(ctx.today); month <= monthOf(until); month = monthOf(addDays(endOfMonth(`${month}-01`), 1)))
      byMonth.push({ month, count: suppressed ? null : (counts.get(month) ?? 0) });
    let items: ExpiringCompletionDto[] = [];
    if (ctx.privacyMinGroup === null) {
      const rows = (await ctx.sql.query(
        `SELECT c.id, c.employee_id AS e, em.name AS employeeName, x.team_id AS t, tm.name AS teamName, c.credential_id AS cr, cred.name AS credentialName, ` +
          `c.awarded_at AS awardedAt, c.expires_at AS expiresAt ${from.replace('WHERE', 'JOIN employees em ON em.id = c.employee_id JOIN teams tm ON tm.id = x.team_id JOIN credentials cred ON cred.id = c.credential_id WHERE')} ` +
          `ORDER BY c.expires_at ASC, em.name ASC, c.id ASC LIMIT ? OFFSET ?`,
        [...parameters, pageSize, (page - 1) * pageSize],
      )) as Row[];
      items = rows.map((row) => {
        const expiresAt = String(row.expiresAt).slice(0, 10);
        return {
          completionId: Number(row.id),
          employeeId: Number(row.e),
          employeeName: String(row.employeeName),
          teamId: Number(row.t),
          teamName: String(row.teamName),
          credentialId: Number(row.cr),
          credentialName: String(row.credentialName),
          awardedAt: String(row.awardedAt).slice(0, 10),
          expiresAt,
          daysLeft: daysBetween(ctx.today, expiresAt),
        };
      });
    }
    return {
      asOf: ctx.today,
      withinDays,
      items,
      total: suppressed ? 0 : total,
      page,
      pageSize,
      byMonth,
      suppressed,
    };
  }

  /** The expiring completions of a scope, as a FROM … WHERE clause over c (completions) and x (members). */
  private expiringSql(ctx: AnalyticsContext, within: number[] | null, withinDays: number) {
    const scope = withinSql(within);
    const until = addDays(ctx.today, withinDays);
    const from =
      `FROM completions c ${orderedJoin(ctx.sql)} rollup_members x ON x.employee_id = c.employee_id WHERE ${scope.sql} AND c.status = 'valid' ` +
      `AND c.expires_at > ? AND c.expires_at <= ? AND NOT EXISTS (SELECT 1 FROM completions r WHERE r.employee_id = c.employee_id ` +
      `AND r.credential_id = c.credential_id AND r.status = 'valid' AND r.awarded_at > c.awarded_at)`;
    return { from, parameters: [...scope.parameters, ctx.today, until], until };
  }

  /**
   * Unrenewed expiries of a scope per month, in (today, until], summed from expiry_stats (today is
   * never before the statistics' date, after which they hold every expiry).
   */
  private async expiriesByMonth(ctx: AnalyticsContext, within: number[] | null, until: IsoDate): Promise<Map<string, number>> {
    const scopes = within ?? [ORGANISATION_SCOPE];
    const rows = (await ctx.sql.query(
      `SELECT SUBSTR(expires_on, 1, 7) AS m, SUM(completions) AS n FROM expiry_stats WHERE scope_id IN (${placeholders(scopes.length)}) ` +
        'AND expires_on > ? AND expires_on <= ? GROUP BY SUBSTR(expires_on, 1, 7)',
      [...scopes, ctx.today, until],
    )) as Row[];
    return new Map(rows.map((row) => [String(row.m), Number(row.n)]));
  }

  /** How many completions expire in the 90 days after today in a scope (the overview's figure). */
  async expiringCount(ctx: AnalyticsContext, within: number[] | null): Promise<number> {
    const counts = await this.expiriesByMonth(ctx, within, addDays(ctx.today, 90));
    return [...counts.values()].reduce((sum, count) => sum + count, 0);
  }

  private async headcount(ctx: AnalyticsContext, within: number[] | null): Promise<number> {
    const scopes = within ?? [ORGANISATION_SCOPE];
    const [{ n }] = (await ctx.sql.query(
      `SELECT COALESCE(SUM(headcount), 0) AS n FROM headcount_stats WHERE scope_id IN (${placeholders(scopes.length)}) AND dim = 0`,
      scopes,
    )) as Row[];
    return Number(n);
  }

  /**
   * Coverage month by month for a team (with sub-teams) and/or a skill, the last point being
   * today. Past month ends come from the monthly snapshots where one is written and not stale
   * (every scope's all-skills figures, the organisation's per skill), else from completions and
   * employment history; today's point from the rollups.
   */
  async trend(user: SessionUser, query: TrendQuery): Promise<TrendDto> {
    if (query.teamId === undefined && query.skillId === undefined)
      throw DomainError.invalid([{ field: 'teamId', message: 'give a teamId or a skillId (or both)' }]);
    const ctx = await this.contexts.context(user);
    const team = query.teamId !== undefined ? await this.contexts.team(ctx, query.teamId) : null;
    let skill: TrendDto['skill'] = null;
    if (query.skillId !== undefined) {
      const names = await this.contexts.names(ctx.sql, 'skills', [query.skillId]);
      if (!names.size) throw DomainError.notFound('Skill', query.skillId);
      skill = { id: query.skillId, name: names.get(query.skillId) as string };
    }
    const months = query.months ?? 24;
    const dates: IsoDate[] = [];
    let date = endOfMonth(ctx.today);
    for (let i = 0; i < months; i++) {
      // Executives get month ends only: this month's end (as known today) rather than today.
      dates.unshift(date < ctx.today || ctx.privacyMinGroup !== null ? date : ctx.today);
      date = addDays(`${monthOf(date)}-01`, -1);
    }
    const within = team ? [team.id] : ctx.roots;
    const skillId = skill?.id ?? null;
    const past = dates.filter((d) => d < ctx.today);
    const scopeIds = within ?? [ORGANISATION_SCOPE];
    const { fresh, stale } =
      skillId === null || within === null
        ? await snapshotMonths(ctx.sql, past)
        : { fresh: new Set<IsoDate>(), stale: new Set<IsoDate>() };
    // A stale month end of a large scope is shown from its snapshot, marked stale, until the
    // background refresh rewrites it: from completions it would take seconds per month.
    const staleShown =
      stale.size && (await this.headcount(ctx, scopeIds)) > TREND_LIMITS.liveMaxHeadcount ? stale : new Set<IsoDate>();
    const snapshots = await readSnapshots(ctx.sql, scopeIds, skillId ?? ALL_SKILLS, [...fresh, ...staleShown]);
    const points: TrendPointDto[] = [];
    for (const asOf of dates) {
      if (fresh.has(asOf) || staleShown.has(asOf)) {
        const figures = snapshots.get(asOf) ?? { headcount: 0, required: 0, met: 0, levelSum: 0 };
        const point = trendPointOf(ctx, asOf, { ...figures, levelSum: skillId === null ? null : figures.levelSum });
        points.push(staleShown.has(asOf) ? { ...point, stale: true } : point);
      } else if (asOf >= ctx.today) points.push(await this.currentTrendPoint(ctx, asOf, within, skillId));
      else points.push(await this.trendPoint(ctx, asOf, within, skillId));
    }
    return { team: team ? { id: team.id, name: team.name } : null, skill, points };
  }

  /** A trend point from today on, from the rollups (what the heatmap and overview read). */
  private async currentTrendPoint(
    ctx: AnalyticsContext,
    asOf: IsoDate,
    within: number[] | null,
    skillId: number | null,
  ): Promise<TrendPointDto> {
    const requirements = await this.contexts.requirements(ctx.sql);
    const result = await groupTallies(
      ctx.sql,
      { by: 'role', within },
      skillId === null ? null : [skillId],
      asOf,
      ctx.today,
      requirements,
    );
    const totals = sumGroups(result);
    let headcount = 0;
    for (const counts of result.headcounts.values()) headcount += counts.headcount;
    let required = 0;
    let met = 0;
    let levelSum = 0;
    for (const [id, tally] of totals) {
      if (skillId !== null && id !== skillId) continue;
      required += tally.required;
      met += tally.met;
      levelSum += tally.holders.reduce((sum, n) => sum + n, 0);
    }
    return trendPointOf(ctx, asOf, { headcount, required, met, levelSum: skillId === null ? null : levelSum });
  }

  private async trendPoint(
    ctx: AnalyticsContext,
    asOf: IsoDate,
    within: number[] | null,
    skillId: number | null,
  ): Promise<TrendPointDto> {
    // A past date: the employment history.
    const members = membersSource(asOf, addDays(asOf, 1));
    const scope = withinSql(within);
    const [{ n }] = (await ctx.sql.query(`SELECT COUNT(*) AS n FROM ${members.sql} x WHERE ${scope.sql}`, [
      ...members.parameters,
      ...scope.parameters,
    ])) as Row[];
    const headcount = Number(n);
    const valid = `c.status = 'valid' AND c.awarded_at <= ? AND (c.expires_at IS NULL OR c.expires_at > ?)`;
    const [coverage] = (await ctx.sql.query(
      `SELECT COUNT(*) AS req, COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM completions c JOIN credential_skills cs ON cs.credential_id = c.credential_id ` +
        `WHERE c.employee_id = x.employee_id AND cs.skill_id = rr.skill_id AND cs.${LEVEL} >= rr.required_level AND ${valid}) THEN 1 ELSE 0 END), 0) AS met ` +
        `FROM ${members.sql} x JOIN role_requirements rr ON rr.role_id = x.role_id WHERE ${scope.sql}${skillId !== null ? ' AND rr.skill_id = ?' : ''}`,
      [asOf, asOf, ...members.parameters, ...scope.parameters, ...(skillId !== null ? [skillId] : [])],
    )) as Row[];
    let levelSum: number | null = null;
    if (skillId !== null) {
      const [sum] = (await ctx.sql.query(
        `SELECT COALESCE(SUM(q.lv), 0) AS s FROM (SELECT c.employee_id, MAX(cs.${LEVEL}) AS lv FROM completions c ` +
          `JOIN credential_skills cs ON cs.credential_id = c.credential_id JOIN ${members.sql} x ON x.employee_id = c.employee_id ` +
          `WHERE ${scope.sql} AND cs.skill_id = ? AND ${valid} GROUP BY c.employee_id) q`,
        [...members.parameters, ...scope.parameters, skillId, asOf, asOf],
      )) as Row[];
      levelSum = Number(sum.s);
    }
    return trendPointOf(ctx, asOf, { headcount, required: Number(coverage.req), met: Number(coverage.met), levelSum });
  }
}

/**
 * Scopes up to this many members compute a stale month end from completions (exact, and fast
 * enough); larger ones show the stale snapshot until it is rewritten. A property, so tests can
 * lower it.
 */
export const TREND_LIMITS = { liveMaxHeadcount: 2_000 };

/** A point of the trend from its figures, with the executive's small groups withheld. */
function trendPointOf(
  ctx: AnalyticsContext,
  asOf: IsoDate,
  figures: { headcount: number; required: number; met: number; levelSum: number | null },
): TrendPointDto {
  const { headcount, required, met, levelSum } = figures;
  const min = ctx.privacyMinGroup;
  const suppressed = min !== null && headcount < min;
  const hidden = suppressed || (min !== null && required < min);
  return {
    month: monthOf(asOf),
    asOf,
    headcount: suppressed ? null : headcount,
    required: suppressed ? null : required,
    met: hidden ? null : met,
    coverage: hidden || required === 0 ? null : met / required,
    avgLevel: suppressed || levelSum === null || headcount === 0 ? null : levelSum / headcount,
    suppressed,
  };
}
