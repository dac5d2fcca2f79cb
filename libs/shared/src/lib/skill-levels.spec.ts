import { assignmentProgress, currentSkillLevels, gapRows, readiness, type CompletionForLevels } from './skill-levels';

const completion = (overrides: Partial<CompletionForLevels>): CompletionForLevels => ({
  credentialId: 1,
  awardedAt: '2024-01-01',
  expiresAt: null,
  status: 'valid',
  grants: [{ skillId: 10, level: 3 }],
  ...overrides,
});

describe('current skill levels', () => {
  it('takes the best level among valid completions, expired ones excluded on the as-of date', () => {
    const completions = [
      completion({ credentialId: 1, expiresAt: '2025-01-01', grants: [{ skillId: 10, level: 4 }] }),
      completion({
        credentialId: 2,
        grants: [
          { skillId: 10, level: 2 },
          { skillId: 11, level: 1 },
        ],
      }),
      completion({ credentialId: 3, status: 'revoked', grants: [{ skillId: 12, level: 5 }] }),
      completion({ credentialId: 4, status: 'pending', grants: [{ skillId: 12, level: 5 }] }),
      completion({ credentialId: 5, awardedAt: '2026-01-01', grants: [{ skillId: 13, level: 2 }] }),
    ];
    const before = currentSkillLevels(completions, '2024-12-31');
    expect(before.get(10)).toEqual({ skillId: 10, level: 4, expiresAt: '2025-01-01', credentialIds: [1] });
    expect(before.has(12)).toBe(false);
    expect(before.has(13)).toBe(false);
    // expiresAt is exclusive: on the expiry date the credential no longer counts.
    expect(currentSkillLevels(completions, '2025-01-01').get(10)).toEqual({
      skillId: 10,
      level: 2,
      expiresAt: null,
      credentialIds: [2],
    });
    expect(currentSkillLevels(completions, '2026-01-01').get(13)?.level).toBe(2);
  });

  it('keeps the latest expiry among credentials giving the same level', () => {
    const levels = currentSkillLevels(
      [completion({ credentialId: 1, expiresAt: '2025-06-01' }), completion({ credentialId: 2, expiresAt: '2027-06-01' })],
      '2025-01-01',
    );
    expect(levels.get(10)).toEqual({ skillId: 10, level: 3, expiresAt: '2027-06-01', credentialIds: [1, 2] });
  });
});

describe('gaps and readiness', () => {
  const requirements = [
    { skillId: 1, requiredLevel: 3, weight: 1 },
    { skillId: 2, requiredLevel: 2, weight: 3 },
    { skillId: 3, requiredLevel: 4, weight: 2 },
  ];
  const levels = new Map([
    [1, 3],
    [2, 1],
  ]);

  it('lists every requirement, critical first, met ones with zero gap points', () => {
    const rows = gapRows(requirements, (id) => levels.get(id) ?? 0);
    expect(rows.map((r) => [r.skillId, r.currentLevel, r.gapPoints, r.met])).toEqual([
      [2, 1, 1, false],
      [3, 0, 4, false],
      [1, 3, 0, true],
    ]);
    expect(readiness(rows)).toBeCloseTo(1 / 6);
  });

  it('has no readiness for a role without requirements', () => {
    expect(readiness([])).toBeNull();
  });
});

describe('assignment status', () => {
  const base = { credentialIds: [1, 2], assignedAt: '2025-01-01', dueDate: '2025-03-01', cancelled: false, today: '2025-02-01' };
  const done = (credentialId: number, awardedAt: string, status: 'valid' | 'revoked' = 'valid') => ({
    credentialId,
    awardedAt,
    status,
  });

  it('derives assigned, in progress, completed and overdue from completions', () => {
    expect(assignmentProgress({ ...base, completions: [] })).toEqual({ status: 'assigned', done: 0, total: 2 });
    expect(assignmentProgress({ ...base, completions: [done(1, '2025-01-10')] })).toEqual({
      status: 'in_progress',
      done: 1,
      total: 2,
    });
    expect(assignmentProgress({ ...base, completions: [done(1, '2025-01-10'), done(2, '2025-01-20')] }).status).toBe('completed');
    expect(assignmentProgress({ ...base, today: '2025-03-02', completions: [done(1, '2025-01-10')] }).status).toBe('overdue');
    expect(assignmentProgress({ ...base, cancelled: true, completions: [] }).status).toBe('cancelled');
  });

  it('ignores completions before the assignment and revoked ones', () => {
    const result = assignmentProgress({ ...base, completions: [done(1, '2024-12-31'), done(2, '2025-01-05', 'revoked')] });
    expect(result).toEqual({ status: 'assigned', done: 0, total: 2 });
  });
});
