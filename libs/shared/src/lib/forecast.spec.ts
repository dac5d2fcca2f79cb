import {
  annualAttrition,
  attritionPoints,
  budgetPurchases,
  forecastMonth,
  forecastMonths,
  meanAbsolutePercentageError,
  monthlyAttrition,
  rateWithFallback,
  runForecast,
  survival,
  trainingFirstMonth,
  type ForecastInput,
} from './forecast';

/** An annual rate whose monthly rate is exactly 10 %: survival(t) = 0.9^t. */
const TEN_PERCENT_A_MONTH = 1 - Math.pow(0.9, 12);

/**
 * Role A needs level 3; 4 positions; 2 holders qualified for good, 1 whose qualification lapses
 * on 2025-03-10, and 1 unqualified with two open assignments (due 20 Feb at 60 %, 5 Mar at 80 %).
 */
function baseInput(overrides: Partial<ForecastInput> = {}): ForecastInput {
  return {
    asOf: '2025-01-15',
    horizon: 3,
    roles: [{ roleId: 1, requiredLevel: 3, headcount: 4, annualAttrition: TEN_PERCENT_A_MONTH }],
    qualified: [
      { roleId: 1, validUntil: '9999-12-31', count: 2 },
      { roleId: 1, validUntil: '2025-03-10', count: 1 },
    ],
    pipeline: [
      {
        roleId: 1,
        options: [
          { dueDate: '2025-02-20', completionRate: 0.6 },
          { dueDate: '2025-03-05', completionRate: 0.8 },
        ],
      },
    ],
    renewalRate: 0.5,
    closing: { hours: 8, cost: 100 },
    ...overrides,
  };
}

describe('forecast months', () => {
  it('are the last days of the months after d’s month', () => {
    expect(forecastMonths('2025-01-31', 3)).toEqual(['2025-02-28', '2025-03-31', '2025-04-30']);
    expect(forecastMonth('2024-12-15', 2)).toEqual('2025-02-28');
    expect(forecastMonth('2024-01-10', 1)).toEqual('2024-02-29');
  });
});

describe('attrition and survival', () => {
  it('turns an annual rate into a monthly one and survival into (1 − m)^t', () => {
    expect(monthlyAttrition(TEN_PERCENT_A_MONTH)).toBeCloseTo(0.1, 12);
    expect(survival(TEN_PERCENT_A_MONTH, 3)).toBeCloseTo(0.729, 12);
    expect(monthlyAttrition(0.2)).toBeCloseTo(1 - Math.pow(0.8, 1 / 12), 12);
    expect(survival(0, 36)).toBe(1);
  });

  it('divides the leavers by the average headcount over 13 points', () => {
    expect(annualAttrition(3, Array(13).fill(10))).toBeCloseTo(0.3, 12);
    expect(annualAttrition(2, [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 17])).toBeCloseTo(2 / 5, 12);
    expect(annualAttrition(2, Array(13).fill(0))).toBe(0);
  });

  it('takes d and the 12 month-ends before it', () => {
    const points = attritionPoints('2025-01-15');
    expect(points).toHaveLength(13);
    expect(points[0]).toBe('2025-01-15');
    expect(points[1]).toBe('2024-12-31');
    expect(points[12]).toBe('2024-01-31');
  });
});

describe('rates with a fallback', () => {
  it('uses its own share from 10 observations, the organisation’s below', () => {
    expect(rateWithFallback({ events: 3, total: 10 }, { events: 1, total: 2 })).toEqual({ rate: 0.3, basis: 'own' });
    expect(rateWithFallback({ events: 3, total: 9 }, { events: 1, total: 4 })).toEqual({ rate: 0.25, basis: 'organisation' });
    expect(rateWithFallback({ events: 0, total: 0 }, { events: 0, total: 0 })).toEqual({ rate: 0, basis: 'organisation' });
  });
});

