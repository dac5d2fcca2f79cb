import { Injectable } from '@nestjs/common';
import {
  capabilityTargetStatus,
  cellFigures,
  completeness,
  emptyTally,
  GAP_PEOPLE_LIMIT,
  isSinglePointOfFailure,
  type AnalyticsSkillDto,
  type CapabilityTargetDto,
  type GapReportDto,
  type GapSkillRowDto,
  type HeatmapCellDto,
  type HeatmapDto,
  type HeatmapGroupDto,
  type OverviewDto,
  type SinglePointOfFailureDto,
  type SkillTally,
} from '@skillgrid/shared';
import type { SessionUser } from '../../common/auth/session-user';
import { DomainError } from '../../common/errors/domain-error';
import { chunks, orderedJoin, placeholders, quote } from '../../database/sql';
import { ScopeService } from '../scope/scope.service';
import { AnalyticsContextService, type AnalyticsContext } from './analytics-context';
import { groupTallies, sumGroups, type GroupSpec, type GroupTallies, type RequirementIndex } from './tallies';
import { GapEmployeesService } from './gap-employees.service';
import { PeopleAnalyticsService } from './people-analytics.service';
import type { GapsQuery, HeatmapQuery, TeamAsOfQuery } from './dto/analytics.query';

type Row = Record<string, string | number | null>;

interface GroupMeta {
  id: number;
  name: string;
  direct?: boolean;
  hasChildren?: boolean;
}

@Injectable()
export class AnalyticsService {
  constructor(
    private readonly contexts: AnalyticsContextService,
    private readonly scopes: ScopeService,
    private readonly gapEmployees: GapEmployeesService,
    private readonly people: PeopleAnalyticsService,
  ) {}

  // ---- grouping -------------------------------------------------------------------------

  /**
   * The groups of a heatmap-like view and their tallies. groupBy=team: the child teams of
   * `teamId` (or the top-level / managed teams), plus "P (direct)" for P's own members.
   */
  private async grouped(
    ctx: AnalyticsContext,
    groupBy: 'team' | 'role' | 'location',
    teamId: number | undefined,
    includeSubteams: boolean,
    skillIds: number[] | null,
    requirements: RequirementIndex,
  ): Promise<{ team: HeatmapDto['team']; groups: GroupMeta[]; result: GroupTallies }> {
    const team = teamId !== undefined ? await this.contexts.team(ctx, teamId) : null;
    const teamRef = team ? { id: team.id, name: team.name, parentId: team.parentId } : null;
    if (groupBy === 'team') {
      const children = team ? await this.contexts.childTeams(ctx.sql, team.id) : await this.contexts.rootTeams(ctx);
      const withChildren = await this.contexts.teamsWithChildren(
        ctx.sql,
        children.map((c) => c.id),
      );
      const groups: GroupMeta[] = children.map((c) => ({ ...c, hasChildren: withChildren.has(c.id) }));
      const ids = children.map((c) => c.id);
      const result: GroupTallies = ids.length
        ? await groupTallies(
            ctx.sql,
            includeSubteams ? { by: 'subtree', teamIds: ids } : { by: 'team', teamIds: ids },
            skillIds,
            ctx.asOf,
            ctx.today,
            requirements,
          )
        : { headcounts: new Map(), tallies: new Map() };
      if (team) {
        const direct = await groupTallies(
          ctx.sql,
          { by: 'team', teamIds: [team.id] },
          skillIds,
          ctx.asOf,
          ctx.today,
          requirements,
        );
        if ((direct.headcounts.get(team.id)?.headcount ?? 0) > 0) {
          groups.push({ id: team.id, name: `${team.name} (direct)`, direct: true, hasChildren: false });
          result.headcounts.set(team.id, direct.headcounts.get(team.id) ?? { headcount: 0, recorded: 0 });
          result.tallies.set(team.id, direct.tallies.get(team.id) ?? new Map());
        }
      }
      return { team: teamRef, groups, result };
    }
    const within = team ? [team.id] : ctx.roots;
    const result = await groupTallies(ctx.sql, { by: groupBy, within }, skillIds, ctx.asOf, ctx.today, requirements);
    const ids = [...result.headcounts.keys()];
    const names =
      groupBy === 'role'
        ? await this.contexts.names(ctx.sql, 'roles', ids)
        : await this.contexts.names(ctx.sql, 'locations', ids);
    const groups = ids
      .map((id) => ({ id, name: names.get(id) ?? (groupBy === 'location' && id === 0 ? 'No location' : `#${id}`) }))
      .sort((a, b) => a.name.localeCompare(b.name));
    return { team: teamRef, groups, result };
  }

