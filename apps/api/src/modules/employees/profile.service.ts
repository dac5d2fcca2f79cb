import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import {
  currentSkillLevels,
  gapRows,
  readiness,
  type EmployeeProfileDto,
  type IsoDate,
  type ProfileGapDto,
  type ProfileSkillDto,
} from '@skillgrid/shared';
import type { SessionUser } from '../../common/auth/session-user';
import { DomainError } from '../../common/errors/domain-error';
import { ScopeService } from '../scope/scope.service';
import { OrganisationService } from '../organisation/organisation.service';
import { Completion } from '../completions/completion.entity';
import { toCompletionDto } from '../completions/completions.mapper';
import { CredentialSkill } from '../credentials/credential-skill.entity';
import { RoleRequirement } from '../roles/role-requirement.entity';
import { Skill } from '../skills/skill.entity';
import { AssignmentsService } from '../assignments/assignments.service';
import { EmployeesService } from './employees.service';

/** An employee's skills, gaps to their role and career-goal role, completions and assignments. */
@Injectable()
export class ProfileService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ScopeService,
    private readonly organisation: OrganisationService,
    private readonly employees: EmployeesService,
    private readonly assignments: AssignmentsService,
  ) {}

  async forUser(user: SessionUser, asOf?: IsoDate): Promise<EmployeeProfileDto> {
    if (user.employeeId === null)
      throw new DomainError('not_found', 'NO_EMPLOYEE', 'Your account is not linked to an employee record');
    return this.build(user.employeeId, asOf);
  }

  async forEmployee(user: SessionUser, employeeId: number, asOf?: IsoDate): Promise<EmployeeProfileDto> {
    await this.scopes.visibleEmployee(user, employeeId);
    return this.build(employeeId, asOf);
  }

  private async build(employeeId: number, asOfParam?: IsoDate): Promise<EmployeeProfileDto> {
    const manager = this.dataSource.manager;
    const today = await this.organisation.today();
    const asOf = asOfParam ?? today;
    const employee = await this.employees.describe(employeeId);
    const completions = await manager.find(Completion, {
      where: { employeeId },
      relations: { employee: true, credential: true },
      order: { awardedAt: 'DESC', id: 'DESC' },
    });
    const credentialIds = [...new Set(completions.map((c) => c.credentialId))];
    const grants = credentialIds.length
      ? await manager.find(CredentialSkill, { where: { credentialId: In(credentialIds) } })
      : [];
    const levels = currentSkillLevels(
      completions.map((c) => ({
        credentialId: c.credentialId,
        awardedAt: c.awardedAt,
        expiresAt: c.expiresAt,
        status: c.status,
        grants: grants.filter((g) => g.credentialId === c.credentialId),
      })),
      asOf,
    );
    const roleIds = [employee.roleId, ...(employee.targetRoleId ? [employee.targetRoleId] : [])];
    const requirements = await manager.find(RoleRequirement, { where: { roleId: In(roleIds) } });
    const skillIds = [...new Set([...levels.keys(), ...requirements.map((r) => r.skillId)])];
    const skills = new Map(
      (skillIds.length ? await manager.find(Skill, { where: { id: In(skillIds) }, relations: { category: true } }) : []).map(
        (s) => [s.id, s],
      ),
    );
    const credentialNames = new Map(completions.map((c) => [c.credentialId, c.credential?.name ?? '']));
    const levelOf = (skillId: number) => levels.get(skillId)?.level ?? 0;
    const gapsFor = (roleId: number | null): { rows: ProfileGapDto[]; readiness: number | null } => {
      if (roleId === null) return { rows: [], readiness: null };
      const rows = gapRows(
        requirements.filter((r) => r.roleId === roleId),
        levelOf,
      );
      return {
        readiness: readiness(rows),
        rows: rows.map((row) => ({
          skillId: row.skillId,
          skillName: skills.get(row.skillId)?.name ?? '',
          requiredLevel: row.requiredLevel,
          currentLevel: row.currentLevel,
          gapPoints: row.gapPoints,
          weight: row.weight,
        })),
      };
    };
    const role = gapsFor(employee.roleId);
    const target = gapsFor(employee.targetRoleId);
    const skillRows: ProfileSkillDto[] = [...levels.values()]
      .map((held) => {
        const skill = skills.get(held.skillId);
        return {
          skillId: held.skillId,
          skillName: skill?.name ?? '',
          category: skill?.category?.name ?? '',
          kind: skill?.kind ?? 'hard',
          level: held.level,
          expiresAt: held.expiresAt,
          credentials: held.credentialIds.map((id) => ({ id, name: credentialNames.get(id) ?? '' })),
        };
      })
      .sort((a, b) => b.level - a.level || a.skillName.localeCompare(b.skillName));
    return {
      employee,
      asOf,
      skills: skillRows,
      roleReadiness: role.readiness,
      gaps: role.rows,
      targetRoleReadiness: target.readiness,
      targetGaps: target.rows,
      completions: completions.map(toCompletionDto),
      assignments: await this.assignments.forEmployee(employeeId, today),
    };
  }
}
