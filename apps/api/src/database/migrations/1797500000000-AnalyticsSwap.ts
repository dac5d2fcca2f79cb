import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from './schema-builders';

/**
 * rollup_state.swap_id: set, in a committed row, while a full analytics rebuild written into
 * copies of the derived tables waits to be renamed into place (MySQL/MariaDB; see
 * analytics-swap.ts). Writers of the statistics read it under their lock and retry meanwhile.
 */
export class AnalyticsSwap1797500000000 implements MigrationInterface {
  name = 'AnalyticsSwap1797500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('rollup_state', new TableColumn(col.varchar('swap_id', 32, true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('rollup_state', 'swap_id');
  }
}
