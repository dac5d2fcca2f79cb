import {
  addTallies,
  capabilityTargetStatus,
  cellFigures,
  completeness,
  isMonthEnd,
  isSinglePointOfFailure,
  tallyMembers,
} from './analytics';

describe('heatmap cell (DESIGN §3)', () => {
  it('gives the worked example: levels 4 (needs 3), 2 (needs 3), 3 (needs 2), 0 (needs 2)', () => {
    const tally = tallyMembers([
      { level: 4, requiredLevel: 3 },
      { level: 2, requiredLevel: 3 },
      { level: 3, requiredLevel: 2 },
      { level: 0, requiredLevel: 2 },
    ]);
    expect(cellFigures(tally)).toEqual({
      headcount: 4,
      holders: [3, 3, 2, 1, 0],
      avgLevel: 2.25,
      required: 4,
      met: 2,
      coverage: 0.5,
      gapPoints: 3,
      suppressed: false,
    });
  });

  it('has no coverage when nobody is required to hold the skill, and counts zeros in the average', () => {
    const figures = cellFigures(
      tallyMembers([
        { level: 5, requiredLevel: null },
        { level: 0, requiredLevel: null },
      ]),
    );
    expect(figures).toMatchObject({ required: 0, met: 0, coverage: null, gapPoints: 0, avgLevel: 2.5, holders: [1, 1, 1, 1, 1] });
  });

  it('adds sub-team tallies into the same figures as counting everyone at once', () => {
    const a = [
      { level: 4, requiredLevel: 3 },
      { level: 1, requiredLevel: null },
    ];
    const b = [
      { level: 0, requiredLevel: 2 },
      { level: 3, requiredLevel: 5 },
      { level: 2, requiredLevel: 2 },
    ];
    expect(cellFigures(addTallies(tallyMembers(a), tallyMembers(b)))).toEqual(cellFigures(tallyMembers([...a, ...b])));
  });

  it('suppresses a small group whole for executives, and withholds met, coverage and gaps when few are required', () => {
    const four = tallyMembers(Array.from({ length: 4 }, () => ({ level: 3, requiredLevel: 3 })));
    expect(cellFigures(four, 5)).toEqual({
      headcount: null,
      holders: null,
      avgLevel: null,
      required: null,
      met: null,
      coverage: null,
      gapPoints: null,
      suppressed: true,
    });
    const six = tallyMembers([
      ...Array.from({ length: 4 }, () => ({ level: 3, requiredLevel: null })),
      { level: 1, requiredLevel: 2 },
      { level: 2, requiredLevel: 2 },
    ]);
    expect(cellFigures(six, 5)).toMatchObject({
      headcount: 6,
      required: 2,
      met: null,
      coverage: null,
      gapPoints: null,
      suppressed: false,
    });
    expect(cellFigures(six, null)).toMatchObject({ required: 2, met: 1, coverage: 0.5, gapPoints: 1 });
  });
});

describe('single points of failure, targets and completeness', () => {
  it('flags no cover and one holder', () => {
    expect([0, 1, 2].map(isSinglePointOfFailure)).toEqual([true, true, false]);
  });

  it('reports a capability target as met or short by how many', () => {
    expect(capabilityTargetStatus(2, 5)).toEqual({ met: false, short: 3 });
    expect(capabilityTargetStatus(6, 5)).toEqual({ met: true, short: 0 });
  });

  it('gives the share with any credential, null for an empty group', () => {
    expect(completeness(3, 4)).toBe(0.75);
    expect(completeness(0, 0)).toBeNull();
  });

  it('knows month ends, leap years included', () => {
    expect(['2024-02-29', '2025-02-28', '2026-11-30', '2026-11-29'].map(isMonthEnd)).toEqual([true, true, true, false]);
  });
});