  private groupDto(ctx: AnalyticsContext, meta: GroupMeta, result: GroupTallies): HeatmapGroupDto {
    const counts = result.headcounts.get(meta.id) ?? { headcount: 0, recorded: 0 };
    const suppressed = ctx.privacyMinGroup !== null && counts.headcount < ctx.privacyMinGroup;
    return {
      ...meta,
      headcount: suppressed ? null : counts.headcount,
      withCredentials: suppressed ? null : counts.recorded,
      completeness: suppressed ? null : completeness(counts.recorded, counts.headcount),
      suppressed,
    };
  }

  async heatmap(user: SessionUser, query: HeatmapQuery): Promise<HeatmapDto> {
    const ctx = await this.contexts.context(user, query.asOf);
    const groupBy = query.groupBy ?? 'team';
    const includeSubteams = query.includeSubteams ?? true;
    if (ctx.privacyMinGroup !== null && !includeSubteams)
      throw DomainError.invalid([{ field: 'includeSubteams', message: 'executives see whole sub-trees only' }]);
    const skills = await this.contexts.skills(ctx.sql, { category: query.category, kind: query.kind });
    const filtered = query.category !== undefined || query.kind !== undefined;
    const requirements = await this.contexts.requirements(ctx.sql);
    const { team, groups, result } = await this.grouped(
      ctx,
      groupBy,
      query.teamId,
      includeSubteams,
      filtered ? skills.map((s) => s.id) : null,
      requirements,
    );
    const cells: HeatmapCellDto[] = [];
    for (const group of groups) {
      const bySkill = result.tallies.get(group.id);
      if (!bySkill) continue;
      for (const skill of skills) {
        const tally = bySkill.get(skill.id);
        if (!tally || (tally.holders[0] === 0 && tally.required === 0)) continue;
        cells.push({ groupId: group.id, skillId: skill.id, ...cellFigures(tally, ctx.privacyMinGroup) });
      }
    }
    // Columns nobody in these groups holds or needs are left out.
    const used = new Set(cells.map((c) => c.skillId));
    return {
      asOf: ctx.asOf,
      groupBy,
      team,
      includeSubteams,
      privacyMinGroup: ctx.privacyMinGroup,
      groups: groups.map((group) => this.groupDto(ctx, group, result)),
      skills: skills.filter((skill) => used.has(skill.id)),
      cells,
    };
  }

  // ---- gaps -----------------------------------------------------------------------------

