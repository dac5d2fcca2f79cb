import { ALL_SKILLS, TrendSnapshotBuilder, type SnapshotEmployee } from './trend-snapshot-builder';

/**
 * Month ends worked by hand. Skill 1 is required at level 2 by role 10 (and skill 2 at level 1);
 * credential 100 grants skill 1 at level 2, credential 101 skill 1 at level 3 and skill 2 at 1.
 * Teams: 5 under 4 under the organisation (0).
 */
const JAN = '2026-01-31';
const FEB = '2026-02-28';
const MAR = '2026-03-31';
const grants = new Map([
  [100, [{ skillId: 1, level: 2 }]],
  [
    101,
    [
      { skillId: 1, level: 3 },
      { skillId: 2, level: 1 },
    ],
  ],
]);
const requirements = new Map([
  [
    10,
    new Map([
      [1, 2],
      [2, 1],
    ]),
  ],
]);
const scopes = (teamId: number) => (teamId === 5 ? [5, 4, 0] : [teamId, 0]);
const person = (overrides: Partial<SnapshotEmployee>): SnapshotEmployee => ({
  hire: '2025-01-01',
  leave: null,
  periods: [{ teamId: 5, roleId: 10, start: '2025-01-01', end: null }],
  completions: [],
  ...overrides,
});
const figures = (builder: TrendSnapshotBuilder, scopeId: number, skillId: number) =>
  [JAN, FEB, MAR].map((monthEnd) => {
    const row = builder.rows(scopes, 0).find((r) => r.monthEnd === monthEnd && r.scopeId === scopeId && r.skillId === skillId);
    return row ? [row.headcount, row.required, row.met, row.levelSum] : null;
  });

describe('TrendSnapshotBuilder', () => {
  it('holds a level from its award date and not on the day it expires', () => {
    const builder = new TrendSnapshotBuilder([JAN, FEB, MAR], grants, requirements);
    // Awarded on the last day of January (held then), expiring on the last day of February (not held then).
    builder.add(person({ completions: [{ credentialId: 100, awarded: JAN, expires: FEB }] }));
    expect(figures(builder, 0, 1)).toEqual([
      [1, 1, 1, 2],
      [1, 1, 0, 0],
      [1, 1, 0, 0],
    ]);
    // All skills: two requirements, one met in January.
    expect(figures(builder, 5, ALL_SKILLS)).toEqual([
      [1, 2, 1, 0],
      [1, 2, 0, 0],
      [1, 2, 0, 0],
    ]);
  });

  it('takes the best level of the valid completions, and counts a skill nobody requires', () => {
    const builder = new TrendSnapshotBuilder([JAN, FEB, MAR], grants, new Map());
    builder.add(
      person({
        completions: [
          { credentialId: 100, awarded: '2025-06-01', expires: null },
          { credentialId: 101, awarded: '2026-02-01', expires: '2026-03-15' },
        ],
      }),
    );
    expect(figures(builder, 0, 1)).toEqual([
      [1, 0, 0, 2],
      [1, 0, 0, 3],
      [1, 0, 0, 2],
    ]);
  });

  it('counts members by the period covering the month end: hired on it yes, left on it or moved away no', () => {
    const builder = new TrendSnapshotBuilder([JAN, FEB, MAR], grants, requirements);
    builder.add(person({ hire: FEB, periods: [{ teamId: 5, roleId: 10, start: FEB, end: null }] }));
    builder.add(person({ leave: FEB, periods: [{ teamId: 5, roleId: 10, start: '2025-01-01', end: FEB }] }));
    builder.add(
      person({
        periods: [
          { teamId: 5, roleId: 10, start: '2025-01-01', end: FEB },
          { teamId: 7, roleId: 10, start: FEB, end: null },
        ],
      }),
    );
    // Team 5 (and 4 above it): the leaver and the mover in January, the new hire from February.
    expect(figures(builder, 5, ALL_SKILLS).map((f) => f?.[0])).toEqual([2, 1, 1]);
    expect(figures(builder, 4, ALL_SKILLS).map((f) => f?.[0])).toEqual([2, 1, 1]);
    expect(figures(builder, 7, ALL_SKILLS).map((f) => f?.[0] ?? 0)).toEqual([0, 1, 1]);
    expect(figures(builder, 0, ALL_SKILLS).map((f) => f?.[0])).toEqual([2, 2, 2]);
  });
});
