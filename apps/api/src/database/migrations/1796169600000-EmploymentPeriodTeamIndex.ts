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
    await queryRunner.dropIndex('employment_periods', 'IDX_employment_periods_team');
  }
}
