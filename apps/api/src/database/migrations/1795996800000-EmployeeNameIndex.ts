import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/** People lists sort by name: an index lets a page be read in order instead of sorting everyone. */
export class EmployeeNameIndex1795996800000 implements MigrationInterface {
  name = 'EmployeeNameIndex1795996800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('employees', new TableIndex({ name: 'IDX_employees_name', columnNames: ['name', 'id'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('employees', 'IDX_employees_name');
  }
}
