/**
 * Closing an employee's gap to a role at least cost (DESIGN §3 "Recommendation").
 *
 * Levels do not add up: a requirement (skill s at level L) is met when one credential grants s
 * at L or more. So the problem is a weighted set cover: each candidate credential covers the
 * requirements it lifts to their target, and we want the cheapest set covering them all.
 * Exact search (branch and bound) when there are at most EXACT_SEARCH_LIMIT useful candidates;
 * greedy by cost per weighted gap point closed above that.
 */

export const EXACT_SEARCH_LIMIT = 20;

export const OPTIMISE_FOR = ['cost', 'hours'] as const;
export type OptimiseFor = (typeof OPTIMISE_FOR)[number];

export type RecommendationMethod = 'exact' | 'greedy' | 'none';

export interface RecommendationRequirement {
  skillId: number;
  requiredLevel: number;
  currentLevel: number;
  weight: number;
}

export interface RecommendationCandidate {
  credentialId: number;
  cost: number;
  hours: number;
  grants: ReadonlyArray<{ skillId: number; level: number }>;
}

export interface RecommendationTarget {
  skillId: number;
  /** The level the recommendation aims at: the required level, or the best any candidate grants when lower. */
  targetLevel: number;
  requiredLevel: number;
  currentLevel: number;
  weight: number;
  /** False when no candidate reaches the required level (the target is then what can be reached, if above current). */
  reachable: boolean;
}

export interface RecommendationResult {
  method: RecommendationMethod;
  /** Chosen credential ids, cheapest first. */
  credentialIds: number[];
  targets: RecommendationTarget[];
  totalCost: number;
  totalHours: number;
  /** Useful candidates considered (after dropping dominated ones). */
  candidates: number;
}

