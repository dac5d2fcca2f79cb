import { addTallies, emptyTally, type IsoDate, type SkillTally } from '@skillgrid/shared';
import { orderedJoin, placeholders, quote, type SqlRunner } from '../../database/sql';
import { ORGANISATION_SCOPE } from './state/skill-state.sql';

/**
 * How people are grouped, as SQL over a table aliased `x` that has team_id, role_id and
 * location_id columns (the rollups, rollup_members or employment_periods):
 * - subtree: each team of `teamIds` with everything below it;
 * - team: each team's own members;
 * - role / location: one group per role or location, inside the sub-trees `within` when given.
 */
export type GroupSpec =
  | { by: 'subtree'; teamIds: number[] }
  | { by: 'team'; teamIds: number[] }
  | { by: 'role' | 'location'; within: number[] | null }
  | { by: 'all'; within: number[] | null };

interface Fragment {
  key: string;
  join: string;
  where: string;
  parameters: unknown[];
}

/** The grouping as SQL over a table x with team_id, role_id, location_id (members, or employment periods). */
function fragment(spec: GroupSpec, locationColumn = 'x.location_id'): Fragment {
  const closure = (ids: number[], key: string): Fragment => ({
    key,
    join: 'JOIN team_closure gc ON gc.descendant_id = x.team_id',
    where: `gc.ancestor_id IN (${placeholders(ids.length)})`,
    parameters: ids,
  });
  switch (spec.by) {
    case 'subtree':
      return closure(spec.teamIds, 'gc.ancestor_id');
    case 'team':
      return {
        key: 'x.team_id',
        join: '',
        where: `x.team_id IN (${placeholders(spec.teamIds.length)})`,
        parameters: spec.teamIds,
      };
    case 'role':
    case 'location':
    case 'all': {
      const key = spec.by === 'role' ? 'x.role_id' : spec.by === 'location' ? locationColumn : '0';
      return spec.within ? closure(spec.within, key) : { key, join: '', where: '1 = 1', parameters: [] };
    }
  }
}

/** The grouping over skill_stats / headcount_stats: which scopes, which dimension, and the group key. */
function statsFragment(spec: GroupSpec): { key: string; where: string; parameters: unknown[] } {
  const scopes = (ids: number[]) => `x.scope_id IN (${placeholders(ids.length)})`;
  switch (spec.by) {
    case 'subtree':
      return { key: 'x.scope_id', where: `${scopes(spec.teamIds)} AND x.dim = 0`, parameters: spec.teamIds };
    case 'team':
      return { key: 'x.scope_id', where: `${scopes(spec.teamIds)} AND x.dim = 1`, parameters: spec.teamIds };
    case 'role':
    case 'location':
    case 'all': {
      const within = spec.within ?? [ORGANISATION_SCOPE];
      const dim = spec.by === 'role' ? 2 : spec.by === 'location' ? 3 : 0;
      return { key: spec.by === 'all' ? '0' : 'x.dim_id', where: `${scopes(within)} AND x.dim = ${dim}`, parameters: within };
    }
  }
}

/** Role requirements: role → skill → required level. */
export type RequirementIndex = Map<number, Map<number, { level: number; weight: number }>>;

export interface GroupTallies {
  /** Active members per group, and how many of them have any credential recorded. */
  headcounts: Map<number, { headcount: number; recorded: number }>;
  /** Per group, per skill. Skills nobody holds or needs in a group are absent. */
  tallies: Map<number, Map<number, SkillTally>>;
}

function emptyResult(): GroupTallies {
  return { headcounts: new Map(), tallies: new Map() };
}

function tallyOf(result: GroupTallies, group: number, skill: number): SkillTally {
  let bySkill = result.tallies.get(group);
  if (!bySkill) result.tallies.set(group, (bySkill = new Map()));
  let tally = bySkill.get(skill);
  if (!tally) bySkill.set(skill, (tally = emptyTally()));
  return tally;
}

function skillFilter(column: string, skillIds: number[] | null): { sql: string; parameters: unknown[] } {
  if (skillIds === null) return { sql: '', parameters: [] };
  if (!skillIds.length) return { sql: ' AND 1 = 0', parameters: [] };
  return { sql: ` AND ${column} IN (${placeholders(skillIds.length)})`, parameters: skillIds };
}

type Row = Record<string, string | number | null>;
const num = (value: string | number | null | undefined) => Number(value ?? 0);

/** Adds (or with sign -1 subtracts) holders, met and towards counts by group, skill and level. */
function addStatRows(result: GroupTallies, rows: Row[], sign: 1 | -1): void {
  for (const row of rows) {
    const tally = tallyOf(result, num(row.g), num(row.s));
    tally.holders[num(row.k) - 1] += sign * num(row.n);
    tally.met += sign * num(row.met);
    tally.heldTowardsRequired += sign * num(row.tw);
  }
}

