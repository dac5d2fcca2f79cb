import { DIVISIONS } from './catalogue/organisation.catalogue';
import type { DemoCatalogue } from './catalogue';
import { Random, cumulativeWeights } from './prng';

export type TeamKind = 'division' | 'department' | 'leaf';

export interface TeamPlan {
  index: number;
  id: number;
  name: string;
  parentId: number | null;
  depth: number;
  path: string;
  kind: TeamKind;
  divisionKey: string;
  departmentKey: string | null;
  locationId: number;
  /** The team's members are the employees in slots [slotStart, slotStart + size). */
  slotStart: number;
  size: number;
  /** The team's manager holds this role; the manager is the employee in the first slot. */
  managerRoleId: number;
  memberRoleIds: number[];
  memberRoleCumulative: number[];
  /** Training culture: scales how many requirements its people meet (0.7–1.1). */
  trainingFactor: number;
}

export interface OrgPlan {
  teams: TeamPlan[];
  leafTeamIndexes: number[];
  employees: number;
  /** Employee id → slot (a permutation, so ids are not grouped by team). */
  slotOfId(id: number): number;
  idOfSlot(slot: number): number;
  teamIndexOfSlot(slot: number): number;
  /** Team index → indexes of the teams in its sub-tree (itself included). */
  subtreeOf(teamIndex: number): number[];
}

/** Average size of a leaf team, leavers included. */
const LEAF_TEAM_SIZE = 60;

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

function modInverse(a: number, n: number): number {
  let [oldR, r] = [a, n];
  let [oldS, s] = [1, 0];
  while (r !== 0) {
    const q = Math.floor(oldR / r);
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % n) + n) % n;
}

/** Splits `total` into integer parts proportional to `weights` (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (let i = 0; left > 0; i = (i + 1) % order.length, left--) {
    const index = (order[i] as { index: number }).index;
    parts[index] = (parts[index] ?? 0) + 1;
  }
  return parts;
}

/**
 * Builds the team tree for `employees` people: five divisions, thirteen departments and as many
 * leaf teams as keep them at about 60 people. Team ids are assigned depth-first (parents first).
 */