  /** Per skill, summed over the roles of a scope, with each role's weight (critical first). */
  private gapSkillRows(
    ctx: AnalyticsContext,
    byRole: GroupTallies,
    requirements: RequirementIndex,
    skills: Map<number, AnalyticsSkillDto>,
    onlyRole?: number,
  ): GapSkillRowDto[] {
    const rows = new Map<number, { tally: SkillTally; level: number; weight: number; weighted: number }>();
    for (const [roleId, bySkill] of byRole.tallies) {
      if (onlyRole !== undefined && roleId !== onlyRole) continue;
      for (const [skillId, requirement] of requirements.get(roleId) ?? []) {
        const tally = bySkill.get(skillId);
        if (!tally || tally.required === 0) continue;
        const row = rows.get(skillId) ?? { tally: emptyTally(), level: 0, weight: 0, weighted: 0 };
        row.tally.required += tally.required;
        row.tally.met += tally.met;
        row.tally.requiredLevelSum += tally.requiredLevelSum;
        row.tally.heldTowardsRequired += tally.heldTowardsRequired;
        row.level = Math.max(row.level, requirement.level);
        row.weight = Math.max(row.weight, requirement.weight);
        row.weighted += requirement.weight * (tally.requiredLevelSum - tally.heldTowardsRequired);
        rows.set(skillId, row);
      }
    }
    const result: GapSkillRowDto[] = [];
    for (const [skillId, row] of rows) {
      const skill = skills.get(skillId);
      if (!skill) continue;
      const hidden = ctx.privacyMinGroup !== null && row.tally.required < ctx.privacyMinGroup;
      const figures = cellFigures({ ...row.tally, headcount: Number.MAX_SAFE_INTEGER }, ctx.privacyMinGroup);
      result.push({
        skillId,
        skillName: skill.name,
        category: skill.category,
        kind: skill.kind,
        requiredLevel: row.level,
        weight: row.weight,
        required: row.tally.required,
        met: figures.met,
        coverage: figures.coverage,
        gapPoints: figures.gapPoints,
        weightedGapPoints: hidden ? null : row.weighted,
        suppressed: false,
      });
    }
    return result.sort(
      (a, b) =>
        b.weight - a.weight ||
        (b.weightedGapPoints ?? -1) - (a.weightedGapPoints ?? -1) ||
        (b.gapPoints ?? -1) - (a.gapPoints ?? -1) ||
        a.skillName.localeCompare(b.skillName),
    );
  }

  async gaps(user: SessionUser, query: GapsQuery): Promise<GapReportDto> {
    const given = [query.teamId, query.roleId, query.employeeId].filter((v) => v !== undefined).length;
    if (given > 1)
      throw DomainError.invalid([{ field: 'teamId', message: 'give one of teamId, roleId or employeeId, not several' }]);
    const ctx = await this.contexts.context(user, query.asOf);
    if (query.employeeId !== undefined) {
      this.contexts.assertPeopleVisible(ctx);
      const employee = await this.scopes.visibleEmployee(user, query.employeeId);
      return this.gapEmployees.employeeReport(ctx, employee, query);
    }
    const requirements = await this.contexts.requirements(ctx.sql);
    const skills = new Map((await this.contexts.skills(ctx.sql, {})).map((s) => [s.id, s]));
    let scope: GapReportDto['scope'];
    let within: number[] | null = ctx.roots;
    if (query.teamId !== undefined) {
      const team = await this.contexts.team(ctx, query.teamId);
      scope = { kind: 'team', id: team.id, name: team.name };
      within = [team.id];
    } else if (query.roleId !== undefined) {
      const names = await this.contexts.names(ctx.sql, 'roles', [query.roleId]);
      if (!names.has(query.roleId)) throw DomainError.notFound('Role', query.roleId);
      scope = { kind: 'role', id: query.roleId, name: names.get(query.roleId) as string };
    } else {
      scope = { kind: 'organisation', id: null, name: ctx.roots ? 'My teams' : 'Organisation' };
    }
    const byRole = await groupTallies(ctx.sql, { by: 'role', within }, null, ctx.asOf, ctx.today, requirements);
    let headcount = 0;
    for (const [roleId, counts] of byRole.headcounts)
      if (query.roleId === undefined || roleId === query.roleId) headcount += counts.headcount;
    const suppressed = ctx.privacyMinGroup !== null && headcount < ctx.privacyMinGroup;
    const skillRows = suppressed ? [] : this.gapSkillRows(ctx, byRole, requirements, skills, query.roleId);
    // Ranking every person of a very large scope takes seconds to minutes: such a scope lists no people.
    const tooMany = headcount > GAP_PEOPLE_LIMIT;
    const employees =
      ctx.privacyMinGroup !== null || tooMany ? null : await this.gapEmployees.page(ctx, { within, roleId: query.roleId }, query);
    return {
      asOf: ctx.asOf,
      scope,
      headcount: suppressed ? null : headcount,
      suppressed,
      skills: skillRows,
      employees,
      ...(tooMany && ctx.privacyMinGroup === null
        ? {
            employeesNote: `${headcount.toLocaleString('en')} people: choose a team or role of at most ${GAP_PEOPLE_LIMIT.toLocaleString('en')} to list who is short`,
          }
        : {}),
    };
  }

