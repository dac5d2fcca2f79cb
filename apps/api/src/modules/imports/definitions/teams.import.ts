import { nameKey } from '../../../database/column-types';
import { chunks } from '../../../database/sql';
import { invalidateAllTrendSnapshots } from '../../analytics/snapshots/trend-snapshots.sql';
import { contributeEmployees, rebuildTeamClosure, withdrawEmployees } from '../../analytics/state/skill-state.sql';
import { Team } from '../../teams/team.entity';
import type { Outcome } from '../catalogue-writers';
import type { Layout } from '../columns';
import { textCell } from '../fields';
import type { ImportDefinition, RowChecker } from '../import-definition';

interface TeamRow {
  line: number;
  name: string;
  /** Undefined leaves a stored team where it is; null puts it at the top. */
  parent: string | null | undefined;
  managerId: number | null | undefined;
}

const LAYOUT: Layout = {
  name: 'Skillgrid',
  columns: [
    { name: 'name', required: true, description: 'Team name (unique, case-insensitive), the key' },
    {
      name: 'parent',
      description: 'Parent team name, from the database or another row; blank: top level (a new team) or unchanged',
    },
    {
      name: 'manager_email',
      description: "The manager's e-mail (an existing employee); import teams, then employees, then teams again to set managers",
    },
  ],
};

interface Node {
  id: number;
  key: string;
  name: string;
  parentKey: string | null;
  managerId: number | null;
  path: string;
  depth: number;
}

export const teamsImport: ImportDefinition<TeamRow> = {
  entity: 'teams',
  layouts: [LAYOUT],
  example: ['Warehouse', 'Operations', 'wes@example.com'],

  async prepare({ manager }): Promise<RowChecker<TeamRow>> {
    const employees = (await manager.query('SELECT id, email FROM employees')) as Array<{ id: number | string; email: string }>;
    const byEmail = new Map(employees.map((e) => [e.email.toLowerCase(), Number(e.id)]));
    const seen = new Map<string, number>();
    return {
      row(values, errors) {
        const name = textCell(errors, 'name', values['name'], { maxLength: 120, required: true });
        const parent = textCell(errors, 'parent', values['parent'], { maxLength: 120 });
        const email = values['manager_email']?.toLowerCase();
        const managerId = email === undefined ? undefined : byEmail.get(email);
        if (email !== undefined && managerId === undefined) errors.add('manager_email', `no employee has the e-mail "${email}"`);
        if (name !== undefined) {
          const earlier = seen.get(nameKey(name));
          if (earlier !== undefined) errors.add('name', `repeats line ${earlier}`);
          seen.set(nameKey(name), errors.line);
          if (parent !== undefined && nameKey(parent) === nameKey(name)) errors.add('parent', 'a team cannot be its own parent');
        }
        if (!errors.ok || name === undefined) return null;
        return { line: errors.line, name, parent: parent ?? (values['parent'] === undefined ? undefined : null), managerId };
      },

      /**
       * Builds the tree as it would be, refuses rows that would make a cycle or name a parent that
       * does not exist, then writes: the people of teams whose path changes leave the statistics,
       * paths and the closure are recomputed, and they come back.
       */
      async apply(rows, context, write) {
        const { manager, dialect } = context;
        const stored = await manager.getRepository(Team).find();
        const byId = new Map(stored.map((t) => [t.id, t]));
        const nodes = new Map<string, Node>();
        for (const t of stored)
          nodes.set(t.nameKey, {
            id: t.id,
            key: t.nameKey,
            name: t.name,
            parentKey: t.parentId === null ? null : (byId.get(t.parentId)?.nameKey ?? null),
            managerId: t.managerId,
            path: t.path,
            depth: t.depth,
          });
        const errors: Array<{ line: number; field: string; message: string }> = [];
        const outcomes = new Map<TeamRow, Outcome>();
        let provisional = -1;
        for (const row of rows) {
          const key = nameKey(row.name);
          const node = nodes.get(key);
          if (!node) {
            nodes.set(key, {
              id: provisional--,
              key,
              name: row.name.trim(),
              parentKey: row.parent ? nameKey(row.parent) : null,
              managerId: row.managerId ?? null,
              path: '',
              depth: 0,
            });
            outcomes.set(row, 'created');
            continue;
          }
          const parentKey = row.parent === undefined ? node.parentKey : row.parent === null ? null : nameKey(row.parent);
          const managerId = row.managerId === undefined ? node.managerId : row.managerId;
          const changed = parentKey !== node.parentKey || managerId !== node.managerId || row.name.trim() !== node.name;
          Object.assign(node, { parentKey, managerId, name: row.name.trim() });
          outcomes.set(row, changed ? 'updated' : 'unchanged');
        }
        for (const row of rows) {
          const node = nodes.get(nameKey(row.name)) as Node;
          if (node.parentKey !== null && !nodes.has(node.parentKey)) {
            errors.push({ line: row.line, field: 'parent', message: `no team is called "${row.parent}"` });
            continue;
          }
          const visited = new Set<string>([node.key]);
          for (let up = node.parentKey; up !== null; up = nodes.get(up)?.parentKey ?? null) {
            if (visited.has(up)) {
              errors.push({
                line: row.line,
                field: 'parent',
                message: `"${row.parent}" is inside this team's sub-tree (a cycle)`,
              });
              break;
            }
            visited.add(up);
          }
        }
        const counts = { created: 0, updated: 0, unchanged: 0 };
        for (const outcome of outcomes.values()) counts[outcome]++;
        if (errors.length || !write) return { ...counts, errors };

        for (const node of nodes.values())
          if (node.id < 0) {
            const result = await manager.insert(Team, {
              name: node.name,
              nameKey: node.key,
              parentId: null,
              path: '/',
              depth: 0,
              managerId: node.managerId,
            });
            node.id = Number(result.identifiers[0]['id']);
          }
        const pathOf = (node: Node): { path: string; depth: number } => {
          if (node.parentKey === null) return { path: `/${node.id}/`, depth: 0 };
          const parent = pathOf(nodes.get(node.parentKey) as Node);
          return { path: `${parent.path}${node.id}/`, depth: parent.depth + 1 };
        };
        const moved: string[] = [];
        const updates: Array<{ id: number; fields: Partial<Team> }> = [];
        for (const node of nodes.values()) {
          const { path, depth } = pathOf(node);
          const before = byId.get(node.id);
          const parentId = node.parentKey === null ? null : (nodes.get(node.parentKey) as Node).id;
          if (before && before.path !== path) moved.push(before.path);
          if (
            !before ||
            before.path !== path ||
            before.parentId !== parentId ||
            before.managerId !== node.managerId ||
            before.name !== node.name
          )
            updates.push({ id: node.id, fields: { name: node.name, parentId, path, depth, managerId: node.managerId } });
        }
        const people: number[] = [];
        for (const paths of chunks(moved, 50)) {
          const found = (await manager.query(
            `SELECT m.employee_id AS id FROM rollup_members m JOIN teams t ON t.id = m.team_id WHERE ${paths.map(() => 't.path LIKE ?').join(' OR ')}`,
            paths.map((path) => `${path}%`),
          )) as Array<{ id: number | string }>;
          people.push(...found.map((row) => Number(row.id)));
        }
        await withdrawEmployees(manager, dialect, people);
        for (const { id, fields } of updates) await manager.update(Team, { id }, fields);
        if (updates.length) await rebuildTeamClosure(manager);
        await contributeEmployees(manager, dialect, people);
        await invalidateAllTrendSnapshots(manager);
        await context.progress(rows.length);
        return counts;
      },
    };
  },
};
