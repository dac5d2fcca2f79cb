import { addDays, addMonths, endOfMonth, formatIsoDate, parseIsoDate, type IsoDate } from './dates';

/**
 * Workforce forecast of one skill in one scope (DESIGN §3 "Forecast"): pure, so the API, the
 * exports and the tests share one implementation. Inputs are already aggregated (counts per role
 * and expiry date), so an organisation of any size is a few hundred numbers here.
 */

export const FORECAST_DEFAULT_HORIZON = 12;
export const FORECAST_MAX_HORIZON = 36;
export const FORECAST_COST_BYS = ['cost', 'hours'] as const;
export type ForecastCostBy = (typeof FORECAST_COST_BYS)[number];
/** Study pace assumed for extra training bought by a scenario's budget. */
export const TRAINING_HOURS_PER_WEEK = 10;
/** Fewer observations than this fall back to the organisation-wide rate. */
export const RATE_MIN_OBSERVATIONS = 10;
/** A renewal counts when awarded this many days before or after the expiry. */
export const RENEWAL_WINDOW_DAYS = 90;

// ---------------------------------------------------------------------------------------------
// Contracts
// ---------------------------------------------------------------------------------------------

export interface ForecastMonthDto {
  /** Last day of the month. */
  month: IsoDate;
  /** Null in every figure when the scope is suppressed for executives. */
  demand: number | null;
  supply: number | null;
  shortfall: number | null;
  hours: number | null;
  cost: number | null;
  expiryCliff: number | null;
}

export interface ForecastRoleAssumptionDto {
  roleId: number;
  roleName: string;
  requiredLevel: number;
  /** Active positions in the scope today. */
  headcount: number;
  annualAttrition: number;
  monthlyAttrition: number;
  /** computed from leavers, or overridden by the request or a scenario. */
  attritionSource: 'computed' | 'override';
}

export interface ForecastCredentialRateDto {
  credentialId: number;
  credentialName: string;
  completionRate: number;
  /** credential: its own assignments; organisation: fewer than 10, the organisation-wide share. */
  basis: 'credential' | 'organisation';
}

export interface ForecastCredentialDto {
  id: number;
  name: string;
  hours: number;
  cost: number;
}

export interface ForecastAssumptionsDto {
  /** Annual attrition of the scope (leavers / average headcount), before overrides. */
  attrition: number;
  roles: ForecastRoleAssumptionDto[];
  renewalRate: number;
  renewalBasis: 'skill' | 'organisation';
  completionRates: ForecastCredentialRateDto[];
  /** The cheapest credential granting the skill at the highest level required (by cost or hours). */
  closingCredential: ForecastCredentialDto | null;
  positions: number;
  qualified: number;
  /** Unqualified positions with an open assignment that would qualify them. */
  inPipeline: number;
  /** Extra training bought by a scenario's budget. */
  purchases?: number;
}

export interface ForecastHiringChange {
  roleId: number;
  /** YYYY-MM: the change applies from this month on. */
  month: string;
  /** People added to (or, negative, removed from) the role's planned headcount. */
  change: number;
}

export interface ForecastRoleAttrition {
  roleId: number;
  rate: number;
}

/** What a scenario changes against the baseline (DESIGN §3 "Scenarios"). */
export interface ForecastScenarioSettings {
  /** Annual attrition for every role, 0..1. */
  attritionRate?: number | null;
  /** Annual attrition per role; wins over attritionRate. */
  roleAttrition?: ForecastRoleAttrition[];
  hiring?: ForecastHiringChange[];
  /** Extra training budget, in the organisation's currency. */
  budget?: number | null;
}

export interface ForecastScenarioDto extends ForecastScenarioSettings {
  id: number;
  name: string;
  createdAt: string;
  updatedAt: string;
}

export interface ForecastScenarioResultDto {
  id: number | null;
  name: string | null;
  settings: ForecastScenarioSettings;
  months: ForecastMonthDto[];
  assumptions: ForecastAssumptionsDto | null;
}

export interface BacktestMonthDto {
  month: IsoDate;
  forecast: number;
  naive: number;
  actual: number;
}

export interface BacktestSkillDto {
  skillId: number;
  skillName: string;
  months: BacktestMonthDto[];
  /** Mean absolute percentage error, in percent; null when every actual is 0. */
  mape: number | null;
  naiveMape: number | null;
}

export interface BacktestDto {
  /** d − 12 months: the forecast ran with what was known then. */
  asOf: IsoDate;
  comparedTo: IsoDate;
  skills: BacktestSkillDto[];
  mape: number | null;
  naiveMape: number | null;
  suppressed?: boolean;
}

export interface ForecastScopeDto {
  teamId: number | null;
  teamName: string | null;
  roleId: number | null;
  roleName: string | null;
}

export interface ForecastDto {
  skill: { id: number; name: string };
  scope: ForecastScopeDto;
  asOf: IsoDate;
  horizon: number;
  costBy: ForecastCostBy;
  currency: string;
  /** Executives: fewer positions than the privacy threshold; every figure is null. */
  suppressed: boolean;
  months: ForecastMonthDto[];
  assumptions: ForecastAssumptionsDto | null;
  scenario?: ForecastScenarioResultDto;
  backtest?: BacktestDto;
}