  // ---- single points of failure, capability targets, overview ------------------------------

  /** The teams a single-points-of-failure view covers: the team and its child teams, each with sub-teams. */
  private async spofTeams(ctx: AnalyticsContext, teamId?: number): Promise<Array<{ id: number; name: string }>> {
    const top = teamId !== undefined ? [await this.contexts.team(ctx, teamId)] : await this.contexts.rootTeams(ctx);
    const teams: Array<{ id: number; name: string }> = [];
    for (const team of top) {
      teams.push({ id: team.id, name: team.name });
      teams.push(...(await this.contexts.childTeams(ctx.sql, team.id)));
    }
    return teams;
  }

  async singlePointsOfFailure(user: SessionUser, query: TeamAsOfQuery): Promise<SinglePointOfFailureDto[]> {
    const ctx = await this.contexts.context(user, query.asOf);
    return this.computeSpof(ctx, query.teamId, true);
  }

  /** The rows, and with `named` the sole holders' names (one lookup each, so the overview, which counts them, skips it). */
  private async computeSpof(
    ctx: AnalyticsContext,
    teamId: number | undefined,
    named: boolean,
  ): Promise<SinglePointOfFailureDto[]> {
    const teams = await this.spofTeams(ctx, teamId);
    if (!teams.length) return [];
    const requirements = await this.contexts.requirements(ctx.sql);
    // Per team and role: who is there, so each skill's highest required level is known.
    const byRole = await this.rolesPerTeam(
      ctx,
      teams.map((t) => t.id),
    );
    // Only the skills some role present requires matter.
    const needed = new Set<number>();
    for (const roleIds of byRole.values())
      for (const roleId of roleIds) for (const skillId of requirements.get(roleId)?.keys() ?? []) needed.add(skillId);
    const result = await groupTallies(
      ctx.sql,
      { by: 'subtree', teamIds: teams.map((t) => t.id) },
      [...needed],
      ctx.asOf,
      ctx.today,
      requirements,
    );
    const skillNames = new Map((await this.contexts.skills(ctx.sql, {})).map((s) => [s.id, s.name]));
    const rows: SinglePointOfFailureDto[] = [];
    for (const team of teams) {
      const needs = new Map<number, { level: number; weight: number }>();
      for (const roleId of byRole.get(team.id) ?? []) {
        for (const [skillId, requirement] of requirements.get(roleId) ?? []) {
          const current = needs.get(skillId);
          if (!current || requirement.level > current.level)
            needs.set(skillId, { level: requirement.level, weight: Math.max(requirement.weight, current?.weight ?? 0) });
          else current.weight = Math.max(current.weight, requirement.weight);
        }
      }
      const headcount = result.headcounts.get(team.id)?.headcount ?? 0;
      const suppressed = ctx.privacyMinGroup !== null && headcount < ctx.privacyMinGroup;
      for (const [skillId, need] of needs) {
        const tally = result.tallies.get(team.id)?.get(skillId) ?? emptyTally(headcount);
        const holders = tally.holders[need.level - 1];
        if (!isSinglePointOfFailure(holders)) continue;
        rows.push({
          teamId: team.id,
          teamName: team.name,
          skillId,
          skillName: skillNames.get(skillId) ?? `#${skillId}`,
          requiredLevel: need.level,
          holders: suppressed ? null : holders,
          required: suppressed ? null : tally.required,
          weight: need.weight,
          holderEmployees: [],
          suppressed,
        });
      }
    }
    if (named && ctx.privacyMinGroup === null) await this.nameSoleHolders(ctx, rows);
    return rows.sort(
      (a, b) =>
        (a.holders ?? 2) - (b.holders ?? 2) ||
        b.weight - a.weight ||
        a.teamName.localeCompare(b.teamName) ||
        a.skillName.localeCompare(b.skillName),
    );
  }

