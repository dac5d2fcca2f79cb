import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';
import { rebuildSkillState } from '../../modules/analytics/state/skill-state.sql';
import { col } from './schema-builders';

const index = (name: string, columnNames: string[]) => new TableIndex({ name, columnNames });
const key = (name: string): TableColumnOptions => ({ name, type: 'integer', isPrimary: true });

/**
 * The current skill state, the rollups the dashboards read and the team closure (DESIGN §5),
 * built from the data already there.
 */
export class SkillState1796083200000 implements MigrationInterface {
  name = 'SkillState1796083200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const create = (table: Table) => queryRunner.createTable(table, false, true, true);
    await create(
      new Table({
        name: 'team_closure',
        columns: [key('ancestor_id'), key('descendant_id'), col.int('depth')],
        indices: [index('IDX_team_closure_descendant', ['descendant_id'])],
      }),
    );
    await create(
      new Table({
        name: 'employee_skill_levels',
        columns: [key('employee_id'), key('skill_id'), key('level'), col.date('valid_until')],
        indices: [
          index('IDX_employee_skill_levels_skill', ['skill_id', 'level', 'valid_until']),
          index('IDX_employee_skill_levels_until', ['valid_until']),
        ],
      }),
    );
    await create(
      new Table({
        name: 'rollup_members',
        columns: [key('employee_id'), col.int('team_id'), col.int('role_id'), col.int('location_id'), col.int('recorded')],
        indices: [index('IDX_rollup_members_team', ['team_id'])],
      }),
    );
    await create(
      new Table({
        name: 'headcount_stats',
        columns: [key('scope_id'), key('dim'), key('dim_id'), key('role_id'), col.int('headcount'), col.int('recorded')],
      }),
    );
    await create(
      new Table({
        name: 'skill_stats',
        columns: [
          key('scope_id'),
          key('dim'),
          key('dim_id'),
          key('skill_id'),
          key('level'),
          col.int('holders'),
          col.int('met'),
          col.int('towards'),
        ],
      }),
    );
    await create(new Table({ name: 'rollup_state', columns: [key('id'), col.date('valid_on')] }));
    // A day back, so the date is never after the organisation's today, whatever its time zone.
    await rebuildSkillState(queryRunner, new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'rollup_state',
      'skill_stats',
      'headcount_stats',
      'rollup_members',
      'employee_skill_levels',
      'team_closure',
    ])
      await queryRunner.dropTable(table);
  }
}
