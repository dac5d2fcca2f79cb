import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { rebuildExpiryStats } from '../../modules/analytics/state/skill-state.sql';
import { col } from './schema-builders';

/**
 * Unrenewed expiries per team sub-tree and day (DESIGN §5: the overview's "expiring in 90 days"
 * must not scan completions), filled from the data already there.
 */
export class ExpiryStats1796256000000 implements MigrationInterface {
  name = 'ExpiryStats1796256000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'expiry_stats',
        columns: [
          { name: 'scope_id', type: 'integer', isPrimary: true },
          { ...col.date('expires_on'), isPrimary: true },
          col.int('completions'),
        ],
      }),
    );
    const [state] = (await queryRunner.query('SELECT valid_on AS d FROM rollup_state WHERE id = 1')) as Array<{ d: string }>;
    if (state) await rebuildExpiryStats(queryRunner, String(state.d).slice(0, 10));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('expiry_stats');
  }
}