  /** Roles with active members per team (with sub-teams). */
  private async rolesPerTeam(ctx: AnalyticsContext, teamIds: number[]): Promise<Map<number, number[]>> {
    const past = ctx.asOf < ctx.today;
    const J = orderedJoin(ctx.sql);
    const rows = (await ctx.sql.query(
      past
        ? `SELECT DISTINCT gc.ancestor_id AS t, x.role_id AS r FROM team_closure gc ${J} employment_periods x ON x.team_id = gc.descendant_id ` +
            `${J} employees em ON em.id = x.employee_id WHERE gc.ancestor_id IN (${placeholders(teamIds.length)}) ` +
            `AND x.start_date <= ? AND (x.end_date IS NULL OR x.end_date > ?) AND em.hire_date <= ? AND (em.leave_date IS NULL OR em.leave_date > ?)`
        : `SELECT x.scope_id AS t, x.role_id AS r FROM headcount_stats x WHERE x.scope_id IN (${placeholders(teamIds.length)}) ` +
            `AND x.dim = 0 AND x.headcount > 0`,
      past ? [...teamIds, ctx.asOf, ctx.asOf, ctx.asOf, ctx.asOf] : teamIds,
    )) as Row[];
    const result = new Map<number, number[]>();
    for (const row of rows) {
      const list = result.get(Number(row.t)) ?? [];
      list.push(Number(row.r));
      result.set(Number(row.t), list);
    }
    return result;
  }

  /**
   * Who the one holder is, for rows with exactly one (current state only). One statement per
   * 100 rows: from the (team, skill, level) asked, the team's members (orderedJoin fixes the
   * join order), each an indexed lookup of that level.
   */
  private async nameSoleHolders(ctx: AnalyticsContext, rows: SinglePointOfFailureDto[]): Promise<void> {
    if (ctx.asOf < ctx.today) return;
    const J = orderedJoin(ctx.sql);
    for (const part of chunks(rows.filter((r) => r.holders === 1).slice(0, 200), 100)) {
      const wanted = part.map((_, i) => (i === 0 ? 'SELECT ? AS t, ? AS s, ? AS l' : 'SELECT ?, ?, ?')).join(' UNION ALL ');
      const found = (await ctx.sql.query(
        `SELECT w.t, w.s, w.l, e.id, e.name FROM (${wanted}) w ${J} team_closure gc ON gc.ancestor_id = w.t ` +
          `${J} rollup_members x ON x.team_id = gc.descendant_id ` +
          `${J} employee_skill_levels h ON h.employee_id = x.employee_id AND h.skill_id = w.s AND h.${quote('level')} = w.l ` +
          'JOIN employees e ON e.id = x.employee_id WHERE h.valid_until > ?',
        [...part.flatMap((r) => [r.teamId, r.skillId, r.requiredLevel]), ctx.asOf],
      )) as Row[];
      const holders = new Map<string, Array<{ id: number; name: string }>>();
      for (const f of found) {
        const key = `${f.t}:${f.s}:${f.l}`;
        holders.set(key, [...(holders.get(key) ?? []), { id: Number(f.id), name: String(f.name) }]);
      }
      for (const row of part) row.holderEmployees = holders.get(`${row.teamId}:${row.skillId}:${row.requiredLevel}`) ?? [];
    }
  }

