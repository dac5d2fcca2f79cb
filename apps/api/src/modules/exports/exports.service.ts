import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import {
  fileNameSlug,
  type ForecastDto,
  type ForecastMonthDto,
  type GapEmployeeRowDto,
  type GapReportDto,
  type HeatmapCellDto,
  type HeatmapDto,
} from '@skillgrid/shared';
import type { SessionUser } from '../../common/auth/session-user';
import { AnalyticsContextService } from '../analytics/analytics-context';
import { AnalyticsService } from '../analytics/analytics.service';
import type { GapsQuery, HeatmapQuery } from '../analytics/dto/analytics.query';
import { GapEmployeesService } from '../analytics/gap-employees.service';
import type { ForecastQuery } from '../forecasts/dto/forecast.query';
import { ForecastsService } from '../forecasts/forecasts.service';
import { OrganisationService } from '../organisation/organisation.service';
import type { Report, ReportChart, ReportColumn, ReportRow, ReportTable } from './report';

/**
 * People short are read this many at a time. Each read ranks the whole scope again, so fewer,
 * larger reads are faster; a scope lists at most GAP_PEOPLE_LIMIT (20,000) people.
 */
const PEOPLE_CHUNK = 10_000;
/** Bars of a PDF chart: more would not be readable. */
const CHART_BARS = 30;
const CHART_SKILLS = 25;
const CRITICAL_WEIGHT = 3;

const text = (header: string, width = 24): ReportColumn => ({ header, kind: 'text', width });
const integer = (header: string, width = 11): ReportColumn => ({ header, kind: 'integer', width });
const decimal = (header: string, width = 10): ReportColumn => ({ header, kind: 'decimal', width });
const percent = (header: string, width = 10): ReportColumn => ({ header, kind: 'percent', width });

const formatNumber = (value: number | null): string => (value === null ? 'withheld' : value.toLocaleString('en'));
const formatShare = (value: number | null): string => (value === null ? '–' : `${Math.round(value * 100)}%`);

/** Excel refuses sheet names over 31 characters or with : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}

/** Σ met / Σ required over the figures shown (withheld ones are left out of both). */
function coverageOf(rows: Array<{ required: number | null; met: number | null }>): number | null {
  let required = 0;
  let met = 0;
  for (const row of rows) {
    if (row.required === null || row.met === null) continue;
    required += row.required;
    met += row.met;
  }
  return required === 0 ? null : met / required;
}

function sumKnown(values: Array<number | null>): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length ? known.reduce((sum, value) => sum + value, 0) : null;
}

/**
 * The report behind each export: the same service calls, scoping and privacy as the JSON
 * endpoints (GET /analytics/heatmap, /analytics/gaps and /forecast), laid out as tables for the writers.
 */
