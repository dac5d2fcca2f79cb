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
        name: 'group_headcounts',
        columns: [key('team_id'), key('role_id'), key('location_id'), col.int('headcount'), col.int('recorded')],
      }),
    );
    await create(
      new Table({
        name: 'skill_rollups',
        columns: [
          key('team_id'),
          key('role_id'),
          key('location_id'),
          key('skill_id'),
          key('level'),
          { name: 'until_month', type: 'varchar', length: '7', isPrimary: true },
          col.int('holders'),
        ],
        indices: [index('IDX_skill_rollups_skill', ['skill_id', 'until_month'])],
      }),
    );
    await rebuildSkillState(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['skill_rollups', 'group_headcounts', 'rollup_members', 'employee_skill_levels', 'team_closure'])
      await queryRunner.dropTable(table);
  }
}
