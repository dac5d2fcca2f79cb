import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { rebuildForecastStats } from '../../modules/analytics/state/skill-state.sql';
import { col } from './schema-builders';

const key = (name: string) => ({ name, type: 'integer', isPrimary: true });

/**
 * The forecast's rollups (DESIGN §3 "Forecast", §5): qualified holders per scope, role and skill
 * by the month their level ends, and the renewal counts per skill and expiry day; filled from
 * the data already there. Also the indexes the attrition rate's leavers and its inputs' version
 * are read by.
 */
export class ForecastStats1797300000000 implements MigrationInterface {
  name = 'ForecastStats1797300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'qualified_stats',
        columns: [
          key('scope_id'),
          key('role_id'),
          key('skill_id'),
          { ...col.date('until_month'), isPrimary: true },
          col.int('holders'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'renewal_stats',
        columns: [key('skill_id'), { ...col.date('expires_on'), isPrimary: true }, col.int('expired'), col.int('renewed')],
        indices: [new TableIndex({ name: 'IDX_renewal_stats_expires', columnNames: ['expires_on'] })],
      }),
    );
    await queryRunner.createIndex(
      'employees',
      new TableIndex({ name: 'IDX_employees_leave_date', columnNames: ['leave_date', 'role_id'] }),
    );
    // The last change of each kind of record, found without a scan (the attrition inputs' version).
    await queryRunner.createIndex(
      'audit_log',
      new TableIndex({ name: 'IDX_audit_log_entity_id', columnNames: ['entity', 'id'] }),
    );
    const [state] = (await queryRunner.query('SELECT valid_on AS d FROM rollup_state WHERE id = 1')) as Array<{ d: string }>;
    if (state) await rebuildForecastStats(queryRunner, String(state.d).slice(0, 10));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('audit_log', 'IDX_audit_log_entity_id');
    await queryRunner.dropIndex('employees', 'IDX_employees_leave_date');
    await queryRunner.dropTable('renewal_stats');
    await queryRunner.dropTable('qualified_stats');
  }
}
