import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  addMonths,
  annualAttrition,
  endOfMonth,
  FORECAST_DEFAULT_HORIZON,
  FORECAST_MAX_HORIZON,
  forecastMonth,
  isMonthEnd,
  meanAbsolutePercentageError,
  monthlyAttrition,
  rateWithFallback,
  runForecast,
  todayInTimeZone,
  type ApiFieldError,
  type BacktestDto,
  type BacktestSkillDto,
  type ForecastAssumptionsDto,
  type ForecastCostBy,
  type ForecastCredentialDto,
  type ForecastDto,
  type ForecastInput,
  type ForecastMonthDto,
  type ForecastScenarioResultDto,
  type ForecastScenarioSettings,
  type ForecastScopeDto,
  type ForecastSummaryDto,
  type ForecastSummarySkillDto,
  type IsoDate,
} from '@skillgrid/shared';
import type { SessionUser } from '../../common/auth/session-user';
import { DomainError } from '../../common/errors/domain-error';
import { dialectOf } from '../../database/sql';
import { ScopeService } from '../scope/scope.service';
import { OrganisationService } from '../organisation/organisation.service';
import { ForecastData, type ForecastScopeFilter, type PositionCount } from './forecast-data';
import { ScenariosService } from './scenarios.service';
import { VersionedCache } from './versioned-cache';

/** What a caller (the controller, or the exports) asks for; the same fields as GET /forecast. */
export interface ForecastRequest {
  skillId: number;
  teamId?: number;
  roleId?: number;
  horizon?: number;
  attritionRate?: number;
  asOf?: string;
  costBy?: ForecastCostBy;
  /** A saved scenario of the caller's. */
  scenarioId?: number;
  /** An unsaved scenario: settings, or their JSON (as in the query string). */
  scenario?: ForecastScenarioSettings | string;
  backtest?: boolean;
}

export type ForecastSummaryRequest = Omit<ForecastRequest, 'skillId' | 'costBy' | 'backtest'>;

export interface BacktestRequest {
  skillId?: number;
  teamId?: number;
  roleId?: number;
  asOf?: string;
}

interface ForecastContext {
  filter: ForecastScopeFilter;
  scope: ForecastScopeDto;
  asOf: IsoDate;
  today: IsoDate;
  currency: string;
  /** Executives: scopes with fewer positions are suppressed; null for everyone else. */
  privacyMinGroup: number | null;
}

/** Everything loaded once for a set of skills at one date: a handful of grouped queries. */
interface LoadedState {
  asOf: IsoDate;
  /** Organisation-wide shares, the fallback of a rate with fewer than 10 observations. */
  pooledCompletion: { events: number; total: number };
  pooledRenewal: { events: number; total: number };
  positions: PositionCount[];
  qualified: Awaited<ReturnType<ForecastData['qualified']>>['groups'];
  pipeline: Awaited<ReturnType<ForecastData['pipeline']>>;
  completion: Map<number, { events: number; total: number }>;
  renewal: Map<number, { events: number; total: number }>;
  attrition: Map<number, { leavers: number; headcounts: number[] }>;
  plans: Map<number, Record<string, number>>;
  grants: Awaited<ReturnType<ForecastData['grants']>>;
  requirements: Map<number, Map<number, number>>;
  roleNames: Map<number, string>;
  skillInfo: Map<number, { name: string; category: string }>;
  credentialNames: Map<number, string>;
}

interface SkillForecast {
  input: ForecastInput;
  assumptions: ForecastAssumptionsDto;
  positions: number;
  result: ReturnType<typeof runForecast>;
}

type Row = Record<string, string | number | null>;

interface Rates {
  completion: Map<number, { events: number; total: number }>;
  renewal: Map<number, { events: number; total: number }>;
  attrition: Map<number, { leavers: number; headcounts: number[] }>;
}

/** The audit-log entities of the writes that change employees (one by one, and the employees import). */
const ATTRITION_ENTITIES = ['employee', 'import:employees'] as const;

/** Loaded states kept (scopes × dates × skill sets); each is a few hundred aggregated numbers per skill. */
const CACHE_ENTRIES = 64;

function pooled(map: Map<number, { events: number; total: number }>): { events: number; total: number } {
  let events = 0;
  let total = 0;
  for (const value of map.values()) {
    events += value.events;
    total += value.total;
  }
  return { events, total };
}

