import * as argon2 from 'argon2';
import type { DataSource } from 'typeorm';
import { addMonths, todayInTimeZone } from '@skillgrid/shared';
import { nameKey, utcNow } from '../../src/database/column-types';
import { OrganisationSettings } from '../../src/modules/organisation/organisation-settings.entity';
import { ProficiencyLevel } from '../../src/modules/organisation/proficiency-level.entity';
import { Location } from '../../src/modules/organisation/location.entity';
import { SkillCategory } from '../../src/modules/skills/skill-category.entity';
import { Skill } from '../../src/modules/skills/skill.entity';
import { Role } from '../../src/modules/roles/role.entity';
import { RoleRequirement } from '../../src/modules/roles/role-requirement.entity';
import { Team } from '../../src/modules/teams/team.entity';
import { Employee } from '../../src/modules/employees/employee.entity';
import { EmploymentPeriod } from '../../src/modules/employees/employment-period.entity';
import { Credential } from '../../src/modules/credentials/credential.entity';
import { CredentialSkill } from '../../src/modules/credentials/credential-skill.entity';
import { Completion } from '../../src/modules/completions/completion.entity';
import { User } from '../../src/modules/users/user.entity';
import type { UserRole } from '@skillgrid/shared';
import { rebuildAnalytics } from '../../src/modules/analytics/state/skill-state.sql';

export const PASSWORD = 'pw-for-tests';

/**
 * A small hand-made organisation whose numbers the tests check by hand:
 *
 *   Operations (/ops)            manager: Mia
 *   ├── Warehouse                manager: Mia's report Wes; members Wes, Ada, Ann
 *   │   └── Night shift          members Ned
 *   Finance                      members Fay (manager), Finn
 *
 * Mia is a manager user over Operations; Ada is the employee user; Fay is HR's employee.
 * Skills: Forklift (hard), SQL (hard), Teamwork (soft). Role "Warehouse Operative" needs
 * Forklift 3 (weight 3) and Teamwork 2 (weight 1).
 */
