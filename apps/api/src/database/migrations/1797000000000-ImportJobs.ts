import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './schema-builders';

/** Bulk import jobs (DESIGN §4): their state lives in the database, so any replica can answer for one. */
export class ImportJobs1797000000000 implements MigrationInterface {
  name = 'ImportJobs1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'import_jobs',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          col.varchar('entity', 32),
          col.varchar('status', 16),
          col.varchar('phase', 16),
          col.int('dry_run'),
          col.varchar('file_name', 255, true),
          col.varchar('file_sha256', 64, true),
          col.bigint('file_size'),
          col.int('user_id', true),
          col.int('rows_read'),
          col.int('rows_done'),
          col.int('rows_total', true),
          col.text('report'),
          col.datetime('created_at'),
          col.datetime('updated_at'),
          col.datetime('finished_at', true),
        ],
        indices: [new TableIndex({ name: 'IDX_import_jobs_created_at', columnNames: ['created_at'] })],
      }),
      false,
      true,
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('import_jobs');
  }
}
