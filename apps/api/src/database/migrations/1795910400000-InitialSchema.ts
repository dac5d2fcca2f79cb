import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col, fk } from './schema-builders';

const unique = (name: string, columnNames: string[]) => new TableIndex({ name, columnNames, isUnique: true });
const index = (name: string, columnNames: string[]) => new TableIndex({ name, columnNames });

export class InitialSchema1795910400000 implements MigrationInterface {
  name = 'InitialSchema1795910400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const create = (table: Table) => queryRunner.createTable(table, false, true, true);

    await create(
      new Table({
        name: 'organisation_settings',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          col.varchar('name', 200),
          col.varchar('time_zone', 64),
          col.varchar('currency', 3),
          col.int('privacy_min_group'),
          col.datetime('updated_at'),
        ],
      }),
    );
    await create(
      new Table({
        name: 'proficiency_levels',
        columns: [
          { name: 'level', type: 'integer', isPrimary: true },
          col.varchar('label', 60),
          col.varchar('description', 500, true),
        ],
      }),
    );
    await create(
      new Table({
        name: 'locations',
        columns: [col.id(), col.varchar('name', 120), col.varchar('name_key', 120), col.varchar('country', 80, true)],
        indices: [unique('UQ_locations_name_key', ['name_key'])],
      }),
    );
    await create(
      new Table({
        name: 'skill_categories',
        columns: [col.id(), col.varchar('name', 120), col.varchar('name_key', 120), col.varchar('description', 1000, true)],
        indices: [unique('UQ_skill_categories_name_key', ['name_key'])],
      }),
    );
    await create(
      new Table({
        name: 'skills',
        columns: [
          col.id(),
          col.varchar('name', 200),
          col.varchar('name_key', 200),
          col.int('category_id'),
          col.varchar('kind', 8),
          col.text('description'),
          col.varchar('external_ref', 255, true),
          col.varchar('status', 16),
        ],
        indices: [
          unique('UQ_skills_name_key', ['name_key']),
          index('IDX_skills_category', ['category_id']),
          index('IDX_skills_external_ref', ['external_ref']),
        ],
        foreignKeys: [fk('category_id', 'skill_categories')],
      }),
    );
    await create(
      new Table({
        name: 'roles',
        columns: [
          col.id(),
          col.varchar('name', 120),
          col.varchar('name_key', 120),
          col.varchar('family', 120, true),
          col.varchar('description', 1000, true),
          col.varchar('external_ref', 255, true),
          col.varchar('status', 16),
        ],
        indices: [unique('UQ_roles_name_key', ['name_key'])],
      }),
    );
    await create(
      new Table({
        name: 'role_requirements',
        columns: [col.id(), col.int('role_id'), col.int('skill_id'), col.int('required_level'), col.int('weight')],
        indices: [
          unique('UQ_role_requirements_role_skill', ['role_id', 'skill_id']),
          index('IDX_role_requirements_skill', ['skill_id']),
        ],
        foreignKeys: [fk('role_id', 'roles', 'CASCADE'), fk('skill_id', 'skills')],
      }),
    );
    await create(
      new Table({
        name: 'teams',
        columns: [
          col.id(),
          col.varchar('name', 120),
          col.varchar('name_key', 120),
          col.int('parent_id', true),
          col.varchar('path', 255),
          col.int('depth'),
          col.int('manager_id', true),
        ],
        indices: [unique('UQ_teams_name_key', ['name_key']), index('IDX_teams_path', ['path'])],
        foreignKeys: [fk('parent_id', 'teams')],
      }),
    );
    await create(
      new Table({
        name: 'employees',
        columns: [
          col.id(),
          col.varchar('external_id', 64, true),
          col.varchar('name', 160),
          col.varchar('email', 254),
          col.int('team_id'),
          col.int('role_id'),
          col.int('location_id', true),
          col.date('hire_date'),
          col.varchar('status', 16),
          col.date('leave_date', true),
          col.int('target_role_id', true),
          col.datetime('created_at'),
          col.datetime('updated_at'),
        ],
        indices: [
          unique('UQ_employees_external_id', ['external_id']),
          unique('UQ_employees_email', ['email']),
          index('IDX_employees_team_status', ['team_id', 'status']),
          index('IDX_employees_role_status', ['role_id', 'status']),
        ],
        foreignKeys: [
          fk('team_id', 'teams'),
          fk('role_id', 'roles'),
          fk('location_id', 'locations'),
          fk('target_role_id', 'roles', 'SET NULL'),
        ],
      }),
    );
    // teams.manager_id and employees.team_id point at each other: the second key comes last.
    await queryRunner.createForeignKey('teams', fk('manager_id', 'employees', 'SET NULL'));
    await create(
      new Table({
        name: 'employment_periods',
        columns: [
          col.id(),
          col.int('employee_id'),
          col.int('team_id'),
          col.int('role_id'),
          col.int('location_id', true),
          col.date('start_date'),
          col.date('end_date', true),
        ],
        indices: [index('IDX_employment_periods_employee', ['employee_id', 'start_date'])],
        foreignKeys: [
          fk('employee_id', 'employees', 'CASCADE'),
          fk('team_id', 'teams'),
          fk('role_id', 'roles'),
          fk('location_id', 'locations'),
        ],
      }),
    );
    await create(
      new Table({
        name: 'team_capability_targets',
        columns: [col.id(), col.int('team_id'), col.int('skill_id'), col.int('min_level'), col.int('required_count')],
        indices: [unique('UQ_team_capability_targets', ['team_id', 'skill_id'])],
        foreignKeys: [fk('team_id', 'teams', 'CASCADE'), fk('skill_id', 'skills')],
      }),
    );
    await create(
      new Table({
        name: 'credentials',
        columns: [
          col.id(),
          col.varchar('name', 200),
          col.varchar('name_key', 200),
          col.varchar('provider', 160),
          col.varchar('type', 32),
          col.varchar('delivery_method', 32),
          col.decimal('hours', 7, 1),
          col.decimal('cost', 12, 2),
          col.int('validity_months', true),
          col.varchar('status', 16),
          col.text('description'),
          col.varchar('url', 500, true),
          col.varchar('achievement_id', 255, true),
          col.varchar('credly_template_id', 255, true),
          col.varchar('badgr_class_id', 255, true),
        ],
        indices: [
          unique('UQ_credentials_name_key', ['name_key']),
          index('IDX_credentials_achievement_id', ['achievement_id']),
          index('IDX_credentials_credly_template_id', ['credly_template_id']),
          index('IDX_credentials_badgr_class_id', ['badgr_class_id']),
        ],
      }),
    );
    await create(
      new Table({
        name: 'credential_skills',
        columns: [col.id(), col.int('credential_id'), col.int('skill_id'), col.int('level')],
        indices: [
          unique('UQ_credential_skills_credential_skill', ['credential_id', 'skill_id']),
          index('IDX_credential_skills_skill', ['skill_id']),
        ],
        foreignKeys: [fk('credential_id', 'credentials', 'CASCADE'), fk('skill_id', 'skills')],
      }),
    );
    await create(
      new Table({
        name: 'clusters',
        columns: [
          col.id(),
          col.varchar('name', 200),
          col.varchar('name_key', 200),
          col.varchar('purpose', 32),
          col.text('description'),
          col.int('target_role_id', true),
          col.varchar('status', 16),
        ],
        indices: [unique('UQ_clusters_name_key', ['name_key'])],
        foreignKeys: [fk('target_role_id', 'roles', 'SET NULL')],
      }),
    );
    await create(
      new Table({
        name: 'cluster_credentials',
        columns: [col.id(), col.int('cluster_id'), col.int('credential_id'), col.int('position')],
        indices: [
          unique('UQ_cluster_credentials_cluster_credential', ['cluster_id', 'credential_id']),
          index('IDX_cluster_credentials_credential', ['credential_id']),
        ],
        foreignKeys: [fk('cluster_id', 'clusters', 'CASCADE'), fk('credential_id', 'credentials')],
      }),
    );
    await create(
      new Table({
        name: 'users',
        columns: [
          col.id(),
          col.varchar('email', 254),
          col.varchar('password_hash', 255),
          col.varchar('role', 16),
          col.int('employee_id', true),
          col.datetime('disabled_at', true),
          col.datetime('last_login_at', true),
          col.datetime('created_at'),
        ],
        indices: [unique('UQ_users_email', ['email']), unique('UQ_users_employee_id', ['employee_id'])],
        foreignKeys: [fk('employee_id', 'employees', 'SET NULL')],
      }),
    );
    await create(
      new Table({
        name: 'assignments',
        columns: [
          col.id(),
          col.int('employee_id'),
          col.int('cluster_id', true),
          col.int('credential_id', true),
          col.int('assigned_by_user_id', true),
          col.date('assigned_at'),
          col.date('due_date'),
          col.varchar('note', 1000, true),
          col.datetime('cancelled_at', true),
          col.datetime('created_at'),
        ],
        indices: [
          index('IDX_assignments_employee', ['employee_id', 'due_date']),
          index('IDX_assignments_due_date', ['due_date']),
          index('IDX_assignments_cluster', ['cluster_id']),
          index('IDX_assignments_credential', ['credential_id']),
        ],
        foreignKeys: [
          fk('employee_id', 'employees', 'CASCADE'),
          fk('cluster_id', 'clusters'),
          fk('credential_id', 'credentials'),
          fk('assigned_by_user_id', 'users', 'SET NULL'),
        ],
      }),
    );
    await create(
      new Table({
        name: 'completions',
        columns: [
          col.id(),
          col.int('employee_id'),
          col.int('credential_id'),
          col.date('awarded_at'),
          col.date('expires_at', true),
          col.varchar('source', 16),
          col.varchar('evidence_url', 1000, true),
          col.decimal('score', 6, 2, true),
          col.varchar('status', 16),
          col.varchar('status_reason', 500, true),
          col.datetime('created_at'),
          col.datetime('updated_at'),
        ],
        indices: [
          unique('UQ_completions_employee_credential_awarded', ['employee_id', 'credential_id', 'awarded_at']),
          index('IDX_completions_credential_awarded', ['credential_id', 'awarded_at']),
          index('IDX_completions_expires_at', ['expires_at']),
        ],
        foreignKeys: [fk('employee_id', 'employees', 'CASCADE'), fk('credential_id', 'credentials')],
      }),
    );
    await create(
      new Table({
        name: 'headcount_plans',
        columns: [col.id(), col.int('role_id'), col.int('team_id', true), col.date('month'), col.int('headcount')],
        indices: [index('IDX_headcount_plans_role_month', ['role_id', 'month'])],
        foreignKeys: [fk('role_id', 'roles', 'CASCADE'), fk('team_id', 'teams', 'CASCADE')],
      }),
    );
    await create(
      new Table({
        name: 'audit_log',
        columns: [
          col.id(),
          col.datetime('at'),
          col.int('user_id', true),
          col.varchar('action', 32),
          col.varchar('entity', 64),
          col.varchar('entity_id', 64, true),
          col.text('before'),
          col.text('after'),
        ],
        indices: [index('IDX_audit_log_entity', ['entity', 'entity_id']), index('IDX_audit_log_at', ['at'])],
      }),
    );
    await create(
      new Table({
        name: 'throttle_records',
        columns: [
          { name: 'key', type: 'varchar', length: '191', isPrimary: true },
          col.int('hits'),
          col.bigint('expires_at'),
          col.bigint('blocked_until'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'throttle_records',
      'audit_log',
      'headcount_plans',
      'completions',
      'assignments',
      'users',
      'cluster_credentials',
      'clusters',
      'credential_skills',
      'credentials',
      'team_capability_targets',
      'employment_periods',
    ]) {
      await queryRunner.dropTable(table);
    }
    await queryRunner.dropForeignKeys('teams', (await queryRunner.getTable('teams'))?.foreignKeys ?? []);
    for (const table of [
      'employees',
      'teams',
      'role_requirements',
      'roles',
      'skills',
      'skill_categories',
      'locations',
      'proficiency_levels',
      'organisation_settings',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
