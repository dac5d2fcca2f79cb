import type {
  BacktestDto,
  ForecastDto,
  ForecastMonthDto,
  ForecastScenarioDto,
  ForecastSummaryDto,
  ForecastSummarySkillDto,
} from '@skillgrid/shared';

export function makeForecastMonths(count = 3, overrides: Partial<ForecastMonthDto> = {}): ForecastMonthDto[] {
  const months = ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30'];
  return Array.from({ length: count }, (_, i) => ({
    month: months[i % months.length],
    demand: 10,
    supply: 8 - i * 0.5,
    shortfall: 2 + i * 0.5,
    hours: 20 + i * 10,
    cost: 400 + i * 200,
    expiryCliff: 7 - i,
    ...overrides,
  }));
}

export function makeForecast(overrides: Partial<ForecastDto> = {}): ForecastDto {
  return {
    skill: { id: 1, name: 'Welding' },
    scope: { teamId: null, teamName: null, roleId: null, roleName: null },
    asOf: '2025-12-15',
    horizon: 3,
    costBy: 'cost',
    currency: 'EUR',
    suppressed: false,
    months: makeForecastMonths(3),
    assumptions: {
      attrition: 0.12,
      roles: [],
      renewalRate: 0.4,
      renewalBasis: 'skill',
      completionRates: [],
      closingCredential: { id: 5, name: 'Welding Cert', hours: 10, cost: 200 },
      positions: 10,
      qualified: 8,
      inPipeline: 1,
    },
    ...overrides,
  };
}

export function makeSummarySkill(overrides: Partial<ForecastSummarySkillDto> = {}): ForecastSummarySkillDto {
  return {
    skillId: 1,
    skillName: 'Welding',
    category: 'Operations',
    positions: 10,
    suppressed: false,
    points: [
      { monthIndex: 3, month: '2026-03-31', demand: 10, supply: 7, shortfall: 3 },
      { monthIndex: 6, month: '2026-06-30', demand: 10, supply: 6, shortfall: 4 },
      { monthIndex: 12, month: '2026-12-31', demand: 10, supply: 5, shortfall: 5 },
    ],
    peakShortfall: 5,
    peakMonth: '2026-12-31',
    costToClose: 1000,
    hoursToClose: 50,
    expiryCliffAtHorizon: 4,
    ...overrides,
  };
}

export function makeSummary(overrides: Partial<ForecastSummaryDto> = {}): ForecastSummaryDto {
  return {
    scope: { teamId: null, teamName: null, roleId: null, roleName: null },
    asOf: '2025-12-15',
    horizon: 12,
    currency: 'EUR',
    skills: [makeSummarySkill()],
    ...overrides,
  };
}

export function makeBacktest(overrides: Partial<BacktestDto> = {}): BacktestDto {
  return {
    asOf: '2024-12-15',
    comparedTo: '2025-12-15',
    skills: [
      {
        skillId: 1,
        skillName: 'Welding',
        months: [
          { month: '2025-01-31', forecast: 9, naive: 10, actual: 9 },
          { month: '2025-02-28', forecast: 8.5, naive: 10, actual: 8 },
        ],
        mape: 3.1,
        naiveMape: 18.1,
      },
    ],
    mape: 3.1,
    naiveMape: 18.1,
    ...overrides,
  };
}

export function makeScenario(overrides: Partial<ForecastScenarioDto> = {}): ForecastScenarioDto {
  return {
    id: 7,
    name: 'Hiring freeze',
    attritionRate: 0.2,
    createdAt: '2025-12-01T10:00:00.000Z',
    updatedAt: '2025-12-01T10:00:00.000Z',
    ...overrides,
  };
}