export async function seedFixture(dataSource: DataSource) {
  const m = dataSource.manager;
  const now = utcNow();
  await m.insert(OrganisationSettings, {
    id: 1,
    name: 'Test Org',
    timeZone: 'UTC',
    currency: 'EUR',
    privacyMinGroup: 5,
    updatedAt: now,
  });
  await m.insert(
    ProficiencyLevel,
    ['Awareness', 'Foundation', 'Practitioner', 'Advanced', 'Expert'].map((label, i) => ({
      level: i + 1,
      label,
      description: null,
    })),
  );
  const location = await m.save(m.create(Location, { name: 'Leeds', nameKey: nameKey('Leeds'), country: 'UK' }));
  const category = await m.save(
    m.create(SkillCategory, { name: 'Operations', nameKey: nameKey('Operations'), description: null }),
  );
  const skill = async (name: string, kind: 'hard' | 'soft') =>
    m.save(
      m.create(Skill, {
        name,
        nameKey: nameKey(name),
        categoryId: category.id,
        kind,
        description: null,
        externalRef: null,
        status: 'active',
      }),
    );
  const forklift = await skill('Forklift', 'hard');
  const sql = await skill('SQL', 'hard');
  const teamwork = await skill('Teamwork', 'soft');
  const role = async (name: string) =>
    m.save(
      m.create(Role, { name, nameKey: nameKey(name), family: 'Ops', description: null, externalRef: null, status: 'active' }),
    );
  const operative = await role('Warehouse Operative');
  const analyst = await role('Finance Analyst');
  const managerRole = await role('Operations Manager');
  await m.insert(RoleRequirement, [
    { roleId: operative.id, skillId: forklift.id, requiredLevel: 3, weight: 3 },
    { roleId: operative.id, skillId: teamwork.id, requiredLevel: 2, weight: 1 },
    { roleId: analyst.id, skillId: sql.id, requiredLevel: 3, weight: 2 },
  ]);
  const team = async (name: string, parent: Team | null) => {
    const saved = await m.save(
      m.create(Team, {
        name,
        nameKey: nameKey(name),
        parentId: parent?.id ?? null,
        path: '/',
        depth: parent ? parent.depth + 1 : 0,
        managerId: null,
      }),
    );
    saved.path = `${parent?.path ?? '/'}${saved.id}/`;
    await m.update(Team, { id: saved.id }, { path: saved.path });
    return saved;
  };
  const operations = await team('Operations', null);
  const warehouse = await team('Warehouse', operations);
  const nightShift = await team('Night shift', warehouse);
  const finance = await team('Finance', null);
  const employee = async (name: string, t: Team, r: Role) => {
    const e = await m.save(
      m.create(Employee, {
        externalId: `X-${name}`,
        name,
        email: `${name.toLowerCase()}@test.example`,
        teamId: t.id,
        roleId: r.id,
        locationId: location.id,
        hireDate: '2020-01-06',
        status: 'active',
        leaveDate: null,
        targetRoleId: null,
        createdAt: now,
        updatedAt: now,
      }),
    );
    await m.insert(EmploymentPeriod, {
      employeeId: e.id,
      teamId: t.id,
      roleId: r.id,
      locationId: location.id,
      startDate: e.hireDate,
      endDate: null,
    });
    return e;
  };
  const mia = await employee('Mia', operations, managerRole);
  const wes = await employee('Wes', warehouse, operative);
  const ada = await employee('Ada', warehouse, operative);
  const ann = await employee('Ann', warehouse, operative);
  const ned = await employee('Ned', nightShift, operative);
  const fay = await employee('Fay', finance, analyst);
  const finn = await employee('Finn', finance, analyst);
  await m.update(Team, { id: operations.id }, { managerId: mia.id });
  await m.update(Team, { id: warehouse.id }, { managerId: wes.id });
  await m.update(Team, { id: finance.id }, { managerId: fay.id });

  const credential = async (name: string, validityMonths: number | null, grants: Array<[Skill, number]>) => {
    const c = await m.save(
      m.create(Credential, {
        name,
        nameKey: nameKey(name),
        provider: 'Test Academy',
        type: 'badge',
        deliveryMethod: 'online_course',
        hours: 8,
        cost: 100,
        validityMonths,
        status: 'active',
        description: null,
        url: null,
        achievementId: null,
        credlyTemplateId: null,
        badgrClassId: null,
      }),
    );
    await m.insert(
      CredentialSkill,
      grants.map(([s, level]) => ({ credentialId: c.id, skillId: s.id, level })),
    );
    return c;
  };
  const forkliftLicence = await credential('Forklift Licence', 12, [[forklift, 3]]);
  const teamworkBadge = await credential('Teamwork Essentials', null, [[teamwork, 2]]);
  const sqlBasics = await credential('SQL Basics', 24, [[sql, 2]]);
  const completion = (e: Employee, c: Credential, awardedAt: string) => ({
    employeeId: e.id,
    credentialId: c.id,
    awardedAt,
    expiresAt: c.validityMonths ? addMonths(awardedAt, c.validityMonths) : null,
    source: 'manual' as const,
    evidenceUrl: null,
    score: null,
    status: 'valid' as const,
    statusReason: null,
    createdAt: now,
    updatedAt: now,
  });
  // Ada: a forklift licence that expired, and teamwork for good; Wes: a valid licence.
  await m.insert(Completion, [
    completion(ada, forkliftLicence, '2024-01-31'),
    completion(ada, teamworkBadge, '2024-03-01'),
    completion(wes, forkliftLicence, addMonths(new Date().toISOString().slice(0, 10), -2)),
    completion(finn, sqlBasics, '2025-06-01'),
  ]);

  // The rows above bypass the services: build the current skill state and rollups from them.
  await rebuildAnalytics(dataSource, todayInTimeZone('UTC'));

  const hash = await argon2.hash(PASSWORD);
  const user = (email: string, role: UserRole, employeeId: number | null) =>
    m.save(m.create(User, { email, passwordHash: hash, role, employeeId, disabledAt: null, lastLoginAt: null, createdAt: now }));
  await user('hr@test.example', 'hr', fay.id);
  await user('manager@test.example', 'manager', mia.id);
  await user('exec@test.example', 'exec', null);
  await user('employee@test.example', 'employee', ada.id);
  await user('admin@test.example', 'admin', null);

  return {
    location,
    skills: { forklift, sql, teamwork },
    roles: { operative, analyst, managerRole },
    teams: { operations, warehouse, nightShift, finance },
    people: { mia, wes, ada, ann, ned, fay, finn },
    credentials: { forkliftLicence, teamworkBadge, sqlBasics },
  };
}

export type Fixture = Awaited<ReturnType<typeof seedFixture>>;
