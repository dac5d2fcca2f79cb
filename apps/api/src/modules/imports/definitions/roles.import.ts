import { CATALOGUE_STATUSES, type CatalogueStatus } from '@skillgrid/shared';
import { nameKey } from '../../../database/column-types';
import { loadSkills, upsertRoles, type RoleInput } from '../catalogue-writers';
import type { Layout } from '../columns';
import { choiceCell, numberCell, textCell } from '../fields';
import type { ImportDefinition, RowChecker } from '../import-definition';

interface RoleRow {
  line: number;
  name: string;
  family: string | undefined;
  description: string | undefined;
  externalRef: string | undefined;
  status: CatalogueStatus | undefined;
  requirement: { skillId: number; requiredLevel: number; weight: number } | undefined;
}

const LAYOUT: Layout = {
  name: 'Skillgrid',
  columns: [
    { name: 'name', required: true, description: 'Role name (unique, case-insensitive); one row per requirement' },
    { name: 'family', description: 'Role family' },
    { name: 'description', description: 'Free text' },
    { name: 'external_ref', description: 'e.g. an O*NET-SOC code; the key when given' },
    { name: 'status', description: '`active` (default) or `retired`' },
    { name: 'skill', description: 'A required skill, by name or external reference (blank: the role only)' },
    { name: 'required_level', description: '1–5, with skill' },
    { name: 'weight', description: '1–3 (3 = critical), default 1' },
  ],
};

export const rolesImport: ImportDefinition<RoleRow> = {
  entity: 'roles',
  layouts: [LAYOUT],
  example: ['Warehouse Operative', 'Operations', 'Moves stock safely', '', 'active', 'Forklift operation', '3', '3'],

  async prepare({ manager }): Promise<RowChecker<RoleRow>> {
    const { byName, byRef } = await loadSkills(manager);
    const seen = new Map<string, number>();
    return {
      row(values, errors) {
        const name = textCell(errors, 'name', values['name'], { maxLength: 120, required: true });
        const family = textCell(errors, 'family', values['family'], { maxLength: 120 });
        const description = textCell(errors, 'description', values['description'], { maxLength: 1000 });
        const externalRef = textCell(errors, 'external_ref', values['external_ref'], { maxLength: 255 });
        const status = choiceCell<CatalogueStatus>(errors, 'status', values['status'], CATALOGUE_STATUSES);
        const skillName = values['skill'];
        let requirement: RoleRow['requirement'];
        if (skillName !== undefined) {
          const skill = byRef.get(skillName) ?? byName.get(nameKey(skillName));
          if (!skill) errors.add('skill', `no skill is called (or has the external reference) "${skillName}"`);
          const requiredLevel = numberCell(errors, 'required_level', values['required_level'], {
            min: 1,
            max: 5,
            integer: true,
            required: true,
          });
          const weight = numberCell(errors, 'weight', values['weight'], { min: 1, max: 3, integer: true }) ?? 1;
          if (skill && name !== undefined) {
            const key = `${externalRef ?? nameKey(name)}|${skill.id}`;
            const earlier = seen.get(key);
            if (earlier !== undefined) errors.add('skill', `repeats line ${earlier} (same role and skill)`);
            seen.set(key, errors.line);
          }
          if (skill && requiredLevel !== undefined) requirement = { skillId: skill.id, requiredLevel, weight };
        } else if (values['required_level'] !== undefined) errors.add('skill', 'is required with required_level');
        if (!errors.ok || name === undefined) return null;
        return { line: errors.line, name, family, description, externalRef, status, requirement };
      },

      async apply(rows, context, write) {
        // One input per role, in the order first met; a role with requirement rows gets exactly those.
        const inputs = new Map<string, RoleInput & { lines: RoleRow[] }>();
        for (const row of rows) {
          const key = row.externalRef ? `ref:${row.externalRef}` : `name:${nameKey(row.name)}`;
          let input = inputs.get(key);
          if (!input) {
            input = { ...row, requirements: undefined, lines: [] };
            inputs.set(key, input);
          }
          input.family ??= row.family;
          input.description ??= row.description;
          input.status ??= row.status;
          if (row.requirement) (input.requirements ??= []).push(row.requirement);
          input.lines.push(row);
        }
        const list = [...inputs.values()];
        const { roles, requirements } = await upsertRoles(context.manager, context.dialect, list, write);
        const counts = { created: 0, updated: 0, unchanged: 0 };
        // Each row counts once: as its requirement's outcome, or its role's when it names no skill.
        list.forEach((input, i) => {
          let r = 0;
          for (const row of input.lines) {
            const outcome = row.requirement ? requirements[i][r++] : roles[i];
            counts[roles[i] === 'created' ? 'created' : outcome]++;
          }
        });
        await context.progress(rows.length);
        return counts;
      },
    };
  },
};