export interface ForecastSummarySkillDto {
  skillId: number;
  skillName: string;
  category: string;
  positions: number | null;
  suppressed: boolean;
  /** Demand and supply at months 3, 6 and 12 (those within the horizon). */
  points: Array<{ monthIndex: number; month: IsoDate; demand: number | null; supply: number | null; shortfall: number | null }>;
  peakShortfall: number | null;
  peakMonth: IsoDate | null;
  /** Cost (or hours) of closing the peak shortfall with the cheapest qualifying credential. */
  costToClose: number | null;
  hoursToClose: number | null;
  /** Qualified holders still valid at the horizon if nobody renews. */
  expiryCliffAtHorizon: number | null;
}

export interface ForecastSummaryDto {
  scope: ForecastScopeDto;
  asOf: IsoDate;
  horizon: number;
  currency: string;
  skills: ForecastSummarySkillDto[];
}

// ---------------------------------------------------------------------------------------------
// Calculations
// ---------------------------------------------------------------------------------------------

/** Month t of a forecast: the last day of the t-th calendar month after d's month. */
export function forecastMonth(asOf: IsoDate, t: number): IsoDate {
  const parsed = parseIsoDate(asOf);
  if (!parsed) throw new RangeError(`Not an ISO calendar date: ${asOf}`);
  return endOfMonth(addMonths(formatIsoDate(parsed.year, parsed.month, 1), t));
}

export function forecastMonths(asOf: IsoDate, horizon: number): IsoDate[] {
  return Array.from({ length: horizon }, (_, i) => forecastMonth(asOf, i + 1));
}

/** m = 1 − (1 − annual)^(1/12). */
export function monthlyAttrition(annual: number): number {
  return 1 - Math.pow(1 - annual, 1 / 12);
}

/** (1 − m)^t: the share of today's people still here after t months. */
export function survival(annual: number, t: number): number {
  return Math.pow(1 - monthlyAttrition(annual), t);
}

/**
 * The 13 dates whose average headcount is attrition's denominator: d, then the 12 previous
 * month-ends (d itself when it is a month end, so the points are always 13 and ~12 months apart).
 */
export function attritionPoints(asOf: IsoDate): IsoDate[] {
  const points = [asOf];
  for (let k = 1; k <= 12; k++) points.push(forecastMonth(asOf, -k));
  return points;
}

/** Annual attrition: leavers in the 12 months before d / average active headcount at the 13 points. */
export function annualAttrition(leavers: number, headcounts: readonly number[]): number {
  const average = headcounts.length ? headcounts.reduce((a, b) => a + b, 0) / headcounts.length : 0;
  if (average <= 0) return 0;
  return Math.min(1, leavers / average);
}

/** A share with its organisation-wide fallback when there are fewer than 10 observations. */
export function rateWithFallback(
  own: { events: number; total: number },
  organisation: { events: number; total: number },
): { rate: number; basis: 'own' | 'organisation' } {
  if (own.total >= RATE_MIN_OBSERVATIONS) return { rate: own.events / own.total, basis: 'own' };
  return { rate: organisation.total > 0 ? organisation.events / organisation.total : 0, basis: 'organisation' };
}

/**
 * The first forecast month in which training bought at d counts: the month after the one in
 * which its typical hours are done at 10 hours a week.
 */
export function trainingFirstMonth(asOf: IsoDate, hours: number): number {
  const done = addDays(asOf, Math.ceil((Math.max(0, hours) / TRAINING_HOURS_PER_WEEK) * 7));
  const monthIndex = (date: IsoDate) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
  return monthIndex(done) - monthIndex(asOf) + 1;
}

export function round1(value: number): number {
  return Math.round((value + Number.EPSILON) * 10) / 10;
}