describe(runForecast.name, () => {
  it('computes survival, expiry with and without renewal and the pipeline by hand', () => {
    const sut = runForecast(baseInput());
    // t=1: 3 valid × 0.9 + pipeline 0.6 × 0.9 = 3.24; shortfall 0.76 → 1 credential.
    // t=2: 2 × 0.81 + 1 lapsed × 0.81 × 0.5 + 0.8 × 0.81 = 2.673.
    // t=3: 0.729 × (2 + 0.5 + 0.8) = 2.4057.
    expect(sut.months).toEqual([
      { month: '2025-02-28', demand: 4, supply: 3.2, shortfall: 0.8, hours: 8, cost: 100, expiryCliff: 3 },
      { month: '2025-03-31', demand: 4, supply: 2.7, shortfall: 1.3, hours: 16, cost: 200, expiryCliff: 2 },
      { month: '2025-04-30', demand: 4, supply: 2.4, shortfall: 1.6, hours: 16, cost: 200, expiryCliff: 2 },
    ]);
  });

  it('keeps every lapsed holder when everyone renews and nobody leaves', () => {
    const sut = runForecast(
      baseInput({ renewalRate: 1, roles: [{ roleId: 1, requiredLevel: 3, headcount: 4, annualAttrition: 0 }] }),
    );
    expect(sut.months.map((m) => m.supply)).toEqual([3.6, 3.8, 3.8]);
    expect(sut.months.map((m) => m.shortfall)).toEqual([0.4, 0.2, 0.2]);
    expect(sut.months.map((m) => m.expiryCliff)).toEqual([3, 2, 2]);
  });

  it('takes demand from the headcount plan where given and adds hiring changes from their month on', () => {
    const sut = runForecast(
      baseInput({
        roles: [{ roleId: 1, requiredLevel: 3, headcount: 4, annualAttrition: TEN_PERCENT_A_MONTH, plan: { '2025-03': 6 } }],
        hiring: [{ roleId: 1, month: '2025-04', change: 2 }],
      }),
    );
    expect(sut.months.map((m) => m.demand)).toEqual([4, 6, 6]);
    // t=2: 6 − 2.673 = 3.327 → 3.3, 4 credentials.
    expect(sut.months[1]).toMatchObject({ shortfall: 3.3, cost: 400, hours: 32 });
  });

  it('spends a budget on the cheapest gap-closing credential from the month after its hours at 10 h a week', () => {
    const sut = runForecast(
      baseInput({
        budget: { amount: 250, credential: { hours: 40, cost: 100, completionRate: 0.5 }, candidates: [{ roleId: 1, count: 3 }] },
      }),
    );
    expect(sut.purchases).toBe(2);
    // 40 h = 4 weeks: done 12 Feb, counts from March (t=2): + 2 × 0.81 × 0.5, then + 2 × 0.729 × 0.5.
    expect(sut.months.map((m) => m.supply)).toEqual([3.2, 3.5, 3.1]);
  });

  it('reports no hours or cost when no credential closes the gap', () => {
    const sut = runForecast(baseInput({ closing: null }));
    expect(sut.months[0]).toMatchObject({ shortfall: 0.8, hours: 0, cost: 0 });
  });
});

describe(budgetPurchases.name, () => {
  it('buys what the budget affords, capped by the people who could take it, lowest attrition first', () => {
    const attrition = new Map([
      [1, 0.3],
      [2, 0.1],
    ]);
    const sut = budgetPurchases(
      {
        amount: 1000,
        credential: { hours: 8, cost: 300, completionRate: 1 },
        candidates: [
          { roleId: 1, count: 5 },
          { roleId: 2, count: 2 },
        ],
      },
      (roleId) => attrition.get(roleId) ?? 0,
    );
    expect(sut).toEqual([
      { roleId: 2, count: 2 },
      { roleId: 1, count: 1 },
    ]);
  });
});

describe(trainingFirstMonth.name, () => {
  it('counts from the month after the training ends', () => {
    expect(trainingFirstMonth('2025-01-15', 8)).toBe(1);
    expect(trainingFirstMonth('2025-01-15', 40)).toBe(2);
    expect(trainingFirstMonth('2025-01-31', 2)).toBe(2);
  });
});

describe(meanAbsolutePercentageError.name, () => {
  it('averages |forecast − actual| / actual over the months whose actual is not 0', () => {
    expect(
      meanAbsolutePercentageError([
        { forecast: 9, actual: 10 },
        { forecast: 12, actual: 10 },
        { forecast: 5, actual: 0 },
      ]),
    ).toBe(15);
    expect(meanAbsolutePercentageError([{ forecast: 1, actual: 0 }])).toBeNull();
  });
});
