import type { TeamDto } from '@skillgrid/shared';

export interface TeamTreeRow {
  team: TeamDto;
  /** Depth inside what the caller can see: a manager's own team is level 0 for them. */
  level: number;
  parentName: string | null;
}

const byName = (a: TeamDto, b: TeamDto) => a.name.localeCompare(b.name) || a.id - b.id;

/**
 * The visible teams in tree order (parents before children, siblings by name). A team whose
 * parent is out of the caller's scope becomes a root.
 */
export function flattenTeamTree(teams: ReadonlyArray<TeamDto>): TeamTreeRow[] {
  const byId = new Map(teams.map((team) => [team.id, team]));
  const children = new Map<number | null, TeamDto[]>();
  for (const team of teams) {
    const parent = team.parentId !== null && byId.has(team.parentId) ? team.parentId : null;
    const siblings = children.get(parent) ?? [];
    siblings.push(team);
    children.set(parent, siblings);
  }
  for (const siblings of children.values()) siblings.sort(byName);

  const rows: TeamTreeRow[] = [];
  const visited = new Set<number>();
  const stack: Array<{ team: TeamDto; level: number }> = [...(children.get(null) ?? [])]
    .reverse()
    .map((team) => ({ team, level: 0 }));
  for (;;) {
    if (stack.length === 0) {
      // Teams caught in a cycle have no root to be reached from: show them at the top level.
      const orphan = teams.filter((team) => !visited.has(team.id)).sort(byName)[0];
      if (!orphan) break;
      stack.push({ team: orphan, level: 0 });
    }
    const { team, level } = stack.pop() as { team: TeamDto; level: number };
    // The server forbids cycles; a bad record must still not hang the page.
    if (visited.has(team.id)) continue;
    visited.add(team.id);
    const kids = children.get(team.id) ?? [];
    rows.push({
      team,
      level,
      parentName: team.parentId !== null ? (byId.get(team.parentId)?.name ?? null) : null,
    });
    for (let index = kids.length - 1; index >= 0; index -= 1) stack.push({ team: kids[index], level: level + 1 });
  }
  return rows;
}

/** Rows whose name matches, with their ancestors so the tree still reads. */
export function filterTeamTree(rows: ReadonlyArray<TeamTreeRow>, query: string): TeamTreeRow[] {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return [...rows];
  const byId = new Map(rows.map((row) => [row.team.id, row]));
  const keep = new Set<number>();
  for (const row of rows) {
    if (!row.team.name.toLocaleLowerCase().includes(needle)) continue;
    let current: TeamTreeRow | undefined = row;
    while (current && !keep.has(current.team.id)) {
      keep.add(current.team.id);
      current = current.team.parentId !== null ? byId.get(current.team.parentId) : undefined;
    }
  }
  return rows.filter((row) => keep.has(row.team.id));
}

/**
 * The team and its ancestors the caller can see, top-most first (a breadcrumb). A manager's
 * path starts at the team they manage; an unknown team gives an empty path.
 */
export function teamPath(teams: ReadonlyArray<TeamDto>, teamId: number): TeamDto[] {
  const byId = new Map(teams.map((team) => [team.id, team]));
  const path: TeamDto[] = [];
  const seen = new Set<number>();
  let current = byId.get(teamId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    path.unshift(current);
    current = current.parentId !== null ? byId.get(current.parentId) : undefined;
  }
  return path;
}
