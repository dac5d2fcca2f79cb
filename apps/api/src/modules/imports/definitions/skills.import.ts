import { CATALOGUE_STATUSES, SKILL_KINDS, type CatalogueStatus, type SkillKind } from '@skillgrid/shared';
import { nameKey } from '../../../database/column-types';
import { loadSkills, tally, upsertSkills, type SkillInput } from '../catalogue-writers';
import type { Layout } from '../columns';
import { choiceCell, textCell } from '../fields';
import type { ImportDefinition, RowChecker } from '../import-definition';

interface SkillRow extends SkillInput {
  line: number;
}

const LAYOUT: Layout = {
  name: 'Skillgrid',
  columns: [
    { name: 'name', required: true, description: 'Skill name (unique, case-insensitive); the key when external_ref is blank' },
    { name: 'category', required: true, description: 'Skill category; created when new' },
    { name: 'kind', description: '`hard` or `soft`; required for a new skill' },
    { name: 'description', description: 'Free text' },
    { name: 'external_ref', description: 'ESCO URI, O*NET element id or SFIA code; the key when given' },
    { name: 'status', description: '`active` (default for new skills) or `retired`' },
  ],
};

export const skillsImport: ImportDefinition<SkillRow> = {
  entity: 'skills',
  layouts: [LAYOUT],
  example: ['Forklift operation', 'Logistics', 'hard', 'Operate counterbalance forklifts safely', '', 'active'],

  async prepare({ manager }): Promise<RowChecker<SkillRow>> {
    const { byName, byRef } = await loadSkills(manager);
    const seen = new Map<string, number>();
    return {
      row(values, errors) {
        const name = textCell(errors, 'name', values['name'], { maxLength: 200, required: true });
        const category = textCell(errors, 'category', values['category'], { maxLength: 120, required: true });
        const kind = choiceCell<SkillKind>(errors, 'kind', values['kind'], SKILL_KINDS);
        const description = textCell(errors, 'description', values['description'], { maxLength: 10_000 });
        const externalRef = textCell(errors, 'external_ref', values['external_ref'], { maxLength: 255 });
        const status = choiceCell<CatalogueStatus>(errors, 'status', values['status'], CATALOGUE_STATUSES);
        if (name !== undefined) {
          const key = externalRef ? `ref:${externalRef}` : `name:${nameKey(name)}`;
          const earlier = seen.get(key) ?? seen.get(`name:${nameKey(name)}`);
          if (earlier !== undefined) errors.add(externalRef ? 'external_ref' : 'name', `repeats line ${earlier}`);
          seen.set(key, errors.line);
          seen.set(`name:${nameKey(name)}`, errors.line);
          const exists = (externalRef && byRef.has(externalRef)) || byName.has(nameKey(name));
          if (!exists && kind === undefined && values['kind'] === undefined) errors.add('kind', 'is required for a new skill');
        }
        if (!errors.ok || name === undefined || category === undefined) return null;
        return { line: errors.line, name, category, kind, description, externalRef, status };
      },

      async apply(rows, context, write) {
        const { outcomes, conflicts } = await upsertSkills(context.manager, rows, write);
        await context.progress(rows.length);
        return {
          ...tally(outcomes),
          errors: conflicts.map((c) => ({ line: rows[c.index].line, field: 'name', message: c.message })),
        };
      },
    };
  },
};