/** Adds headcounts per (group, role) and what the roles require into the tallies. */
function addHeadcountRows(result: GroupTallies, rows: Row[], requirements: RequirementIndex, skills: Set<number> | null): void {
  for (const row of rows) {
    const group = num(row.g);
    const headcount = num(row.hc);
    const current = result.headcounts.get(group) ?? { headcount: 0, recorded: 0 };
    current.headcount += headcount;
    current.recorded += num(row.rec);
    result.headcounts.set(group, current);
    for (const [skillId, requirement] of requirements.get(num(row.r)) ?? []) {
      if (skills && !skills.has(skillId)) continue;
      const tally = tallyOf(result, group, skillId);
      tally.required += headcount;
      tally.requiredLevelSum += headcount * requirement.level;
    }
  }
  for (const [group, bySkill] of result.tallies) {
    const headcount = result.headcounts.get(group)?.headcount ?? 0;
    for (const tally of bySkill.values()) tally.headcount = headcount;
  }
}

/**
 * Tallies from today on, read from the statistics: what they hold on their date R, less the
 * levels that end between R and the as-of date (from the current skill state). Never reads
 * completions.
 */
export async function rollupTallies(
  sql: SqlRunner,
  spec: GroupSpec,
  skillIds: number[] | null,
  asOf: IsoDate,
  requirements: RequirementIndex,
): Promise<GroupTallies> {
  const result = emptyResult();
  const J = orderedJoin(sql);
  const stats = statsFragment(spec);
  const skills = skillFilter('x.skill_id', skillIds);
  const level = quote('level');
  const held = (await sql.query(
    `SELECT ${stats.key} AS g, x.skill_id AS s, x.${level} AS k, SUM(x.holders) AS n, SUM(x.met) AS met, SUM(x.towards) AS tw ` +
      `FROM skill_stats x WHERE ${stats.where}${skills.sql} GROUP BY ${stats.key}, x.skill_id, x.${level}`,
    [...stats.parameters, ...skills.parameters],
  )) as Row[];
  addStatRows(result, held, 1);
  const [state] = (await sql.query('SELECT valid_on AS d FROM rollup_state WHERE id = 1')) as Row[];
  const since = String(state?.d ?? asOf).slice(0, 10);
  if (since < asOf) {
    // Few levels end in a window: the query starts from them (orderedJoin fixes the join
    // order on both databases).
    const f = fragment(spec);
    const hskills = skillFilter('h.skill_id', skillIds);
    const ended = (await sql.query(
      `SELECT ${f.key} AS g, h.skill_id AS s, h.${level} AS k, COUNT(*) AS n, ` +
        `SUM(CASE WHEN rr.required_level = h.${level} THEN 1 ELSE 0 END) AS met, SUM(CASE WHEN rr.required_level >= h.${level} THEN 1 ELSE 0 END) AS tw ` +
        `FROM employee_skill_levels h ${J} rollup_members x ON x.employee_id = h.employee_id ${f.join.replace('JOIN', J)} ` +
        `LEFT JOIN role_requirements rr ON rr.role_id = x.role_id AND rr.skill_id = h.skill_id ` +
        `WHERE ${f.where}${hskills.sql} AND h.valid_until > ? AND h.valid_until <= ? GROUP BY ${f.key}, h.skill_id, h.${level}`,
      [...f.parameters, ...hskills.parameters, since, asOf],
    )) as Row[];
    addStatRows(result, ended, -1);
  }
  const headcounts = (await sql.query(
    `SELECT ${stats.key} AS g, x.role_id AS r, SUM(x.headcount) AS hc, SUM(x.recorded) AS rec FROM headcount_stats x ` +
      `WHERE ${stats.where} GROUP BY ${stats.key}, x.role_id HAVING SUM(x.headcount) > 0`,
    stats.parameters,
  )) as Row[];
  addHeadcountRows(result, headcounts, requirements, skillIds ? new Set(skillIds) : null);
  return result;
}

/** Employment periods covering `asOf`, of employees hired by then and not yet gone. */
const PERIOD_AT =
  'x.start_date <= ? AND (x.end_date IS NULL OR x.end_date > ?) AND em.hire_date <= ? AND (em.leave_date IS NULL OR em.leave_date > ?)';

/**
 * Tallies at a past date, from completions and employment history: members placed in the
 * team, role and location they had then, completions valid then. Bounded by the groups asked for.
 */
