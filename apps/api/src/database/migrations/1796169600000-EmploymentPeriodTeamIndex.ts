import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/** Past as-of dates read a team's employment history: an index finds its periods by team. */
export class EmploymentPeriodTeamIndex1796169600000 implements MigrationInterface {
  name = 'EmploymentPeriodTeamIndex1796169600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'employment_periods',
      new TableIndex({ name: 'IDX_employment_periods_team', columnNames: ['team_id', 'start_date'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // MySQL lets the team foreign key use this index; it needs another before this one can go.
    if (queryRunner.connection.options.type !== 'better-sqlite3')
      await queryRunner.createIndex(
        'employment_periods',
        new TableIndex({ name: 'IDX_employment_periods_team_fk', columnNames: ['team_id'] }),
      );
    await queryRunner.dropIndex('employment_periods', 'IDX_employment_periods_team');
  }
}