function round2(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

export interface ForecastRoleInput {
  roleId: number;
  /** L_r: the level of the skill this role requires. */
  requiredLevel: number;
  /** Today's active positions of the role in the scope. */
  headcount: number;
  /** Annual attrition, already with any override applied. */
  annualAttrition: number;
  /** Planned headcount by month (YYYY-MM) where the headcount plan gives one. */
  plan?: Readonly<Record<string, number>>;
}

/** Qualified position holders of a role whose qualification lasts until `validUntil` (exclusive). */
export interface QualifiedGroup {
  roleId: number;
  validUntil: IsoDate;
  count: number;
}

/** An unqualified position holder with open assignments that would qualify them. */
export interface PipelineCandidate {
  roleId: number;
  options: ReadonlyArray<{ dueDate: IsoDate; completionRate: number }>;
}

export interface ForecastBudgetInput {
  amount: number;
  /** The cheapest (by cost) credential that closes the gap, and its completion rate. */
  credential: { hours: number; cost: number; completionRate: number };
  /** Unqualified positions with nothing in the pipeline, per role: who the budget can train. */
  candidates: ReadonlyArray<{ roleId: number; count: number }>;
}

export interface ForecastInput {
  asOf: IsoDate;
  horizon: number;
  roles: ReadonlyArray<ForecastRoleInput>;
  qualified: ReadonlyArray<QualifiedGroup>;
  pipeline: ReadonlyArray<PipelineCandidate>;
  renewalRate: number;
  /** hours and cost of the credential that closes one unit of shortfall; null when none exists. */
  closing: { hours: number; cost: number } | null;
  hiring?: ReadonlyArray<ForecastHiringChange>;
  budget?: ForecastBudgetInput | null;
}

export interface ForecastResult {
  months: Array<{
    month: IsoDate;
    demand: number;
    supply: number;
    shortfall: number;
    hours: number;
    cost: number;
    expiryCliff: number;
  }>;
  purchases: number;
}

/** How many trainings a budget buys, and for which roles (lowest attrition first: they stay longest). */
export function budgetPurchases(
  budget: ForecastBudgetInput,
  attritionOf: (roleId: number) => number,
): Array<{ roleId: number; count: number }> {
  const available = budget.candidates.reduce((sum, c) => sum + c.count, 0);
  const affordable =
    budget.credential.cost > 0 ? Math.floor(budget.amount / budget.credential.cost + 1e-9) : budget.amount > 0 ? available : 0;
  let left = Math.min(available, Math.max(0, affordable));
  const result: Array<{ roleId: number; count: number }> = [];
  const ordered = [...budget.candidates].sort((a, b) => attritionOf(a.roleId) - attritionOf(b.roleId) || a.roleId - b.roleId);
  for (const candidate of ordered) {
    if (left <= 0) break;
    const count = Math.min(left, candidate.count);
    if (count > 0) result.push({ roleId: candidate.roleId, count });
    left -= count;
  }
  return result;
}

/** demand, supply, shortfall, hours, cost and expiry cliff for months 1..H (DESIGN §3). */
export function runForecast(input: ForecastInput): ForecastResult {
  const months = forecastMonths(input.asOf, input.horizon);
  const roleById = new Map(input.roles.map((role) => [role.roleId, role]));
  const attritionOf = (roleId: number) => roleById.get(roleId)?.annualAttrition ?? 0;
  // survival_r(t) once per role and month: the groups below reuse it many times.
  const survivals = new Map<number, number[]>();
  const survivalOf = (roleId: number, t: number) => {
    let curve = survivals.get(roleId);
    if (!curve) {
      const annual = attritionOf(roleId);
      curve = Array.from({ length: input.horizon + 1 }, (_, k) => survival(annual, k));
      survivals.set(roleId, curve);
    }
    return curve[t];
  };
  const purchases = input.budget ? budgetPurchases(input.budget, attritionOf) : [];
  const bought = purchases.reduce((sum, p) => sum + p.count, 0);
  const trainingFrom = input.budget ? trainingFirstMonth(input.asOf, input.budget.credential.hours) : Infinity;

  return {
    purchases: bought,
    months: months.map((month, i) => {
      const t = i + 1;
      const key = month.slice(0, 7);
      let demand = 0;
      for (const role of input.roles) {
        let planned = role.plan?.[key] ?? role.headcount;
        for (const change of input.hiring ?? [])
          if (change.roleId === role.roleId && change.month <= key) planned += change.change;
        demand += Math.max(0, planned);
      }
      let supply = 0;
      let expiryCliff = 0;
      for (const group of input.qualified) {
        const stillValid = group.validUntil > month;
        if (stillValid) expiryCliff += group.count;
        supply += group.count * survivalOf(group.roleId, t) * (stillValid ? 1 : input.renewalRate);
      }
      for (const candidate of input.pipeline) {
        let best = 0;
        for (const option of candidate.options)
          if (option.dueDate <= month && option.completionRate > best) best = option.completionRate;
        supply += survivalOf(candidate.roleId, t) * best;
      }
      if (input.budget && t >= trainingFrom) {
        for (const purchase of purchases) {
          supply += purchase.count * survivalOf(purchase.roleId, t) * input.budget.credential.completionRate;
        }
      }
      const shortfall = round1(Math.max(0, demand - supply));
      const units = Math.ceil(shortfall);
      return {
        month,
        demand: round1(demand),
        supply: round1(supply),
        shortfall,
        hours: input.closing ? round1(units * input.closing.hours) : 0,
        cost: input.closing ? round2(units * input.closing.cost) : 0,
        expiryCliff,
      };
    }),
  };
}

/** Mean absolute percentage error in percent, over the pairs whose actual is not 0; null if none. */
export function meanAbsolutePercentageError(pairs: ReadonlyArray<{ forecast: number; actual: number }>): number | null {
  const usable = pairs.filter((p) => p.actual !== 0);
  if (!usable.length) return null;
  const total = usable.reduce((sum, p) => sum + Math.abs(p.forecast - p.actual) / Math.abs(p.actual), 0);
  return round1((total / usable.length) * 100);
}

/** Parses "YYYY-MM" and checks it is a real month. */
export function isYearMonth(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}
