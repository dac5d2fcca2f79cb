import {
  recommendCredentials,
  recommendationTargets,
  weightedPointsClosed,
  type RecommendationCandidate,
  type RecommendationRequirement,
} from './recommendations';

const requirement = (skillId: number, requiredLevel: number, currentLevel = 0, weight = 1): RecommendationRequirement => ({
  skillId,
  requiredLevel,
  currentLevel,
  weight,
});
const credential = (
  credentialId: number,
  cost: number,
  grants: Array<[number, number]>,
  hours = 10,
): RecommendationCandidate => ({
  credentialId,
  cost,
  hours,
  grants: grants.map(([skillId, level]) => ({ skillId, level })),
});

/** Every subset of the candidates; the cheapest one meeting every reachable target. */
function bruteForce(requirements: RecommendationRequirement[], candidates: RecommendationCandidate[], by: 'cost' | 'hours') {
  const targets = recommendationTargets(requirements, candidates);
  let best = Infinity;
  for (let mask = 0; mask < 1 << candidates.length; mask++) {
    const chosen = candidates.filter((_, i) => mask & (1 << i));
    const covers = targets.every((t) =>
      chosen.some((c) => c.grants.some((g) => g.skillId === t.skillId && g.level >= t.targetLevel)),
    );
    if (covers)
      best = Math.min(
        best,
        chosen.reduce((sum, c) => sum + (by === 'cost' ? c.cost : c.hours), 0),
      );
  }
  return best;
}

/** A small deterministic pseudo-random generator, so failures can be replayed. */
function generator(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
}

describe('recommendations', () => {
  it('aims at the required level, or the best the catalogue offers when it offers less', () => {
    const targets = recommendationTargets(
      [requirement(1, 3, 1), requirement(2, 4, 0, 3), requirement(3, 2, 2), requirement(4, 2)],
      [credential(10, 100, [[1, 5]]), credential(11, 50, [[2, 2]])],
    );
    expect(targets).toEqual([
      { skillId: 1, targetLevel: 3, requiredLevel: 3, currentLevel: 1, weight: 1, reachable: true },
      { skillId: 2, targetLevel: 2, requiredLevel: 4, currentLevel: 0, weight: 3, reachable: false },
    ]);
  });

  it('finds the cheapest set by exact search and says so', () => {
    const result = recommendCredentials(
      [requirement(1, 3), requirement(2, 2), requirement(3, 4, 1)],
      [
        credential(1, 300, [
          [1, 3],
          [2, 2],
          [3, 4],
        ]),
        credential(2, 100, [[1, 3]]),
        credential(3, 120, [
          [2, 3],
          [3, 4],
        ]),
        credential(4, 90, [
          [1, 2],
          [2, 2],
        ]), // level 2 does not meet skill 1 at 3
      ],
    );
    expect(result.method).toBe('exact');
    expect(result.credentialIds).toEqual([2, 3]);
    expect(result.totalCost).toBe(220);
  });

  it('optimises hours when asked', () => {
    const candidates = [credential(1, 100, [[1, 3]], 40), credential(2, 400, [[1, 3]], 8)];
    expect(recommendCredentials([requirement(1, 3)], candidates, 'cost').credentialIds).toEqual([1]);
    expect(recommendCredentials([requirement(1, 3)], candidates, 'hours').credentialIds).toEqual([2]);
  });

  it('answers "none" when nothing is short', () => {
    const result = recommendCredentials([requirement(1, 2, 3)], [credential(1, 10, [[1, 5]])]);
    expect(result).toMatchObject({ method: 'none', credentialIds: [], totalCost: 0 });
  });

  it('matches brute force on random small catalogues', () => {
    const random = generator(42);
    for (let round = 0; round < 300; round++) {
      const requirements = Array.from({ length: 1 + random(5) }, (_, i) =>
        requirement(i + 1, 1 + random(5), random(3), 1 + random(3)),
      );
      const candidates = Array.from({ length: 1 + random(9) }, (_, i) =>
        credential(
          i + 1,
          10 * (1 + random(30)),
          Array.from({ length: 1 + random(3) }, () => [1 + random(6), 1 + random(5)] as [number, number]),
          1 + random(40),
        ),
      );
      for (const by of ['cost', 'hours'] as const) {
        const result = recommendCredentials(requirements, candidates, by, 'exact');
        const chosen = candidates.filter((c) => result.credentialIds.includes(c.credentialId));
        const price = chosen.reduce((sum, c) => sum + (by === 'cost' ? c.cost : c.hours), 0);
        expect({ round, by, price }).toEqual({ round, by, price: bruteForce(requirements, candidates, by) });
      }
    }
  });

  it('shows greedy can be worse than the exact answer', () => {
    const requirements = [requirement(1, 1), requirement(2, 1), requirement(3, 1), requirement(4, 1)];
    const candidates = [
      credential(1, 440, [
        [1, 1],
        [2, 1],
        [3, 1],
        [4, 1],
      ]), // 110 per gap point
      credential(2, 200, [
        [1, 1],
        [2, 1],
      ]), // 100 per gap point: greedy takes it first
      credential(3, 150, [[3, 1]]),
      credential(4, 150, [[4, 1]]),
    ];
    const exact = recommendCredentials(requirements, candidates, 'cost', 'exact');
    const greedy = recommendCredentials(requirements, candidates, 'cost', 'greedy');
    expect(exact).toMatchObject({ method: 'exact', credentialIds: [1], totalCost: 440 });
    expect(greedy).toMatchObject({ method: 'greedy', credentialIds: [3, 4, 2], totalCost: 500 });
  });

  it('switches to greedy above 20 useful candidates', () => {
    const requirements = Array.from({ length: 25 }, (_, i) => requirement(i + 1, 2));
    const candidates = Array.from({ length: 25 }, (_, i) => credential(i + 1, 100 + i, [[i + 1, 2]]));
    const result = recommendCredentials(requirements, candidates);
    expect(result.method).toBe('greedy');
    expect(result.candidates).toBe(25);
    expect(result.credentialIds).toHaveLength(25);
  });

  it('counts the weighted gap points a bundle closes over a team', () => {
    const groups = [
      { skillId: 1, requiredLevel: 3, currentLevel: 0, weight: 3, people: 2 },
      { skillId: 1, requiredLevel: 3, currentLevel: 2, weight: 3, people: 1 },
      { skillId: 2, requiredLevel: 2, currentLevel: 1, weight: 1, people: 4 },
    ];
    // Skill 1 at level 2: 2 people × 3 × 2 = 12, the third already has 2; skill 2 at 4: 4 × 1 × 1.
    expect(
      weightedPointsClosed(
        groups,
        new Map([
          [1, 2],
          [2, 4],
        ]),
      ),
    ).toBe(16);
  });
});
