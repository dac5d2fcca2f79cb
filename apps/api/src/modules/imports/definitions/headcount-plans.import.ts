import { nameKey } from '../../../database/column-types';
import { chunks } from '../../../database/sql';
import { HeadcountPlan } from '../../headcount-plans/headcount-plan.entity';
import type { Layout } from '../columns';
import { numberCell } from '../fields';
import type { ImportDefinition, RowChecker } from '../import-definition';

interface PlanRow {
  line: number;
  roleId: number;
  teamId: number | null;
  month: string;
  headcount: number;
}

const LAYOUT: Layout = {
  name: 'Skillgrid',
  columns: [
    { name: 'role', required: true, description: 'Role name or external reference' },
    { name: 'team', description: 'Team name; blank: the whole organisation' },
    { name: 'month', required: true, description: 'YYYY-MM (or any date in the month)' },
    { name: 'headcount', required: true, description: 'Planned headcount, 0–1,000,000' },
  ],
};

export const headcountPlansImport: ImportDefinition<PlanRow> = {
  entity: 'headcount-plans',
  layouts: [LAYOUT],
  example: ['Warehouse Operative', 'Warehouse', '2026-06', '12'],

  async prepare({ manager }): Promise<RowChecker<PlanRow>> {
    const roles = (await manager.query('SELECT id, name_key, external_ref FROM roles')) as Array<{
      id: number | string;
      name_key: string;
      external_ref: string | null;
    }>;
    const roleIds = new Map<string, number>();
    for (const r of roles) {
      roleIds.set(r.name_key, Number(r.id));
      if (r.external_ref) roleIds.set(`ref:${r.external_ref}`, Number(r.id));
    }
    const teams = (await manager.query('SELECT id, name_key FROM teams')) as Array<{ id: number | string; name_key: string }>;
    const teamIds = new Map(teams.map((t) => [t.name_key, Number(t.id)]));
    const seen = new Map<string, number>();
    return {
      row(values, errors) {
        const roleName = values['role'];
        const roleId = roleName === undefined ? undefined : (roleIds.get(`ref:${roleName}`) ?? roleIds.get(nameKey(roleName)));
        if (roleName === undefined) errors.add('role', 'is required');
        else if (roleId === undefined) errors.add('role', `no role is called "${roleName}"`);
        const teamName = values['team'];
        const teamId = teamName === undefined ? null : teamIds.get(nameKey(teamName));
        if (teamId === undefined) errors.add('team', `no team is called "${teamName}"`);
        const monthValue = values['month'];
        const match = monthValue ? /^(\d{4})-(0[1-9]|1[0-2])(-\d{2})?$/.exec(monthValue) : null;
        if (!monthValue) errors.add('month', 'is required');
        else if (!match) errors.add('month', `"${monthValue}" is not a month (use YYYY-MM)`);
        const month = match ? `${match[1]}-${match[2]}-01` : undefined;
        const headcount = numberCell(errors, 'headcount', values['headcount'], {
          min: 0,
          max: 1_000_000,
          integer: true,
          required: true,
        });
        if (roleId !== undefined && teamId !== undefined && month) {
          const key = `${roleId}|${teamId}|${month}`;
          const earlier = seen.get(key);
          if (earlier !== undefined) errors.add('month', `repeats line ${earlier} (same role, team and month)`);
          seen.set(key, errors.line);
        }
        if (!errors.ok || roleId === undefined || teamId === undefined || !month || headcount === undefined) return null;
        return { line: errors.line, roleId, teamId, month, headcount };
      },

      /** Upserts by (role, team, month). */
      async apply(rows, context, write) {
        const { manager } = context;
        const stored = new Map(
          (await manager.getRepository(HeadcountPlan).find()).map((p) => [
            `${p.roleId}|${p.teamId}|${String(p.month).slice(0, 10)}`,
            p,
          ]),
        );
        const counts = { created: 0, updated: 0, unchanged: 0 };
        const inserts: Omit<PlanRow, 'line'>[] = [];
        for (const row of rows) {
          const before = stored.get(`${row.roleId}|${row.teamId}|${row.month}`);
          if (!before) {
            counts.created++;
            inserts.push({ roleId: row.roleId, teamId: row.teamId, month: row.month, headcount: row.headcount });
          } else if (before.headcount === row.headcount) counts.unchanged++;
          else {
            counts.updated++;
            if (write) await manager.update(HeadcountPlan, { id: before.id }, { headcount: row.headcount });
          }
        }
        if (write) for (const batch of chunks(inserts, 500)) await manager.insert(HeadcountPlan, batch);
        await context.progress(rows.length);
        return counts;
      },
    };
  },
};