  async capabilityTargets(user: SessionUser, query: TeamAsOfQuery): Promise<CapabilityTargetDto[]> {
    const ctx = await this.contexts.context(user, query.asOf);
    const where: string[] = [];
    const parameters: unknown[] = [];
    const within = query.teamId !== undefined ? [(await this.contexts.team(ctx, query.teamId)).id] : ctx.roots;
    if (within) {
      where.push(`ct.team_id IN (SELECT descendant_id FROM team_closure WHERE ancestor_id IN (${placeholders(within.length)}))`);
      parameters.push(...within);
    }
    const targets = (await ctx.sql.query(
      `SELECT ct.id, ct.team_id AS teamId, t.name AS teamName, ct.skill_id AS skillId, s.name AS skillName, ct.min_level AS minLevel, ` +
        `ct.required_count AS requiredCount FROM team_capability_targets ct JOIN teams t ON t.id = ct.team_id JOIN skills s ON s.id = ct.skill_id ` +
        `${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY t.name, s.name`,
      parameters,
    )) as Row[];
    if (!targets.length) return [];
    const teamIds = [...new Set(targets.map((t) => Number(t.teamId)))];
    const skillIds = [...new Set(targets.map((t) => Number(t.skillId)))];
    const result = await groupTallies(ctx.sql, { by: 'subtree', teamIds }, skillIds, ctx.asOf, ctx.today, new Map());
    return targets.map((target) => {
      const teamId = Number(target.teamId);
      const minLevel = Number(target.minLevel);
      const requiredCount = Number(target.requiredCount);
      const headcount = result.headcounts.get(teamId)?.headcount ?? 0;
      const suppressed = ctx.privacyMinGroup !== null && headcount < ctx.privacyMinGroup;
      const holders = result.tallies.get(teamId)?.get(Number(target.skillId))?.holders[minLevel - 1] ?? 0;
      const status = capabilityTargetStatus(holders, requiredCount);
      return {
        id: Number(target.id),
        teamId,
        teamName: String(target.teamName),
        skillId: Number(target.skillId),
        skillName: String(target.skillName),
        minLevel,
        requiredCount,
        holders: suppressed ? null : holders,
        met: suppressed ? null : status.met,
        short: suppressed ? null : status.short,
        suppressed,
      };
    });
  }

  async overview(user: SessionUser, query: TeamAsOfQuery): Promise<OverviewDto> {
    const ctx = await this.contexts.context(user, query.asOf);
    const team = query.teamId !== undefined ? await this.contexts.team(ctx, query.teamId) : null;
    const within = team ? [team.id] : ctx.roots;
    const requirements = await this.contexts.requirements(ctx.sql);
    const skills = new Map((await this.contexts.skills(ctx.sql, {})).map((s) => [s.id, s]));
    const spec: GroupSpec = { by: 'role', within };
    const byRole = await groupTallies(ctx.sql, spec, null, ctx.asOf, ctx.today, requirements);
    const total = sumGroups(byRole);
    let headcount = 0;
    let recorded = 0;
    for (const counts of byRole.headcounts.values()) {
      headcount += counts.headcount;
      recorded += counts.recorded;
    }
    let required = 0;
    let met = 0;
    let gapPoints = 0;
    for (const tally of total.values()) {
      required += tally.required;
      met += tally.met;
      gapPoints += tally.requiredLevelSum - tally.heldTowardsRequired;
    }
    const suppressed = ctx.privacyMinGroup !== null && headcount < ctx.privacyMinGroup;
    const spof = suppressed ? [] : await this.computeSpof(ctx, team?.id, false);
    const expiring = suppressed ? 0 : await this.people.expiringCount(ctx, within);
    const withheld = <T>(value: T): T | null => (suppressed ? null : value);
    return {
      asOf: ctx.asOf,
      team: team ? { id: team.id, name: team.name } : null,
      headcount: withheld(headcount),
      withCredentials: withheld(recorded),
      completeness: withheld(completeness(recorded, headcount)),
      required: withheld(required),
      met: withheld(met),
      coverage: withheld(required === 0 ? null : met / required),
      gapPoints: withheld(gapPoints),
      singlePointsOfFailure: withheld(spof.length),
      expiringIn90Days: withheld(expiring),
      topGaps: suppressed
        ? []
        : this.gapSkillRows(ctx, byRole, requirements, skills)
            .filter((row) => (row.gapPoints ?? 0) > 0)
            .sort((a, b) => (b.weightedGapPoints ?? 0) - (a.weightedGapPoints ?? 0))
            .slice(0, 8),
      suppressed,
    };
  }
}
