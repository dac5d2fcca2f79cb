import { EMPLOYEE_STATUSES, type EmployeeStatus } from '@skillgrid/shared';
import { IsNull } from 'typeorm';
import { nameKey, utcNow } from '../../../database/column-types';
import { chunks } from '../../../database/sql';
import { invalidateAllTrendSnapshots } from '../../analytics/snapshots/trend-snapshots.sql';
import { contributeEmployees, withdrawEmployees } from '../../analytics/state/skill-state.sql';
import { Employee } from '../../employees/employee.entity';
import { EmploymentPeriod } from '../../employees/employment-period.entity';
import { Location } from '../../organisation/location.entity';
import type { Layout } from '../columns';
import { choiceCell, dateCell, textCell } from '../fields';
import type { ImportDefinition, RowChecker } from '../import-definition';

interface EmployeeRow {
  line: number;
  /** The stored employee this row updates, if any. */
  existing: Employee | undefined;
  externalId: string | undefined;
  email: string;
  name: string | undefined;
  teamId: number | undefined;
  roleId: number | undefined;
  location: string | undefined;
  hireDate: string | undefined;
  status: EmployeeStatus | undefined;
  leaveDate: string | undefined;
  targetRoleId: number | undefined;
}

const LAYOUT: Layout = {
  name: 'Skillgrid',
  columns: [
    { name: 'external_id', description: 'HRIS id; the key when given (else the e-mail)' },
    { name: 'email', required: true, description: 'Work e-mail, unique (stored lower-case)' },
    { name: 'name', description: 'Full name; required for a new employee' },
    { name: 'team', description: 'Team name; required for a new employee' },
    { name: 'role', description: 'Role name or external reference; required for a new employee' },
    { name: 'location', description: 'Location name; created when new' },
    { name: 'hire_date', description: 'YYYY-MM-DD; required for a new employee' },
    { name: 'status', description: '`active` (default) or `left`' },
    { name: 'leave_date', description: 'YYYY-MM-DD, with status `left` (default: today)' },
    { name: 'target_role', description: 'Career-goal role, by name or external reference' },
  ],
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const employeesImport: ImportDefinition<EmployeeRow> = {
  entity: 'employees',
  layouts: [LAYOUT],
  example: [
    'E-1001',
    'ada@example.com',
    'Ada Lovelace',
    'Warehouse',
    'Warehouse Operative',
    'Leeds',
    '2021-04-01',
    'active',
    '',
    '',
  ],

  async prepare({ manager, today }): Promise<RowChecker<EmployeeRow>> {
    const employees = await manager.getRepository(Employee).find();
    const byEmail = new Map(employees.map((e) => [e.email, e]));
    const byExternalId = new Map(employees.filter((e) => e.externalId).map((e) => [e.externalId as string, e]));
    const teams = (await manager.query('SELECT id, name_key FROM teams')) as Array<{ id: number | string; name_key: string }>;
    const teamIds = new Map(teams.map((t) => [t.name_key, Number(t.id)]));
    const roles = (await manager.query('SELECT id, name_key, external_ref FROM roles')) as Array<{
      id: number | string;
      name_key: string;
      external_ref: string | null;
    }>;
    const roleIds = new Map<string, number>();
    for (const r of roles) {
      roleIds.set(r.name_key, Number(r.id));
      if (r.external_ref) roleIds.set(`ref:${r.external_ref}`, Number(r.id));
    }
    const roleOf = (value: string) => roleIds.get(`ref:${value}`) ?? roleIds.get(nameKey(value));
    const seenEmail = new Map<string, number>();
    const seenExternal = new Map<string, number>();
    return {
      row(values, errors) {
        const externalId = textCell(errors, 'external_id', values['external_id'], { maxLength: 64 });
        const email = textCell(errors, 'email', values['email']?.toLowerCase(), { maxLength: 254, required: true });
        if (email !== undefined && !EMAIL.test(email)) errors.add('email', `"${email}" is not an e-mail address`);
        const existing = (externalId ? byExternalId.get(externalId) : undefined) ?? (email ? byEmail.get(email) : undefined);
        const name = textCell(errors, 'name', values['name'], { maxLength: 160, required: !existing });
        const teamName = values['team'];
        const teamId = teamName === undefined ? undefined : teamIds.get(nameKey(teamName));
        if (teamName !== undefined && teamId === undefined) errors.add('team', `no team is called "${teamName}"`);
        if (teamName === undefined && !existing) errors.add('team', 'is required for a new employee');
        const roleName = values['role'];
        const roleId = roleName === undefined ? undefined : roleOf(roleName);
        if (roleName !== undefined && roleId === undefined) errors.add('role', `no role is called "${roleName}"`);
        if (roleName === undefined && !existing) errors.add('role', 'is required for a new employee');
        const location = textCell(errors, 'location', values['location'], { maxLength: 120 });
        const hireDate = dateCell(errors, 'hire_date', values['hire_date'], { required: !existing });
        if (hireDate && hireDate > today) errors.add('hire_date', `${hireDate} is in the future (today is ${today})`);
        const status = choiceCell<EmployeeStatus>(errors, 'status', values['status'], EMPLOYEE_STATUSES);
        const leaveDate = dateCell(errors, 'leave_date', values['leave_date']);
        if (leaveDate && (status ?? existing?.status) !== 'left')
          errors.add('leave_date', "applies to leavers only: set status 'left' with it");
        const start = hireDate ?? existing?.hireDate;
        if (leaveDate && start && leaveDate < start) errors.add('leave_date', `must be on or after the hire date ${start}`);
        const targetName = values['target_role'];
        const targetRoleId = targetName === undefined ? undefined : roleOf(targetName);
        if (targetName !== undefined && targetRoleId === undefined)
          errors.add('target_role', `no role is called "${targetName}"`);
        if (email !== undefined) {
          const earlier = seenEmail.get(email);
          if (earlier !== undefined) errors.add('email', `repeats line ${earlier}`);
          seenEmail.set(email, errors.line);
          const owner = byEmail.get(email);
          if (owner && existing && owner.id !== existing.id) errors.add('email', 'belongs to another employee');
        }
        if (externalId !== undefined) {
          const earlier = seenExternal.get(externalId);
          if (earlier !== undefined) errors.add('external_id', `repeats line ${earlier}`);
          seenExternal.set(externalId, errors.line);
        }
        if (!errors.ok || email === undefined) return null;
        return {
          line: errors.line,
          existing,
          externalId,
          email,
          name,
          teamId,
          roleId,
          location,
          hireDate,
          status,
          leaveDate,
          targetRoleId,
        };
      },

      /**
       * New people get their first employment period from the hire date. A move (team, role or
       * location) closes the open period today and opens the next; leaving closes it on the leave
       * date; returning opens one today — as the employee form does.
       */
      async apply(rows, context, write) {
        const { manager, dialect, today } = context;
        const locations = new Map((await manager.getRepository(Location).find()).map((l) => [l.nameKey, l.id]));
        const locationId = async (name: string | undefined): Promise<number | null | undefined> => {
          if (name === undefined) return undefined;
          const key = nameKey(name);
          if (!locations.has(key) && write)
            locations.set(
              key,
              Number((await manager.insert(Location, { name: name.trim(), nameKey: key, country: null })).identifiers[0]['id']),
            );
          return locations.get(key) ?? -1;
        };
        const counts = { created: 0, updated: 0, unchanged: 0 };
        const now = utcNow();
        const changed: Array<{ row: EmployeeRow; next: Employee }> = [];
        const created: Employee[] = [];
        for (const row of rows) {
          const location = await locationId(row.location);
          if (!row.existing) {
            counts.created++;
            created.push(
              Object.assign(new Employee(), {
                externalId: row.externalId ?? null,
                name: (row.name as string).trim(),
                email: row.email,
                teamId: row.teamId as number,
                roleId: row.roleId as number,
                locationId: location ?? null,
                hireDate: row.hireDate as string,
                status: row.status ?? 'active',
                leaveDate: row.status === 'left' ? (row.leaveDate ?? today) : null,
                targetRoleId: row.targetRoleId ?? null,
                createdAt: now,
                updatedAt: now,
              }),
            );
            continue;
          }
          const before = row.existing;
          const status = row.status ?? before.status;
          const next = Object.assign(new Employee(), before, {
            externalId: row.externalId ?? before.externalId,
            name: row.name?.trim() ?? before.name,
            email: row.email,
            teamId: row.teamId ?? before.teamId,
            roleId: row.roleId ?? before.roleId,
            locationId: location === undefined ? before.locationId : location,
            hireDate: row.hireDate ?? before.hireDate,
            status,
            leaveDate: status === 'left' ? (row.leaveDate ?? before.leaveDate ?? today) : null,
            targetRoleId: row.targetRoleId ?? before.targetRoleId,
          });
          const fields = [
            'externalId',
            'name',
            'email',
            'teamId',
            'roleId',
            'locationId',
            'hireDate',
            'status',
            'leaveDate',
            'targetRoleId',
          ] as const;
          if (fields.every((field) => next[field] === before[field])) counts.unchanged++;
          else {
            counts.updated++;
            changed.push({ row, next });
          }
        }
        if (!write) return counts;

        await withdrawEmployees(
          manager,
          dialect,
          changed.map((c) => c.row.existing?.id as number),
        );
        for (const { row, next } of changed) {
          const before = row.existing as Employee;
          const moved = next.teamId !== before.teamId || next.roleId !== before.roleId || next.locationId !== before.locationId;
          const leaving = next.status === 'left' && before.status === 'active';
          const returning = next.status === 'active' && before.status === 'left';
          const { id, ...fields } = next;
          await manager.update(Employee, { id }, { ...fields, updatedAt: now });
          if (moved || leaving)
            await manager.update(
              EmploymentPeriod,
              { employeeId: id, endDate: IsNull() },
              { endDate: leaving ? next.leaveDate : today },
            );
          if ((moved && next.status === 'active') || returning)
            await manager.insert(EmploymentPeriod, {
              employeeId: id,
              teamId: next.teamId,
              roleId: next.roleId,
              locationId: next.locationId,
              startDate: today,
              endDate: null,
            });
        }
        const newIds: number[] = [];
        for (const batch of chunks(created, 200)) {
          const result = await manager.insert(Employee, batch);
          batch.forEach((employee, i) => (employee.id = Number(result.identifiers[i]['id'])));
          newIds.push(...batch.map((e) => e.id));
          await manager.insert(
            EmploymentPeriod,
            batch.map((e) => ({
              employeeId: e.id,
              teamId: e.teamId,
              roleId: e.roleId,
              locationId: e.locationId,
              startDate: e.hireDate,
              endDate: e.status === 'left' ? e.leaveDate : null,
            })),
          );
        }
        await contributeEmployees(manager, dialect, [...changed.map((c) => c.next.id), ...newIds]);
        // Hire and leave dates may reach back: the month-end snapshots are rewritten after it commits.
        await invalidateAllTrendSnapshots(manager);
        await context.progress(rows.length);
        return counts;
      },
    };
  },
};