interface Option {
  id: number;
  price: number;
  tieBreak: number;
  covers: number; // bitmask over targets
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The targets a candidate set must cover: requirements still short, at the level that can be reached. */
export function recommendationTargets(
  requirements: ReadonlyArray<RecommendationRequirement>,
  candidates: ReadonlyArray<RecommendationCandidate>,
): RecommendationTarget[] {
  const best = new Map<number, number>();
  for (const candidate of candidates)
    for (const grant of candidate.grants) best.set(grant.skillId, Math.max(best.get(grant.skillId) ?? 0, grant.level));
  return requirements
    .filter((r) => r.currentLevel < r.requiredLevel)
    .map((r) => {
      const reachableLevel = best.get(r.skillId) ?? 0;
      return {
        skillId: r.skillId,
        targetLevel: Math.min(r.requiredLevel, reachableLevel),
        requiredLevel: r.requiredLevel,
        currentLevel: r.currentLevel,
        weight: r.weight,
        reachable: reachableLevel >= r.requiredLevel,
      };
    })
    .filter((t) => t.targetLevel > t.currentLevel)
    .sort((a, b) => a.skillId - b.skillId);
}

function optionsFor(
  targets: ReadonlyArray<RecommendationTarget>,
  candidates: ReadonlyArray<RecommendationCandidate>,
  optimise: OptimiseFor,
): Option[] {
  const options: Option[] = [];
  for (const candidate of candidates) {
    let covers = 0;
    targets.forEach((target, index) => {
      if (candidate.grants.some((g) => g.skillId === target.skillId && g.level >= target.targetLevel)) covers |= 1 << index;
    });
    if (!covers) continue;
    const price = optimise === 'cost' ? candidate.cost : candidate.hours;
    const tieBreak = optimise === 'cost' ? candidate.hours : candidate.cost;
    options.push({ id: candidate.credentialId, price, tieBreak, covers });
  }
  // Drop dominated options: another covers at least as much for no more (exact ties keep the lower id).
  // Replacing a dominated option by its dominator never makes a cover dearer, so this keeps the optimum.
  const dominated = (o: Option) =>
    options.some(
      (p) =>
        p !== o &&
        (p.covers & o.covers) === o.covers &&
        p.price <= o.price &&
        p.tieBreak <= o.tieBreak &&
        (p.covers !== o.covers || p.price < o.price || p.tieBreak < o.tieBreak || p.id < o.id),
    );
  return options.filter((o) => !dominated(o)).sort((a, b) => a.price - b.price || a.tieBreak - b.tieBreak || a.id - b.id);
}

/** Cheapest cover by branch and bound: branch on the uncovered target with the fewest options. */
function exactCover(options: ReadonlyArray<Option>, all: number): Option[] {
  let best: Option[] | null = null;
  let bestTotal = { price: Infinity, tieBreak: Infinity, count: Infinity };
  const search = (chosen: Option[], covered: number, price: number, tieBreak: number) => {
    if (price > bestTotal.price) return;
    if (covered === all) {
      const isBetter =
        price < bestTotal.price ||
        (price === bestTotal.price &&
          (tieBreak < bestTotal.tieBreak || (tieBreak === bestTotal.tieBreak && chosen.length < bestTotal.count)));
      if (isBetter) {
        best = [...chosen];
        bestTotal = { price, tieBreak, count: chosen.length };
      }
      return;
    }
    let pivot = -1;
    let fewest = Infinity;
    for (let bit = 0; 1 << bit <= all; bit++) {
      if (!(all & (1 << bit)) || covered & (1 << bit)) continue;
      const count = options.filter((o) => o.covers & (1 << bit)).length;
      if (count < fewest) {
        fewest = count;
        pivot = bit;
      }
    }
    for (const option of options) {
      if (!(option.covers & (1 << pivot)) || chosen.includes(option)) continue;
      chosen.push(option);
      search(chosen, covered | option.covers, price + option.price, tieBreak + option.tieBreak);
      chosen.pop();
    }
  };
  search([], 0, 0, 0);
  return best ?? [];
}

/**
 * Greedy: repeatedly take the option with the lowest price per weighted gap point it newly
 * closes, then drop any pick the others made redundant (most expensive first).
 */
function greedyCover(options: ReadonlyArray<Option>, targets: ReadonlyArray<RecommendationTarget>, all: number): Option[] {
  const points = targets.map((t) => t.weight * (t.targetLevel - t.currentLevel));
  const value = (mask: number) => points.reduce((sum, p, index) => (mask & (1 << index) ? sum + p : sum), 0);
  const chosen: Option[] = [];
  let covered = 0;
  while (covered !== all) {
    let pick: Option | null = null;
    let pickRatio = Infinity;
    for (const option of options) {
      const gain = value(option.covers & ~covered);
      if (gain <= 0) continue;
      const ratio = option.price / gain;
      if (ratio < pickRatio) {
        pick = option;
        pickRatio = ratio;
      }
    }
    if (!pick) break;
    chosen.push(pick);
    covered |= pick.covers;
  }
  for (const option of [...chosen].sort((a, b) => b.price - a.price)) {
    const rest = chosen.filter((o) => o !== option).reduce((mask, o) => mask | o.covers, 0);
    if (rest === all) chosen.splice(chosen.indexOf(option), 1);
  }
  return chosen;
}

export function recommendCredentials(
  requirements: ReadonlyArray<RecommendationRequirement>,
  candidates: ReadonlyArray<RecommendationCandidate>,
  optimise: OptimiseFor = 'cost',
  method: 'auto' | 'exact' | 'greedy' = 'auto',
): RecommendationResult {
  // More than 30 targets would overflow the bitmask; a role has far fewer requirements.
  const targets = recommendationTargets(requirements, candidates).slice(0, 30);
  const options = optionsFor(targets, candidates, optimise);
  const all = targets.length ? (1 << targets.length) - 1 : 0;
  if (!targets.length)
    return { method: 'none', credentialIds: [], targets, totalCost: 0, totalHours: 0, candidates: options.length };
  const useExact = method === 'exact' || (method === 'auto' && options.length <= EXACT_SEARCH_LIMIT);
  const chosen = useExact ? exactCover(options, all) : greedyCover(options, targets, all);
  const chosenIds = new Set(chosen.map((o) => o.id));
  const picked = candidates
    .filter((c) => chosenIds.has(c.credentialId))
    .sort((a, b) => a.cost - b.cost || a.hours - b.hours || a.credentialId - b.credentialId);
  return {
    method: useExact ? 'exact' : 'greedy',
    credentialIds: picked.map((c) => c.credentialId),
    targets,
    totalCost: round2(picked.reduce((s, c) => s + c.cost, 0)),
    totalHours: round2(picked.reduce((s, c) => s + c.hours, 0)),
    candidates: options.length,
  };
}

export interface TeamGapGroup {
  skillId: number;
  requiredLevel: number;
  currentLevel: number;
  weight: number;
  /** People of the team with this requirement at this current level. */
  people: number;
}

/**
 * Weighted gap points a bundle granting `grants` would close over a team's gap groups:
 * Σ people × weight × (min(L, max(current, granted)) − current) where that is positive.
 */
export function weightedPointsClosed(groups: ReadonlyArray<TeamGapGroup>, grants: ReadonlyMap<number, number>): number {
  let points = 0;
  for (const group of groups) {
    const granted = grants.get(group.skillId) ?? 0;
    const closed = Math.min(group.requiredLevel, Math.max(group.currentLevel, granted)) - group.currentLevel;
    if (closed > 0) points += group.people * group.weight * closed;
  }
  return points;
}