export async function historicTallies(
  sql: SqlRunner,
  spec: GroupSpec,
  skillIds: number[] | null,
  asOf: IsoDate,
  requirements: RequirementIndex,
): Promise<GroupTallies> {
  const result = emptyResult();
  const J = orderedJoin(sql);
  const f = fragment(spec, 'COALESCE(x.location_id, 0)');
  const at = [asOf, asOf, asOf, asOf];
  // Start from the teams, then their periods (by team), people and completions (by employee):
  // orderedJoin keeps both databases to that order.
  const from = f.join
    ? `team_closure gc ${J} employment_periods x ON x.team_id = gc.descendant_id ${J} employees em ON em.id = x.employee_id`
    : `employment_periods x ${J} employees em ON em.id = x.employee_id`;
  const members = (await sql.query(
    `SELECT x.employee_id AS e, ${f.key} AS g, x.role_id AS r FROM ${from} WHERE ${f.where} AND ${PERIOD_AT}`,
    [...f.parameters, ...at],
  )) as Row[];
  const skills = skillFilter('cs.skill_id', skillIds);
  const levels = (await sql.query(
    `SELECT c.employee_id AS e, cs.skill_id AS s, MAX(cs.${quote('level')}) AS lv FROM ${from} ` +
      `${J} completions c ON c.employee_id = x.employee_id ${J} credential_skills cs ON cs.credential_id = c.credential_id ` +
      `WHERE ${f.where} AND ${PERIOD_AT}${skills.sql} AND c.status = 'valid' AND c.awarded_at <= ? AND (c.expires_at IS NULL OR c.expires_at > ?) ` +
      `GROUP BY c.employee_id, cs.skill_id`,
    [...f.parameters, ...at, ...skills.parameters, asOf, asOf],
  )) as Row[];
  const recorded = (await sql.query(
    `SELECT DISTINCT x.employee_id AS e FROM ${from} WHERE ${f.where} AND ${PERIOD_AT} AND EXISTS ` +
      `(SELECT 1 FROM completions c WHERE c.employee_id = x.employee_id AND c.status = 'valid' AND c.awarded_at <= ?)`,
    [...f.parameters, ...at, asOf],
  )) as Row[];
  const withCredentials = new Set(recorded.map((row) => num(row.e)));

  const levelsOf = new Map<number, Map<number, number>>();
  for (const row of levels) {
    const employee = num(row.e);
    let bySkill = levelsOf.get(employee);
    if (!bySkill) levelsOf.set(employee, (bySkill = new Map()));
    bySkill.set(num(row.s), num(row.lv));
  }
  const skillSet = skillIds ? new Set(skillIds) : null;
  for (const member of members) {
    const employee = num(member.e);
    const group = num(member.g);
    const current = result.headcounts.get(group) ?? { headcount: 0, recorded: 0 };
    current.headcount++;
    if (withCredentials.has(employee)) current.recorded++;
    result.headcounts.set(group, current);
    const held = levelsOf.get(employee) ?? new Map<number, number>();
    const required = requirements.get(num(member.r)) ?? new Map<number, { level: number; weight: number }>();
    const skillsOfMember = new Set([...held.keys(), ...[...required.keys()].filter((s) => !skillSet || skillSet.has(s))]);
    for (const skillId of skillsOfMember) {
      const tally = tallyOf(result, group, skillId);
      const level = held.get(skillId) ?? 0;
      for (let k = 1; k <= level; k++) tally.holders[k - 1]++;
      const requirement = required.get(skillId);
      if (requirement) {
        tally.required++;
        tally.requiredLevelSum += requirement.level;
        tally.heldTowardsRequired += Math.min(level, requirement.level);
        if (level >= requirement.level) tally.met++;
      }
    }
  }
  for (const [group, bySkill] of result.tallies) {
    const headcount = result.headcounts.get(group)?.headcount ?? 0;
    for (const tally of bySkill.values()) tally.headcount = headcount;
  }
  return result;
}

/** Today and later from the rollups; earlier dates from history. */
export function groupTallies(
  sql: SqlRunner,
  spec: GroupSpec,
  skillIds: number[] | null,
  asOf: IsoDate,
  today: IsoDate,
  requirements: RequirementIndex,
): Promise<GroupTallies> {
  return asOf >= today
    ? rollupTallies(sql, spec, skillIds, asOf, requirements)
    : historicTallies(sql, spec, skillIds, asOf, requirements);
}

/** Sums every group's tally of a skill into one (for a whole scope). */
export function sumGroups(result: GroupTallies): Map<number, SkillTally> {
  const total = new Map<number, SkillTally>();
  let headcount = 0;
  for (const counts of result.headcounts.values()) headcount += counts.headcount;
  for (const bySkill of result.tallies.values()) {
    for (const [skillId, tally] of bySkill) {
      const into = total.get(skillId) ?? emptyTally();
      addTallies(into, { ...tally, headcount: 0 });
      total.set(skillId, into);
    }
  }
  for (const tally of total.values()) tally.headcount = headcount;
  return total;
}
