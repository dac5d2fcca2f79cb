import { MAX_LEVEL } from './enums';
import { endOfMonth, type IsoDate } from './dates';

export const HEATMAP_GROUP_BYS = ['team', 'role', 'location'] as const;
export type HeatmapGroupBy = (typeof HEATMAP_GROUP_BYS)[number];

/** A gap report lists the people short for scopes up to this many people; larger ones ask for a team. */
export const GAP_PEOPLE_LIMIT = 20_000;

export const GAP_SORTS = ['weightedGapPoints', 'gapPoints', 'readiness', 'name'] as const;
export type GapSort = (typeof GAP_SORTS)[number];

export const HEATMAP_METRICS = ['coverage', 'avgLevel', 'holders', 'gapPoints'] as const;
export type HeatmapMetric = (typeof HEATMAP_METRICS)[number];

/**
 * What a group of people contributes for one skill, as counts that add up across sub-groups
 * (so a team's tally is the sum of its sub-teams' tallies). DESIGN §3 "Heatmap cell".
 */
export interface SkillTally {
  /** Active members of the group. */
  headcount: number;
  /** holders[k - 1] = members at level >= k, k = 1..5. */
  holders: number[];
  /** Members whose role requires the skill. */
  required: number;
  /** Of those, the members at or above their role's required level. */
  met: number;
  /** Σ of the required level over the members whose role requires the skill. */
  requiredLevelSum: number;
  /** Σ of min(level, required level) over the same members; gap points = requiredLevelSum - this. */
  heldTowardsRequired: number;
}

export interface MemberSkillLevel {
  /** The member's current level in the skill (0 when none). */
  level: number;
  /** The level the member's role requires, or null when it does not require the skill. */
  requiredLevel: number | null;
}

export function emptyTally(headcount = 0): SkillTally {
  return { headcount, holders: [0, 0, 0, 0, 0], required: 0, met: 0, requiredLevelSum: 0, heldTowardsRequired: 0 };
}

/** The tally of a list of members (every active member of the group, level 0 included). */
export function tallyMembers(members: ReadonlyArray<MemberSkillLevel>): SkillTally {
  const tally = emptyTally(members.length);
  for (const member of members) addMember(tally, member);
  return tally;
}

export function addMember(tally: SkillTally, member: MemberSkillLevel): void {
  for (let k = 1; k <= Math.min(member.level, MAX_LEVEL); k++) tally.holders[k - 1]++;
  if (member.requiredLevel !== null) {
    tally.required++;
    tally.requiredLevelSum += member.requiredLevel;
    tally.heldTowardsRequired += Math.min(member.level, member.requiredLevel);
    if (member.level >= member.requiredLevel) tally.met++;
  }
}

export function addTallies(into: SkillTally, other: SkillTally): SkillTally {
  into.headcount += other.headcount;
  for (let k = 0; k < MAX_LEVEL; k++) into.holders[k] += other.holders[k];
  into.required += other.required;
  into.met += other.met;
  into.requiredLevelSum += other.requiredLevelSum;
  into.heldTowardsRequired += other.heldTowardsRequired;
  return into;
}

export interface CellFigures {
  headcount: number | null;
  holders: number[] | null;
  avgLevel: number | null;
  required: number | null;
  met: number | null;
  coverage: number | null;
  gapPoints: number | null;
  suppressed: boolean;
}

/**
 * The §3 heatmap figures of a tally. With `privacyMinGroup` (executives), a group smaller than
 * it is suppressed whole, and coverage, met and gap points are withheld when fewer than it
 * are required to hold the skill.
 */
export function cellFigures(tally: SkillTally, privacyMinGroup: number | null = null): CellFigures {
  if (privacyMinGroup !== null && tally.headcount < privacyMinGroup) {
    return {
      headcount: null,
      holders: null,
      avgLevel: null,
      required: null,
      met: null,
      coverage: null,
      gapPoints: null,
      suppressed: true,
    };
  }
  const levelSum = tally.holders.reduce((sum, count) => sum + count, 0);
  const requiredHidden = privacyMinGroup !== null && tally.required < privacyMinGroup;
  return {
    headcount: tally.headcount,
    holders: [...tally.holders],
    avgLevel: tally.headcount === 0 ? null : levelSum / tally.headcount,
    required: tally.required,
    met: requiredHidden ? null : tally.met,
    coverage: requiredHidden || tally.required === 0 ? null : tally.met / tally.required,
    gapPoints: requiredHidden ? null : tally.requiredLevelSum - tally.heldTowardsRequired,
    suppressed: false,
  };
}

/** §3: a skill is a single point of failure of a team when at most one member holds its highest required level. */
export function isSinglePointOfFailure(holdersAtRequiredLevel: number): boolean {
  return holdersAtRequiredLevel <= 1;
}

/** §3 capability target: holders at >= L against N. */
export function capabilityTargetStatus(holders: number, requiredCount: number): { met: boolean; short: number } {
  return { met: holders >= requiredCount, short: Math.max(0, requiredCount - holders) };
}

/** Held at `asOf` when the level is held until (exclusive) a later date. */
export function heldOn(validUntil: IsoDate | null, asOf: IsoDate): boolean {
  return validUntil !== null && validUntil > asOf;
}

/** The "YYYY-MM" month of a date. */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

export function isMonthEnd(date: IsoDate): boolean {
  return endOfMonth(date) === date;
}

/** Share of members with any recorded credential (data completeness); null for an empty group. */
export function completeness(withCredentials: number, headcount: number): number | null {
  return headcount === 0 ? null : withCredentials / headcount;
}
