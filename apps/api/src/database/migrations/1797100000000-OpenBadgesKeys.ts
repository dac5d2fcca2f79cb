import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col, fk } from './schema-builders';

/** The organisation's signing keys (Open Badges out) and the Open Badges employees import. */
export class OpenBadgesKeys1797100000000 implements MigrationInterface {
  name = 'OpenBadgesKeys1797100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const create = (table: Table) => queryRunner.createTable(table, false, true, true);
    await create(
      new Table({
        name: 'organisation_keys',
        columns: [
          col.id(),
          col.varchar('purpose', 32),
          col.varchar('algorithm', 32),
          col.varchar('controller', 255),
          col.varchar('public_key_multibase', 128),
          col.varchar('secret_key_multibase', 255),
          col.datetime('created_at'),
        ],
        indices: [new TableIndex({ name: 'UQ_organisation_keys_purpose', columnNames: ['purpose'], isUnique: true })],
      }),
    );
    await create(
      new Table({
        name: 'open_badge_imports',
        columns: [
          col.id(),
          col.int('employee_id'),
          col.varchar('format', 8),
          col.varchar('fingerprint', 64),
          col.int('verified'),
          col.varchar('achievement_id', 500, true),
          col.varchar('achievement_name', 300),
          col.varchar('issuer_id', 500, true),
          col.varchar('issuer_name', 300, true),
          col.date('awarded_at'),
          col.date('expires_at', true),
          col.int('credential_id', true),
          col.varchar('mapped_by', 16, true),
          col.int('completion_id', true),
          col.varchar('reason', 500, true),
          col.text('checks', false),
          col.text('document'),
          col.int('imported_by_user_id', true),
          col.datetime('created_at'),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_open_badge_imports_employee_fingerprint',
            columnNames: ['employee_id', 'fingerprint'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_open_badge_imports_credential', columnNames: ['credential_id'] }),
          new TableIndex({ name: 'IDX_open_badge_imports_completion', columnNames: ['completion_id'] }),
        ],
        foreignKeys: [
          fk('employee_id', 'employees', 'CASCADE'),
          fk('credential_id', 'credentials'),
          fk('completion_id', 'completions', 'SET NULL'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('open_badge_imports');
    await queryRunner.dropTable('organisation_keys');
  }
}
