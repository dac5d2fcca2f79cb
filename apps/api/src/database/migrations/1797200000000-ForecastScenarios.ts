import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col, fk } from './schema-builders';

/** Named forecast scenarios, saved per user (DESIGN §3 "Scenarios"). */
export class ForecastScenarios1797200000000 implements MigrationInterface {
  name = 'ForecastScenarios1797200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'forecast_scenarios',
        columns: [
          col.id(),
          col.int('user_id'),
          col.varchar('name', 120),
          col.text('settings', false),
          col.datetime('created_at'),
          col.datetime('updated_at'),
        ],
        indices: [new TableIndex({ name: 'IDX_forecast_scenarios_user', columnNames: ['user_id'] })],
        foreignKeys: [fk('user_id', 'users', 'CASCADE')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('forecast_scenarios');
  }
}
