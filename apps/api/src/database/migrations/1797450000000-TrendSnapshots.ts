import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './schema-builders';

const key = (name: string) => ({ name, type: 'integer', isPrimary: true });

/**
 * Monthly snapshots of the coverage trend (DESIGN §5). They start empty: the API writes the past
 * month ends in the background after it starts (and reads them from completions until then).
 */
export class TrendSnapshots1797450000000 implements MigrationInterface {
  name = 'TrendSnapshots1797450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'trend_snapshots',
        columns: [
          key('scope_id'),
          key('skill_id'),
          { ...col.date('month_end'), isPrimary: true },
          col.int('headcount'),
          col.int('required'),
          col.int('met'),
          col.int('level_sum'),
        ],
        indices: [new TableIndex({ name: 'IDX_trend_snapshots_month', columnNames: ['month_end'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'trend_snapshot_months',
        columns: [{ ...col.date('month_end'), isPrimary: true }, col.datetime('computed_at')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'trend_snapshot_invalidations',
        columns: [col.id(), col.date('from_date'), col.datetime('created_at')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('trend_snapshot_invalidations');
    await queryRunner.dropTable('trend_snapshot_months');
    await queryRunner.dropTable('trend_snapshots');
  }
}