function notFound(field: string, entity: string, id: number): DomainError {
  return new DomainError('not_found', `${entity.toUpperCase()}_NOT_FOUND`, `${field}: ${entity} ${id} not found`, [
    { field, message: `${entity} ${id} not found` },
  ]);
}

/**
 * Workforce forecasts (DESIGN §3 "Forecast"): demand against supply of qualified people per
 * skill, month by month, with scenarios beside the baseline and a backtest. Organisation-wide,
 * per team sub-tree or per role; HR and executives the organisation (executives: small scopes
 * suppressed), managers their sub-trees (404 outside), employees 403.
 */
@Injectable()
export class ForecastsService {
  private readonly states = new VersionedCache<LoadedState>(CACHE_ENTRIES);
  private readonly rateCache = new VersionedCache<Rates>(CACHE_ENTRIES);
  private readonly backtests = new VersionedCache<BacktestDto>(CACHE_ENTRIES);
  private readonly attritionCache = new VersionedCache<Rates['attrition']>(CACHE_ENTRIES);
  private readonly summaries = new WeakMap<LoadedState, Map<string, ForecastSummarySkillDto[]>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ScopeService,
    private readonly organisation: OrganisationService,
    private readonly scenarios: ScenariosService,
  ) {}

  /** One skill's forecast; with a scenario, the scenario beside the baseline. */
  async forecast(user: SessionUser, query: ForecastRequest): Promise<ForecastDto> {
    this.checkRanges(query);
    const ctx = await this.context(user, query);
    const skillName = (await this.data().names('skills', [query.skillId])).get(query.skillId);
    if (skillName === undefined) throw notFound('skillId', 'skill', query.skillId);
    const scenario = await this.scenarioOf(user, query);
    const horizon = query.horizon ?? FORECAST_DEFAULT_HORIZON;
    const costBy = query.costBy ?? 'cost';
    const state = await this.load(ctx.filter, ctx.asOf, ctx.today, [query.skillId]);
    const baseline = this.skillForecast(state, query.skillId, horizon, costBy, { attritionRate: query.attritionRate });
    const suppressed = ctx.privacyMinGroup !== null && baseline.positions < ctx.privacyMinGroup;
    const answer: ForecastDto = {
      skill: { id: query.skillId, name: skillName },
      scope: ctx.scope,
      asOf: ctx.asOf,
      horizon,
      costBy,
      currency: ctx.currency,
      suppressed,
      months: this.months(baseline, suppressed),
      assumptions: suppressed ? null : baseline.assumptions,
    };
    if (scenario) {
      const settings: ForecastScenarioSettings = {
        ...scenario.settings,
        attritionRate: scenario.settings.attritionRate ?? query.attritionRate,
      };
      const what = this.skillForecast(state, query.skillId, horizon, costBy, settings);
      answer.scenario = {
        id: scenario.id,
        name: scenario.name,
        settings: scenario.settings,
        months: this.months(what, suppressed),
        assumptions: suppressed ? null : what.assumptions,
      } satisfies ForecastScenarioResultDto;
    }
    if (query.backtest) answer.backtest = await this.runBacktest(ctx, [query.skillId]);
    return answer;
  }

  /** Every skill required in the scope: demand and supply at months 3, 6 and 12, peak shortfall, cost to close. */
  async summary(user: SessionUser, query: ForecastSummaryRequest): Promise<ForecastSummaryDto> {
    this.checkRanges(query);
    const ctx = await this.context(user, query);
    const scenario = await this.scenarioOf(user, query);
    const horizon = query.horizon ?? FORECAST_DEFAULT_HORIZON;
    const state = await this.load(ctx.filter, ctx.asOf, ctx.today, null);
    // A budget is spent per skill's forecast; summing one budget over every skill would spend it many times.
    const settings: ForecastScenarioSettings = {
      ...(scenario?.settings ?? {}),
      attritionRate: scenario?.settings.attritionRate ?? query.attritionRate,
      budget: null,
    };
    // The same state, horizon and settings give the same rows: computed once per cached state.
    let memo = this.summaries.get(state);
    if (!memo) this.summaries.set(state, (memo = new Map()));
    const key = JSON.stringify([horizon, settings, ctx.privacyMinGroup]);
    let rows = memo.get(key);
    if (!rows) {
      rows = this.summaryRows(state, horizon, settings, ctx.privacyMinGroup);
      memo.set(key, rows);
    }
    return { scope: ctx.scope, asOf: ctx.asOf, horizon, currency: ctx.currency, skills: rows };
  }

  private summaryRows(
    state: LoadedState,
    horizon: number,
    settings: ForecastScenarioSettings,
    privacyMinGroup: number | null,
  ): ForecastSummarySkillDto[] {
    const skillIds = [...new Set(state.positions.map((p) => p.skillId))];
    const skillInfo = state.skillInfo;
    const rows: ForecastSummarySkillDto[] = skillIds.map((skillId) => {
      const forecast = this.skillForecast(state, skillId, horizon, 'cost', settings);
      const info = skillInfo.get(skillId) ?? { name: `Skill ${skillId}`, category: '' };
      const suppressed = privacyMinGroup !== null && forecast.positions < privacyMinGroup;
      const months = forecast.result.months;
      const points = [3, 6, 12]
        .filter((t) => t <= horizon)
        .map((t) => ({
          monthIndex: t,
          month: months[t - 1].month,
          demand: suppressed ? null : months[t - 1].demand,
          supply: suppressed ? null : months[t - 1].supply,
          shortfall: suppressed ? null : months[t - 1].shortfall,
        }));
      let peak = months[0];
      for (const month of months) if (month.shortfall > peak.shortfall) peak = month;
      return {
        skillId,
        skillName: info.name,
        category: info.category,
        positions: suppressed ? null : forecast.positions,
        suppressed,
        points,
        peakShortfall: suppressed ? null : peak.shortfall,
        peakMonth: suppressed ? null : peak.month,
        costToClose: suppressed ? null : peak.cost,
        hoursToClose: suppressed ? null : peak.hours,
        expiryCliffAtHorizon: suppressed ? null : months[months.length - 1].expiryCliff,
      };
    });
    rows.sort(
      (a, b) =>
        Number(a.suppressed) - Number(b.suppressed) ||
        (b.peakShortfall ?? 0) - (a.peakShortfall ?? 0) ||
        a.skillName.localeCompare(b.skillName),
    );
    return rows;
  }

  /** The forecast as of d − 12 months with what was known then, against the qualified holders since. */
  async backtest(user: SessionUser, query: BacktestRequest): Promise<BacktestDto> {
    const ctx = await this.context(user, query);
    if (query.skillId !== undefined) {
      const known = await this.data().names('skills', [query.skillId]);
      if (!known.has(query.skillId)) throw notFound('skillId', 'skill', query.skillId);
    }
    return this.runBacktest(ctx, query.skillId === undefined ? null : [query.skillId]);
  }

  // -------------------------------------------------------------------------------------------

  private data(): ForecastData {
    return new ForecastData(this.dataSource, dialectOf(this.dataSource));
  }

  /** Bounds checked here too, for callers that do not come through the query DTO (exports). */
  private checkRanges(query: { horizon?: number; attritionRate?: number }): void {
    const errors: ApiFieldError[] = [];
    if (
      query.horizon !== undefined &&
      (!Number.isInteger(query.horizon) || query.horizon < 1 || query.horizon > FORECAST_MAX_HORIZON)
    ) {
      errors.push({ field: 'horizon', message: `horizon must be a whole number of months from 1 to ${FORECAST_MAX_HORIZON}` });
    }
    if (query.attritionRate !== undefined && !(query.attritionRate >= 0 && query.attritionRate <= 1)) {
      errors.push({ field: 'attritionRate', message: 'attritionRate must be a number from 0 to 1' });
    }
    if (errors.length) throw DomainError.invalid(errors);
  }

  private async context(user: SessionUser, query: { teamId?: number; roleId?: number; asOf?: string }): Promise<ForecastContext> {
    const scope = await this.scopes.scopeOf(user);
    if (scope.kind === 'self') throw DomainError.forbidden('Forecasts are for HR, managers and executives');
    const settings = await this.organisation.settings();
    const today = todayInTimeZone(settings.timeZone);
    const exec = scope.kind === 'aggregate';
    if (exec && query.asOf !== undefined && !isMonthEnd(query.asOf)) {
      throw DomainError.invalid([
        { field: 'asOf', message: `executives see month-end dates only (for example ${endOfMonth(query.asOf)})` },
      ]);
    }
    let teamIds: number[] | null = null;
    let teamName: string | null = null;
    const teamId = query.teamId;
    if (teamId !== undefined) {
      const team = await this.scopes.visibleTeam(user, teamId).catch(() => {
        throw notFound('teamId', 'team', teamId);
      });
      teamIds = [team.id];
      teamName = team.name;
    } else if (scope.kind === 'teams') {
      // A manager's whole scope: the teams they manage that are not inside another of them.
      const paths = [...scope.teamPaths].sort((a, b) => a.length - b.length);
      const roots: string[] = [];
      for (const path of paths) if (!roots.some((root) => path.startsWith(root))) roots.push(path);
      teamIds = roots.map((path) => Number(path.split('/').filter(Boolean).pop()));
      if (!teamIds.length) teamIds = [-1];
    }
    let roleName: string | null = null;
    if (query.roleId !== undefined) {
      roleName = (await this.data().names('roles', [query.roleId])).get(query.roleId) ?? null;
      if (roleName === null) throw notFound('roleId', 'role', query.roleId);
    }
    return {
      filter: { teamIds, roleId: query.roleId ?? null },
      scope: { teamId: query.teamId ?? null, teamName, roleId: query.roleId ?? null, roleName },
      asOf: query.asOf ?? (exec ? endOfMonth(today) : today),
      today,
      currency: settings.currency,
      privacyMinGroup: exec ? settings.privacyMinGroup : null,
    };
  }

  private async scenarioOf(
    user: SessionUser,
    query: { scenarioId?: number; scenario?: ForecastScenarioSettings | string },
  ): Promise<{ id: number | null; name: string | null; settings: ForecastScenarioSettings } | null> {
    if (query.scenarioId !== undefined && query.scenario !== undefined) {
      throw DomainError.invalid([{ field: 'scenario', message: 'give scenarioId or scenario, not both' }]);
    }
    if (query.scenarioId !== undefined) {
      if (user.role !== 'hr' && user.role !== 'exec' && user.role !== 'admin')
        throw notFound('scenarioId', 'scenario', query.scenarioId);
      const { id, name, createdAt: _c, updatedAt: _u, ...settings } = await this.scenarios.get(user, query.scenarioId);
      return { id, name, settings };
    }
    if (query.scenario === undefined) return null;
    const settings = typeof query.scenario === 'string' ? this.scenarios.parse(query.scenario) : query.scenario;
    await this.scenarios.checkRoles(settings, 'scenario.');
    return { id: null, name: null, settings };
  }

  /**
   * The state at d, read through a small cache. Every write appends to the audit log in its own
   * transaction, so an entry is used only while the log's last id is the one it was read at: each
   * request still asks the database (one indexed read), and every replica answers the same.
   */
  private async load(
    filter: ForecastScopeFilter,
    asOf: IsoDate,
    today: IsoDate,
    skillIds: number[] | null,
  ): Promise<LoadedState> {
    const version = await this.auditVersion(today);
    return this.states.get(JSON.stringify([filter, asOf, skillIds]), version, () =>
      this.read(filter, asOf, today, skillIds, version),
    );
  }

  /** Today and the last audit-log id (of the given entities only, when given): what a cached answer is valid for. */
  private async auditVersion(today: IsoDate, entities?: readonly string[]): Promise<string> {
    const [row] = (await (entities
      ? this.dataSource.query(`SELECT MAX(id) AS v FROM audit_log WHERE entity IN (${entities.map(() => '?').join(', ')})`, [
          ...entities,
        ])
      : this.dataSource.query('SELECT MAX(id) AS v FROM audit_log'))) as Row[];
    return `${today}|${String(row?.v ?? 0)}`;
  }

  /**
   * The organisation-wide inputs at d (completion, renewal and attrition counts): the same for every
   * scope and skill, so shared by every cached state of the same date and audit-log version.
   */
  private rates(asOf: IsoDate, today: IsoDate, version: string): Promise<Rates> {
    return this.rateCache.get(asOf, version, async () => {
      const data = this.data();
      const [completion, renewal, attrition] = await Promise.all([
        data.completionCounts(asOf, today),
        data.renewalCounts(asOf, today),
        this.attrition(asOf, today),
      ]);
      return { completion, renewal, attrition };
    });
  }

  /**
   * The attrition inputs at d, read again only when employees have changed since: their every
   * write (one at a time, or an import) is in the audit log, and a completion or an assignment
   * does not move them. The leavers and the 13 month-end headcounts read the whole employment
   * history, the slowest of the forecast's reads.
   */
  private async attrition(asOf: IsoDate, today: IsoDate): Promise<Rates['attrition']> {
    const version = await this.auditVersion(today, ATTRITION_ENTITIES);
    return this.attritionCache.get(asOf, version, () => this.data().attrition(asOf));
  }

  /** The state at d: from employee_skill_levels from today on, from completions and history before. */
  private async read(
    filter: ForecastScopeFilter,
    asOf: IsoDate,
    today: IsoDate,
    skillIds: number[] | null,
    version: string,
  ): Promise<LoadedState> {
    const data = this.data();
    const historical = asOf < today;
    const [positions, qualified, { completion, renewal, attrition }, plans, grants, requirementRows, roles, skills] =
      await Promise.all([
        data.positions(filter, asOf, historical, skillIds),
        data.qualified(filter, asOf, historical, skillIds),
        this.rates(asOf, today, version),
        data.plans(filter, `${forecastMonth(asOf, 1).slice(0, 7)}-01`, forecastMonth(asOf, FORECAST_MAX_HORIZON)),
        data.grants(skillIds),
        this.dataSource.query('SELECT role_id AS r, skill_id AS s, required_level AS l FROM role_requirements') as Promise<Row[]>,
        this.dataSource.query('SELECT id, name FROM roles') as Promise<Row[]>,
        this.dataSource.query(
          'SELECT s.id, s.name, c.name AS category FROM skills s JOIN skill_categories c ON c.id = s.category_id',
        ) as Promise<Row[]>,
      ]);
    const pipeline = await data.pipeline(filter, asOf, historical, skillIds, qualified.people);
    const requirements = new Map<number, Map<number, number>>();
    for (const row of requirementRows) {
      const skillId = Number(row.s);
      let bySkill = requirements.get(skillId);
      if (!bySkill) requirements.set(skillId, (bySkill = new Map()));
      bySkill.set(Number(row.r), Number(row.l));
    }
    const credentialIds = new Set<number>();
    for (const people of pipeline.values())
      for (const person of people) person.credentialIds.forEach((id) => credentialIds.add(id));
    return {
      asOf,
      positions,
      qualified: qualified.groups,
      pipeline,
      completion,
      renewal,
      pooledCompletion: pooled(completion),
      pooledRenewal: pooled(renewal),
      attrition,
      plans,
      grants,
      requirements,
      roleNames: new Map(roles.map((row) => [Number(row.id), String(row.name)])),
      skillInfo: new Map(skills.map((row) => [Number(row.id), { name: String(row.name), category: String(row.category) }])),
      credentialNames: await data.names('credentials', [...credentialIds]),
    };
  }

  private completionRate(state: LoadedState, credentialId: number): { rate: number; basis: 'credential' | 'organisation' } {
    const own = state.completion.get(credentialId) ?? { events: 0, total: 0 };
    const { rate, basis } = rateWithFallback(own, state.pooledCompletion);
    return { rate, basis: basis === 'own' ? 'credential' : 'organisation' };
  }

  /** Builds the engine's input for one skill from the loaded state and runs it. */
  private skillForecast(
    state: LoadedState,
    skillId: number,
    horizon: number,
    costBy: ForecastCostBy,
    settings: ForecastScenarioSettings,
  ): SkillForecast {
    const requiredBy = state.requirements.get(skillId) ?? new Map<number, number>();
    const positions = state.positions.filter((p) => p.skillId === skillId);
    const plans = state.plans;
    const roleIds = new Set(positions.map((p) => p.roleId));
    // Roles requiring the skill with planned or scenario headcount count towards demand even with nobody today.
    for (const roleId of requiredBy.keys()) {
      if (plans.has(roleId) || settings.hiring?.some((h) => h.roleId === roleId)) roleIds.add(roleId);
    }
    const roleOverride = new Map((settings.roleAttrition ?? []).map((r) => [r.roleId, r.rate]));
    let leavers = 0;
    let averageHeadcount = 0;
    const roles = [...roleIds]
      .flatMap((roleId) => {
        const requiredLevel = requiredBy.get(roleId);
        return requiredLevel === undefined ? [] : [{ roleId, requiredLevel }];
      })
      .sort((a, b) => a.roleId - b.roleId)
      .map(({ roleId, requiredLevel }) => {
        const history = state.attrition.get(roleId) ?? { leavers: 0, headcounts: [0] };
        const computed = annualAttrition(history.leavers, history.headcounts);
        leavers += history.leavers;
        averageHeadcount += history.headcounts.reduce((a, b) => a + b, 0) / history.headcounts.length;
        const override = roleOverride.get(roleId) ?? settings.attritionRate ?? undefined;
        return {
          roleId,
          requiredLevel,
          headcount: positions.find((p) => p.roleId === roleId)?.count ?? 0,
          annualAttrition: override ?? computed,
          plan: plans.get(roleId),
          source: override === undefined ? ('computed' as const) : ('override' as const),
        };
      });
    const highestLevel = roles.reduce((max, role) => Math.max(max, role.requiredLevel), 0);
    const candidates = (state.grants.get(skillId) ?? []).filter((g) => g.level >= highestLevel);
    const cheapest = (by: ForecastCostBy) =>
      [...candidates].sort((a, b) =>
        by === 'cost' ? a.cost - b.cost || a.hours - b.hours || a.id - b.id : a.hours - b.hours || a.cost - b.cost || a.id - b.id,
      )[0];
    const closing = cheapest(costBy);
    const closingDto: ForecastCredentialDto | null = closing
      ? { id: closing.id, name: closing.name, hours: closing.hours, cost: closing.cost }
      : null;

    const renewalOwn = state.renewal.get(skillId) ?? { events: 0, total: 0 };
    const renewal = rateWithFallback(renewalOwn, state.pooledRenewal);
    const qualified = (state.qualified.get(skillId) ?? []).filter((g) => requiredBy.has(g.roleId));
    const pipelinePeople = state.pipeline.get(skillId) ?? [];
    const rates = new Map<number, ReturnType<ForecastsService['completionRate']>>();
    const rateOf = (credentialId: number) => {
      let rate = rates.get(credentialId);
      if (!rate) rates.set(credentialId, (rate = this.completionRate(state, credentialId)));
      return rate;
    };
    const pipeline = pipelinePeople.map((person) => ({
      roleId: person.roleId,
      options: person.options.map((option, i) => ({
        dueDate: option.dueDate,
        completionRate: rateOf(person.credentialIds[i]).rate,
      })),
    }));

    let budget: ForecastInput['budget'] = null;
    const budgetCredential = cheapest('cost');
    if (settings.budget && settings.budget > 0 && budgetCredential) {
      const qualifiedByRole = new Map<number, number>();
      for (const group of qualified) qualifiedByRole.set(group.roleId, (qualifiedByRole.get(group.roleId) ?? 0) + group.count);
      const pipelineByRole = new Map<number, number>();
      for (const person of pipeline) pipelineByRole.set(person.roleId, (pipelineByRole.get(person.roleId) ?? 0) + 1);
      budget = {
        amount: settings.budget,
        credential: {
          hours: budgetCredential.hours,
          cost: budgetCredential.cost,
          completionRate: rateOf(budgetCredential.id).rate,
        },
        candidates: roles.map((role) => ({
          roleId: role.roleId,
          count: Math.max(0, role.headcount - (qualifiedByRole.get(role.roleId) ?? 0) - (pipelineByRole.get(role.roleId) ?? 0)),
        })),
      };
    }

    const input: ForecastInput = {
      asOf: state.asOf,
      horizon,
      roles,
      qualified,
      pipeline,
      renewalRate: renewal.rate,
      closing: closing ? { hours: closing.hours, cost: closing.cost } : null,
      hiring: settings.hiring,
      budget,
    };
    const result = runForecast(input);
    const positionCount = positions.filter((p) => requiredBy.has(p.roleId)).reduce((sum, p) => sum + p.count, 0);
    const assumptions: ForecastAssumptionsDto = {
      attrition: averageHeadcount > 0 ? Math.min(1, leavers / averageHeadcount) : 0,
      roles: roles.map((role) => ({
        roleId: role.roleId,
        roleName: state.roleNames.get(role.roleId) ?? `Role ${role.roleId}`,
        requiredLevel: role.requiredLevel,
        headcount: role.headcount,
        annualAttrition: role.annualAttrition,
        monthlyAttrition: monthlyAttrition(role.annualAttrition),
        attritionSource: role.source,
      })),
      renewalRate: renewal.rate,
      renewalBasis: renewal.basis === 'own' ? 'skill' : 'organisation',
      completionRates: [...rates.entries()]
        .map(([credentialId, rate]) => ({
          credentialId,
          credentialName:
            state.credentialNames.get(credentialId) ??
            (budgetCredential?.id === credentialId ? budgetCredential.name : `Credential ${credentialId}`),
          completionRate: rate.rate,
          basis: rate.basis,
        }))
        .sort((a, b) => a.credentialId - b.credentialId),
      closingCredential: closingDto,
      positions: positionCount,
      qualified: qualified.reduce((sum, g) => sum + g.count, 0),
      inPipeline: pipeline.length,
      ...(budget ? { purchases: result.purchases } : {}),
    };
    return { input, assumptions, positions: positionCount, result };
  }

  private months(forecast: SkillForecast, suppressed: boolean): ForecastMonthDto[] {
    if (!suppressed) return forecast.result.months;
    return forecast.result.months.map((m) => ({
      month: m.month,
      demand: null,
      supply: null,
      shortfall: null,
      hours: null,
      cost: null,
      expiryCliff: null,
    }));
  }

  /**
   * Backtest (DESIGN §3): the baseline forecast as of d − 12 months from what was known then,
   * each month's supply against the qualified holders actually in the scope at that month end,
   * beside the naive forecast (supply stays as it was).
   */
  private async runBacktest(ctx: ForecastContext, skillIds: number[] | null): Promise<BacktestDto> {
    // Twelve month-ends read from the history: kept, like the loaded states, while the audit log stands still.
    const version = await this.auditVersion(ctx.today);
    const key = JSON.stringify([ctx.filter, ctx.asOf, skillIds, ctx.privacyMinGroup]);
    return this.backtests.get(key, version, () => this.computeBacktest(ctx, skillIds));
  }

  private async computeBacktest(ctx: ForecastContext, skillIds: number[] | null): Promise<BacktestDto> {
    const from = addMonths(ctx.asOf, -12);
    const state = await this.load(ctx.filter, from, ctx.today, skillIds);
    const comparedTo = ctx.asOf < ctx.today ? ctx.asOf : ctx.today;
    const candidates = skillIds ?? [...new Set(state.positions.map((p) => p.skillId))].sort((a, b) => a - b);
    const computed = candidates.map((id) => ({ id, forecast: this.skillForecast(state, id, 12, 'cost', {}) }));
    // Executives: a skill with fewer positions than the threshold is left out, like a small group.
    const kept = computed.filter(({ forecast }) => ctx.privacyMinGroup === null || forecast.positions >= ctx.privacyMinGroup);
    const ids = kept.map(({ id }) => id);
    if (candidates.length && !ids.length) {
      return { asOf: from, comparedTo, skills: [], mape: null, naiveMape: null, suppressed: true };
    }
    const skillNames = await this.data().names('skills', ids);
    const monthEnds = Array.from({ length: 12 }, (_, i) => forecastMonth(from, i + 1)).filter((m) => m <= comparedTo);
    const data = this.data();
    const actuals = await Promise.all(monthEnds.map((month) => data.qualified(ctx.filter, month, true, ids)));
    const all: Array<{ forecast: number; actual: number }> = [];
    const allNaive: Array<{ forecast: number; actual: number }> = [];
    const skills: BacktestSkillDto[] = kept.map(({ id: skillId, forecast }) => {
      const naive = forecast.assumptions.qualified;
      const months = monthEnds.map((month, i) => {
        const actual = (actuals[i].groups.get(skillId) ?? [])
          .filter((g) => state.requirements.get(skillId)?.has(g.roleId))
          .reduce((sum, g) => sum + g.count, 0);
        return { month, forecast: forecast.result.months[i].supply, naive, actual };
      });
      all.push(...months.map((m) => ({ forecast: m.forecast, actual: m.actual })));
      allNaive.push(...months.map((m) => ({ forecast: m.naive, actual: m.actual })));
      return {
        skillId,
        skillName: skillNames.get(skillId) ?? `Skill ${skillId}`,
        months,
        mape: meanAbsolutePercentageError(months),
        naiveMape: meanAbsolutePercentageError(months.map((m) => ({ forecast: m.naive, actual: m.actual }))),
      };
    });
    return {
      asOf: from,
      comparedTo,
      skills,
      mape: meanAbsolutePercentageError(all),
      naiveMape: meanAbsolutePercentageError(allNaive),
    };
  }
}