@Injectable()
export class ExportsService implements OnModuleInit {
  private analytics!: AnalyticsService;
  private contexts!: AnalyticsContextService;
  private gapEmployees!: GapEmployeesService;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly organisation: OrganisationService,
    private readonly forecasts: ForecastsService,
  ) {}

  /**
   * The analytics module's own instances (it exports none): the exports then follow any change
   * to how those services are wired, and share their caches.
   */
  onModuleInit(): void {
    this.analytics = this.moduleRef.get(AnalyticsService, { strict: false });
    this.contexts = this.moduleRef.get(AnalyticsContextService, { strict: false });
    this.gapEmployees = this.moduleRef.get(GapEmployeesService, { strict: false });
  }

  // ---- heatmap ---------------------------------------------------------------------------

  async heatmap(user: SessionUser, query: HeatmapQuery): Promise<Report> {
    const map = await this.analytics.heatmap(user, query);
    const settings = await this.organisation.settings();
    const exec = map.privacyMinGroup !== null;
    const groups = new Map(map.groups.map((group) => [group.id, group]));
    const skills = new Map(map.skills.map((skill) => [skill.id, skill]));
    const cellsByGroup = new Map<number, HeatmapCellDto[]>();
    for (const cell of map.cells) {
      const list = cellsByGroup.get(cell.groupId) ?? [];
      list.push(cell);
      cellsByGroup.set(cell.groupId, list);
    }
    const scopeName = map.team?.name ?? (user.role === 'manager' ? 'My teams' : 'Organisation');
    const groupNoun = { team: 'Team', role: 'Role', location: 'Location' }[map.groupBy];

    const groupRows = map.groups.map((group) => {
      const cells = cellsByGroup.get(group.id) ?? [];
      return {
        group,
        // Over the cells whose met is shown (all of them but for executives), so met / required is the coverage.
        required: group.suppressed ? null : sumKnown(cells.filter((c) => c.met !== null).map((c) => c.required)),
        met: group.suppressed ? null : sumKnown(cells.map((c) => c.met)),
        coverage: group.suppressed ? null : coverageOf(cells),
        gapPoints: group.suppressed ? null : (sumKnown(cells.map((c) => c.gapPoints)) ?? (cells.length ? null : 0)),
      };
    });

    const coverage: ReportTable = {
      sheet: 'Coverage',
      title: `Coverage of required skills: ${groupNoun.toLowerCase()}s × skills`,
      columns: [
        text(groupNoun, 30),
        ...map.skills.map((skill) => percent(skill.name, Math.min(24, Math.max(10, skill.name.length + 2)))),
      ],
      freezeFirstColumn: true,
      pdfOmit: map.skills.length > 10,
      rows: () =>
        map.groups.map((group): ReportRow => {
          const bySkill = new Map((cellsByGroup.get(group.id) ?? []).map((cell) => [cell.skillId, cell]));
          return [
            group.name,
            ...map.skills.map((skill) => {
              if (group.suppressed) return 'suppressed';
              return bySkill.get(skill.id)?.coverage ?? null;
            }),
          ];
        }),
    };
    const cells: ReportTable = {
      sheet: 'Cells',
      title: `Every ${groupNoun.toLowerCase()} and skill`,
      columns: [
        text(groupNoun, 28),
        text('Skill', 26),
        text('Category', 18),
        text('Kind', 7),
        integer('Headcount', 12),
        integer('Holders ≥1'),
        integer('Holders ≥2'),
        integer('Holders ≥3'),
        integer('Holders ≥4'),
        integer('Holders ≥5'),
        decimal('Avg level'),
        integer('Required'),
        integer('Met', 8),
        percent('Coverage', 11),
        integer('Gap points'),
        text('Suppressed', 12),
      ],
      freezeFirstColumn: true,
      pdfRowLimit: 1_500,
      rows: () =>
        map.cells.map((cell): ReportRow => {
          const skill = skills.get(cell.skillId);
          const holders = cell.holders ?? [null, null, null, null, null];
          return [
            groups.get(cell.groupId)?.name ?? `#${cell.groupId}`,
            skill?.name ?? `#${cell.skillId}`,
            skill?.category ?? null,
            skill?.kind ?? null,
            cell.headcount,
            ...holders,
            cell.avgLevel,
            cell.required,
            cell.met,
            cell.coverage,
            cell.gapPoints,
            cell.suppressed ? 'suppressed' : 'no',
          ];
        }),
    };
    const groupTable: ReportTable = {
      sheet: sheetName(`${groupNoun}s`),
      title: `By ${groupNoun.toLowerCase()}: headcount, data completeness and coverage over all skills`,
      columns: [
        text(groupNoun, 30),
        integer('Headcount'),
        integer('With credentials', 14),
        percent('Completeness', 13),
        integer('Required'),
        integer('Met', 8),
        percent('Coverage'),
        integer('Gap points'),
        text('Suppressed', 11),
      ],
      freezeFirstColumn: true,
      rows: () =>
        groupRows.map(
          ({ group, required, met, coverage: share, gapPoints }): ReportRow => [
            group.name,
            group.suppressed ? 'suppressed' : group.headcount,
            group.withCredentials,
            group.completeness,
            required,
            met,
            share,
            gapPoints,
            group.suppressed ? 'suppressed' : 'no',
          ],
        ),
    };

    const shown = map.groups.filter((group) => !group.suppressed);
    const chart: ReportChart | null = map.groups.length
      ? {
          title: `Coverage of required skills by ${groupNoun.toLowerCase()}${map.groups.length > CHART_BARS ? ` (the first ${CHART_BARS} of ${map.groups.length})` : ''}`,
          kind: 'percent',
          empty: 'no skill required',
          bars: groupRows
            .slice(0, CHART_BARS)
            .map((row) => ({ label: row.group.name, value: row.coverage, suppressed: row.group.suppressed })),
          note: exec ? `Groups of fewer than ${map.privacyMinGroup} people are suppressed.` : undefined,
        }
      : null;
    const suppressedGroups = map.groups.length - shown.length;
    const filters: Array<[string, string]> = [
      ['Group by', groupNoun.toLowerCase()],
      ['Team', scopeName],
      ['Include sub-teams', map.includeSubteams ? 'yes' : 'no'],
      ['Skill category', query.category === undefined ? 'all' : (map.skills[0]?.category ?? `#${query.category}`)],
      ['Skill kind', query.kind ?? 'all'],
      ['As of', map.asOf],
    ];
    return {
      fileName: `skillgrid-heatmap-by-${map.groupBy}-${fileNameSlug(scopeName)}-${map.asOf}`,
      title: `Skills heatmap: ${scopeName}`,
      organisation: settings.name,
      asOf: map.asOf,
      generatedAt: new Date(),
      filters,
      keyFigures: [
        [`${groupNoun}s`, map.groups.length.toLocaleString('en')],
        ['Skills', map.skills.length.toLocaleString('en')],
        ['People', formatNumber(sumKnown(shown.map((group) => group.headcount)))],
        ['Coverage of required skills', formatShare(coverageOf(map.cells))],
        ['Gap points', formatNumber(sumKnown(map.cells.map((cell) => cell.gapPoints)))],
        ...(exec ? ([['Groups suppressed', suppressedGroups.toLocaleString('en')]] as Array<[string, string]>) : []),
      ],
      chart,
      tables: [coverage, cells, groupTable],
      csvTable: cells,
      notes: this.heatmapNotes(map),
    };
  }

  private heatmapNotes(map: HeatmapDto): string[] {
    const notes = [
      'Coverage = people meeting their role’s required level / people whose role requires the skill; gap points = levels short, summed (DESIGN §3).',
    ];
    if (map.privacyMinGroup !== null)
      notes.push(
        `Aggregates only. Groups of fewer than ${map.privacyMinGroup} people are suppressed, and met, coverage and gap points are withheld where fewer than ${map.privacyMinGroup} people are required to hold a skill.`,
      );
    return notes;
  }

  // ---- gaps ------------------------------------------------------------------------------

  async gaps(user: SessionUser, query: GapsQuery): Promise<Report> {
    // One row of people is enough here: the people short are read below, page by page.
    const report = await this.analytics.gaps(user, { ...query, page: 1, pageSize: 1 });
    const settings = await this.organisation.settings();
    const exec = user.role === 'exec';

    const bySkill: ReportTable = {
      sheet: 'By skill',
      title: 'Gap points by required skill (critical first)',
      columns: [
        text('Skill', 28),
        text('Category', 18),
        text('Kind', 7),
        text('Critical', 9),
        integer('Required level', 14),
        integer('Weight', 8),
        integer('People required', 15),
        integer('Met', 8),
        percent('Coverage'),
        integer('Gap points'),
        integer('Weighted gap points', 18),
      ],
      freezeFirstColumn: true,
      rows: () =>
        report.skills.map(
          (row): ReportRow => [
            row.skillName,
            row.category,
            row.kind,
            row.weight === CRITICAL_WEIGHT ? 'yes' : 'no',
            row.requiredLevel,
            row.weight,
            row.suppressed ? 'suppressed' : row.required,
            row.met,
            row.coverage,
            row.gapPoints,
            row.weightedGapPoints,
          ],
        ),
    };
    const tables: ReportTable[] = [bySkill];
    if (report.employees !== null) {
      tables.push({
        sheet: 'People short',
        title: 'People short of their role’s requirements',
        columns: [
          text('Name', 26),
          text('Team', 24),
          text('Role', 24),
          percent('Readiness'),
          integer('Gap points'),
          integer('Weighted gap points', 18),
          text('Short of (current / required level)', 60),
        ],
        freezeFirstColumn: true,
        pdfRowLimit: 1_000,
        rows: (limit) => this.peopleShort(user, query, report, limit),
      });
    }

    const totalGap = sumKnown(report.skills.map((row) => row.gapPoints));
    const largest = [...report.skills]
      .filter((row) => (row.gapPoints ?? 0) > 0)
      .sort((a, b) => (b.weightedGapPoints ?? -1) - (a.weightedGapPoints ?? -1))
      .slice(0, CHART_SKILLS);
    const chart: ReportChart | null = largest.length
      ? {
          title: `Gap points by skill${report.skills.length > CHART_SKILLS ? `: the ${largest.length} largest` : ''}`,
          kind: 'number',
          empty: 'withheld',
          bars: largest.map((row) => ({
            label: `${row.skillName}${row.weight === CRITICAL_WEIGHT ? ' (critical)' : ''}`,
            value: row.gapPoints,
          })),
        }
      : null;
    const notes = [
      'Gap points = levels short of the role’s required level, summed over the people whose role requires the skill; weighted by the requirement’s weight (3 = critical).',
    ];
    if (report.suppressed)
      notes.push(`This group has fewer than ${settings.privacyMinGroup} people: its figures are withheld for privacy.`);
    if (exec) notes.push('Aggregates only: executives’ exports name no one.');
    if (report.employeesNote) notes.push(report.employeesNote);
    const scopeLabel = { organisation: 'Scope', team: 'Team', role: 'Role', employee: 'Employee' }[report.scope.kind];
    return {
      fileName: `skillgrid-gaps-${fileNameSlug(report.scope.name)}-${report.asOf}`,
      title: `Gap report: ${report.scope.name}`,
      organisation: settings.name,
      asOf: report.asOf,
      generatedAt: new Date(),
      filters: [
        [scopeLabel, report.scope.name],
        ['As of', report.asOf],
        ...(report.employees !== null
          ? ([['People sorted by', `${query.sort ?? 'weightedGapPoints'} ${query.order ?? ''}`.trim()]] as Array<
              [string, string]
            >)
          : []),
      ],
      keyFigures: [
        ['People', report.suppressed ? 'suppressed' : formatNumber(report.headcount)],
        ['Required skills', report.skills.length.toLocaleString('en')],
        ['Coverage of required skills', formatShare(coverageOf(report.skills))],
        ['Gap points', formatNumber(totalGap)],
        ['Weighted gap points', formatNumber(sumKnown(report.skills.map((row) => row.weightedGapPoints)))],
        ...(report.employees !== null
          ? ([['People short', report.employees.total.toLocaleString('en')]] as Array<[string, string]>)
          : []),
      ],
      chart,
      tables,
      csvTable: bySkill,
      notes,
    };
  }

  /** Every person short in the report's scope (or the first `limit`), in the order asked for, a chunk at a time. */
  private async *peopleShort(
    user: SessionUser,
    query: GapsQuery,
    report: GapReportDto,
    limit = Number.POSITIVE_INFINITY,
  ): AsyncGenerator<ReportRow> {
    const row = (person: GapEmployeeRowDto): ReportRow => [
      person.name,
      person.teamName,
      person.roleName,
      person.readiness,
      person.gapPoints,
      person.weightedGapPoints,
      person.gaps.map((gap) => `${gap.skillName} ${gap.currentLevel}/${gap.requiredLevel}`).join('; '),
    ];
    if (report.scope.kind === 'employee') {
      for (const person of report.employees?.items ?? []) yield row(person);
      return;
    }
    const ctx = await this.contexts.context(user, query.asOf);
    // analytics.gaps has checked the team is visible; the same scope as its people list.
    const within = query.teamId !== undefined ? [query.teamId] : ctx.roots;
    const pageSize = Math.min(PEOPLE_CHUNK, limit);
    for (let page = 1; ; page++) {
      const chunk = await this.gapEmployees.page(ctx, { within, roleId: query.roleId }, { ...query, page, pageSize });
      for (const person of chunk.items) yield row(person);
      if (chunk.items.length < pageSize || page * pageSize >= Math.min(chunk.total, limit)) return;
    }
  }

  // ---- forecast --------------------------------------------------------------------------

  async forecast(user: SessionUser, query: ForecastQuery): Promise<Report> {
    const forecast = await this.forecasts.forecast(user, query);
    const settings = await this.organisation.settings();
    const scenario = forecast.scenario ?? null;
    const scopeName = this.forecastScopeName(forecast, user);
    const series = (prefix: string): ReportColumn[] => [
      decimal(`${prefix}demand`, 12),
      decimal(`${prefix}supply`, 12),
      decimal(`${prefix}shortfall`, 13),
      integer(`${prefix}hours`, 12),
      integer(`${prefix}cost (${forecast.currency})`, 14),
      decimal(`${prefix}expiry cliff`, 14),
    ];
    const figures = (month: ForecastMonthDto | undefined): ReportRow =>
      forecast.suppressed
        ? ['suppressed', null, null, null, null, null]
        : [
            month?.demand ?? null,
            month?.supply ?? null,
            month?.shortfall ?? null,
            month?.hours ?? null,
            month?.cost ?? null,
            month?.expiryCliff ?? null,
          ];
    const months: ReportTable = {
      sheet: 'Months',
      title: scenario ? `Month by month: baseline and scenario "${scenario.name ?? 'unsaved'}" side by side` : 'Month by month',
      columns: [text('Month', 12), ...series(scenario ? 'Baseline ' : ''), ...(scenario ? series('Scenario ') : [])].map(
        (column) => ({
          ...column,
          header: column.header.charAt(0).toUpperCase() + column.header.slice(1),
        }),
      ),
      freezeFirstColumn: true,
      rows: () =>
        forecast.months.map(
          (month, index): ReportRow => [month.month, ...figures(month), ...(scenario ? figures(scenario.months[index]) : [])],
        ),
    };
    const tables: ReportTable[] = [months];
    const assumptions = forecast.assumptions;
    if (assumptions) {
      tables.push({
        sheet: 'Assumptions',
        title: 'Positions by role and the attrition assumed (baseline)',
        columns: [
          text('Role', 28),
          integer('Required level', 14),
          integer('Positions today', 15),
          percent('Annual attrition', 16),
          percent('Monthly attrition', 17),
          text('Attrition from', 14),
        ],
        freezeFirstColumn: true,
        rows: () =>
          assumptions.roles.map(
            (role): ReportRow => [
              role.roleName,
              role.requiredLevel,
              role.headcount,
              role.annualAttrition,
              role.monthlyAttrition,
              role.attritionSource === 'override' ? 'override' : 'leavers',
            ],
          ),
      });
    }
    const backtest = forecast.backtest?.skills.find((skill) => skill.skillId === forecast.skill.id);
    if (backtest && !forecast.backtest?.suppressed) {
      tables.push({
        sheet: 'Backtest',
        title: `Backtest: the forecast as of ${forecast.backtest?.asOf} against what happened`,
        columns: [text('Month', 12), decimal('Forecast supply', 16), decimal('Naive (no change)', 17), decimal('Actual', 10)],
        freezeFirstColumn: true,
        rows: () => backtest.months.map((month): ReportRow => [month.month, month.forecast, month.naive, month.actual]),
      });
    }

    const peak = (list: ForecastMonthDto[]) =>
      list.reduce<ForecastMonthDto | null>(
        (best, month) => ((month.shortfall ?? 0) > (best?.shortfall ?? 0) ? month : best),
        null,
      );
    const basePeak = peak(forecast.months);
    const scenarioPeak = scenario ? peak(scenario.months) : null;
    const last = forecast.months[forecast.months.length - 1];
    const one = (value: number | null | undefined) =>
      value === null || value === undefined ? '–' : value.toLocaleString('en', { maximumFractionDigits: 1 });
    const withheld = (value: string) => (forecast.suppressed ? 'suppressed' : value);
    const keyFigures: Array<[string, string]> = [
      ['Positions today', withheld(one(assumptions?.positions))],
      ['Qualified today', withheld(one(assumptions?.qualified))],
      ['Peak shortfall', withheld(basePeak ? `${one(basePeak.shortfall)} (${basePeak.month.slice(0, 7)})` : 'none')],
      [`Cost to close the peak (${forecast.currency})`, withheld(one(basePeak?.cost ?? 0))],
      [`Expiry cliff at month ${forecast.horizon}`, withheld(one(last?.expiryCliff))],
    ];
    if (scenario)
      keyFigures.push([
        'Scenario peak shortfall',
        withheld(scenarioPeak ? `${one(scenarioPeak.shortfall)} (${scenarioPeak.month.slice(0, 7)})` : 'none'),
      ]);
    const notes = [
      'Demand = planned positions needing the skill; supply = qualified people expected to stay and stay qualified (renewals at the historic rate) plus those expected to qualify through open assignments; figures are fractional (DESIGN §3).',
    ];
    if (assumptions?.closingCredential)
      notes.push(
        `Hours and cost to close: the shortfall rounded up × ${assumptions.closingCredential.name} (${assumptions.closingCredential.hours} h, ${assumptions.closingCredential.cost} ${forecast.currency}), the cheapest credential by ${forecast.costBy} that qualifies.`,
      );
    if (forecast.suppressed)
      notes.push(`Fewer than ${settings.privacyMinGroup} positions: every figure is withheld for privacy.`);
    return {
      fileName: `skillgrid-forecast-${fileNameSlug(forecast.skill.name)}-${fileNameSlug(scopeName)}-${forecast.asOf}`,
      title: `Workforce forecast: ${forecast.skill.name}, ${scopeName}`,
      organisation: settings.name,
      asOf: forecast.asOf,
      generatedAt: new Date(),
      filters: [
        ['Skill', forecast.skill.name],
        ['Scope', scopeName],
        ['Horizon', `${forecast.horizon} months`],
        [
          'Attrition',
          query.attritionRate === undefined ? 'computed from leavers' : `${Math.round(query.attritionRate * 100)}% a year`,
        ],
        ['Scenario', scenario ? (scenario.name ?? 'unsaved') : 'none'],
        ['Closing credential by', forecast.costBy],
        ['As of', forecast.asOf],
      ],
      keyFigures,
      chart: forecast.suppressed
        ? null
        : {
            title: 'Shortfall by month (baseline)',
            kind: 'number',
            empty: 'none',
            bars: forecast.months.map((month) => ({ label: month.month.slice(0, 7), value: month.shortfall })),
          },
      tables,
      csvTable: months,
      notes,
    };
  }

  private forecastScopeName(forecast: ForecastDto, user: SessionUser): string {
    const parts = [forecast.scope.teamName, forecast.scope.roleName].filter((part): part is string => part !== null);
    if (parts.length) return parts.join(', ');
    return user.role === 'manager' ? 'My teams' : 'Organisation';
  }
}
