import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { rebuildAssignmentProgress } from '../../modules/forecasts/assignment-progress.sql';
import { col, fk } from './schema-builders';

const key = (name: string) => ({ name, type: 'integer', isPrimary: true });

/**
 * Per (assignment, credential) progress, kept on write (DESIGN §3 "Completion rate" and
 * "Forecast", §5): the forecast's completion counts and pipeline read it instead of probing
 * completions for every assignment. Filled from the data already there.
 */
export class AssignmentProgress1797400000000 implements MigrationInterface {
  name = 'AssignmentProgress1797400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'assignment_progress',
        columns: [
          key('assignment_id'),
          key('credential_id'),
          col.int('employee_id'),
          col.date('due_date'),
          col.int('done'),
          col.int('all_done'),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_assignment_progress_counts',
            columnNames: ['all_done', 'credential_id', 'due_date', 'done'],
          }),
          new TableIndex({
            name: 'IDX_assignment_progress_open',
            columnNames: ['done', 'credential_id', 'employee_id', 'due_date'],
          }),
        ],
        foreignKeys: [fk('assignment_id', 'assignments', 'CASCADE')],
      }),
    );
    await rebuildAssignmentProgress(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('assignment_progress');
  }
}