export function planOrganisation(catalogue: DemoCatalogue, employees: number, seed: number): OrgPlan {
  const rng = Random.of(seed, 0x7ea5);
  const role = (key: string) => catalogue.roleIdByKey.get(key) as number;
  const location = (key: string) => catalogue.locationIdByKey.get(key) as number;

  const divisionDirect = 1 + Math.min(4, Math.floor(employees / 800));
  const departmentDirect = 1 + Math.min(3, Math.floor(employees / 1000));
  const departments = DIVISIONS.flatMap((division) => division.departments);
  const pool = employees - DIVISIONS.length * divisionDirect - departments.length * departmentDirect;
  if (pool < departments.length * 2) throw new RangeError(`Too few employees (${employees}) for the demo organisation`);
  const departmentSizes = apportion(
    pool,
    departments.map((d) => d.share),
  );

  const teams: TeamPlan[] = [];
  const names = new Map<string, number>();
  const uniqueName = (name: string) => {
    const count = (names.get(name) ?? 0) + 1;
    names.set(name, count);
    return count === 1 ? name : `${name} ${count}`;
  };
  let slot = 0;
  const add = (
    team: Omit<TeamPlan, 'index' | 'id' | 'path' | 'slotStart' | 'memberRoleCumulative'>,
    parent: TeamPlan | null,
  ): TeamPlan => {
    const id = teams.length + 1;
    const plan: TeamPlan = {
      ...team,
      index: teams.length,
      id,
      path: `${parent ? parent.path : '/'}${id}/`,
      slotStart: slot,
      memberRoleCumulative: cumulativeWeights(team.memberRoleIds.map(() => 1)),
    };
    slot += team.size;
    teams.push(plan);
    return plan;
  };

  let departmentIndex = 0;
  for (const division of DIVISIONS) {
    const divisionTeam = add(
      {
        name: uniqueName(division.name),
        parentId: null,
        depth: 0,
        kind: 'division',
        divisionKey: division.key,
        departmentKey: null,
        locationId: location(division.location),
        size: divisionDirect,
        managerRoleId: role('division-director'),
        memberRoleIds: division.staffRoles.map(role),
        trainingFactor: 1,
      },
      null,
    );
    for (const department of division.departments) {
      const size = departmentSizes[departmentIndex++] as number;
      const memberRoleIds = department.memberRoles.map(([key]) => role(key));
      const memberWeights = department.memberRoles.map(([, weight]) => weight);
      const departmentTeam = add(
        {
          name: uniqueName(department.name),
          parentId: divisionTeam.id,
          depth: 1,
          kind: 'department',
          divisionKey: division.key,
          departmentKey: department.key,
          locationId: location(department.locations[0] as string),
          size: departmentDirect,
          managerRoleId: role(department.headRole),
          memberRoleIds,
          trainingFactor: 1,
        },
        divisionTeam,
      );
      departmentTeam.memberRoleCumulative = cumulativeWeights(memberWeights);
      const leafCount = Math.max(1, Math.min(size, Math.round(size / LEAF_TEAM_SIZE)));
      const leafSizes = apportion(
        size,
        Array.from({ length: leafCount }, () => rng.real(0.75, 1.25)),
      );
      for (let k = 0; k < leafCount; k++) {
        const base = department.teamBases[k % department.teamBases.length] as string;
        const locationKey = department.locations[k % department.locations.length] as string;
        const city = catalogue.locations.find((l) => l.key === locationKey)?.city ?? locationKey;
        const leaf = add(
          {
            name: uniqueName(`${base} ${city}`),
            parentId: departmentTeam.id,
            depth: 2,
            kind: 'leaf',
            divisionKey: division.key,
            departmentKey: department.key,
            locationId: location(locationKey),
            size: leafSizes[k] as number,
            managerRoleId: role(department.leadRole),
            memberRoleIds,
            trainingFactor: rng.real(0.62, 1.08),
          },
          departmentTeam,
        );
        leaf.memberRoleCumulative = cumulativeWeights(memberWeights);
      }
    }
  }
  if (slot !== employees) throw new Error(`Internal error: ${slot} slots for ${employees} employees`);

  // A permutation of slots, so that employee ids are spread over the teams.
  let multiplier = Math.max(1, Math.floor(employees * rng.real(0.38, 0.62)));
  while (gcd(multiplier, employees) !== 1) multiplier++;
  const offset = rng.int(0, employees - 1);
  const inverse = modInverse(multiplier, employees);
  const slotStarts = teams.map((team) => team.slotStart);
  const children = new Map<number, number[]>();
  for (const team of teams) {
    if (team.parentId === null) continue;
    const list = children.get(team.parentId - 1) ?? [];
    list.push(team.index);
    children.set(team.parentId - 1, list);
  }

  return {
    teams,
    leafTeamIndexes: teams.filter((team) => team.kind === 'leaf').map((team) => team.index),
    employees,
    slotOfId: (id) => (multiplier * (id - 1) + offset) % employees,
    idOfSlot: (s) => ((inverse * ((s - offset + employees) % employees)) % employees) + 1,
    teamIndexOfSlot(s) {
      let lo = 0;
      let hi = slotStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if ((slotStarts[mid] as number) <= s) lo = mid;
        else hi = mid - 1;
      }
      // Teams of size 0 cannot exist (every team has its manager), so this is the owner.
      return lo;
    },
    subtreeOf(teamIndex) {
      const result: number[] = [];
      const stack = [teamIndex];
      while (stack.length) {
        const current = stack.pop() as number;
        result.push(current);
        stack.push(...(children.get(current) ?? []));
      }
      return result.sort((a, b) => a - b);
    },
  };
}
