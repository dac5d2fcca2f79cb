import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import {
  gapRows,
  recommendCredentials,
  weightedPointsClosed,
  type ClusterRecommendationDto,
  type IsoDate,
  type OptimiseFor,
  type RecommendationDto,
  type TeamClusterRecommendationsDto,
  type TeamGapGroup,
} from '@skillgrid/shared';
import type { SessionUser } from '../../common/auth/session-user';
import { DomainError } from '../../common/errors/domain-error';
import { ScopeService } from '../scope/scope.service';
import { OrganisationService } from '../organisation/organisation.service';
import { Employee } from '../employees/employee.entity';
import { Role } from '../roles/role.entity';
import { RoleRequirement } from '../roles/role-requirement.entity';
import { Skill } from '../skills/skill.entity';
import { Credential } from '../credentials/credential.entity';
import { CredentialSkill } from '../credentials/credential-skill.entity';
import { Cluster } from '../clusters/cluster.entity';
import { ClusterCredential } from '../clusters/cluster-credential.entity';

/** An employee's current level per skill: the highest level held past today (employee_skill_levels). */
const LEVELS_SQL = `SELECT skill_id AS \`skillId\`, MAX(level) AS \`level\` FROM employee_skill_levels
  WHERE employee_id = ? AND valid_until > ? GROUP BY skill_id`;

@Injectable()
export class RecommendationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ScopeService,
    private readonly organisation: OrganisationService,
  ) {}

  async forUser(user: SessionUser, targetRoleId: number | undefined, optimise: OptimiseFor): Promise<RecommendationDto> {
    if (user.employeeId === null)
      throw new DomainError('not_found', 'NO_EMPLOYEE', 'Your account is not linked to an employee record');
    return this.forEmployeeId(user.employeeId, targetRoleId, optimise);
  }

  async forEmployee(user: SessionUser, employeeId: number, targetRoleId: number | undefined, optimise: OptimiseFor) {
    await this.scopes.visibleEmployee(user, employeeId);
    return this.forEmployeeId(employeeId, targetRoleId, optimise);
  }

  /** The cheapest set of credentials not yet held that closes every gap to the role (DESIGN §3). */
  private async forEmployeeId(
    employeeId: number,
    targetRoleId: number | undefined,
    optimise: OptimiseFor,
  ): Promise<RecommendationDto> {
    const manager = this.dataSource.manager;
    const today = await this.organisation.today();
    const employee = await manager.findOne(Employee, { where: { id: employeeId } });
    if (!employee) throw DomainError.notFound('Employee', employeeId);
    const roleId = targetRoleId ?? employee.roleId;
    const role = await manager.findOne(Role, { where: { id: roleId } });
    if (!role) throw DomainError.invalid([{ field: 'targetRoleId', message: `Role ${roleId} does not exist` }]);

    const levels = new Map<number, number>(
      (await manager.query(LEVELS_SQL, [employeeId, today])).map((r: { skillId: number; level: number }) => [
        Number(r.skillId),
        Number(r.level),
      ]),
    );
    const requirements = await manager.find(RoleRequirement, { where: { roleId } });
    const rows = gapRows(requirements, (skillId) => levels.get(skillId) ?? 0);
    const short = rows.filter((r) => r.gapPoints > 0);

    // Credentials held now (a valid completion not expired today) are not recommended again.
    const held: Array<{ credentialId: number }> = await manager.query(
      `SELECT DISTINCT credential_id AS \`credentialId\` FROM completions
       WHERE employee_id = ? AND status = 'valid' AND awarded_at <= ? AND (expires_at IS NULL OR expires_at > ?)`,
      [employeeId, today, today],
    );
    const heldIds = new Set(held.map((h) => Number(h.credentialId)));
    const shortSkillIds = short.map((r) => r.skillId);
    const useful = shortSkillIds.length
      ? await manager
          .getRepository(CredentialSkill)
          .createQueryBuilder('cs')
          .innerJoin(Credential, 'c', 'c.id = cs.credential_id')
          .select('DISTINCT cs.credential_id', 'credentialId')
          .where('cs.skill_id IN (:...skills)', { skills: shortSkillIds })
          .andWhere("c.status = 'active'")
          .getRawMany<{ credentialId: number }>()
      : [];
    const candidateIds = useful.map((u) => Number(u.credentialId)).filter((id) => !heldIds.has(id));
    const credentials = candidateIds.length ? await manager.find(Credential, { where: { id: In(candidateIds) } }) : [];
    const grants = candidateIds.length ? await manager.find(CredentialSkill, { where: { credentialId: In(candidateIds) } }) : [];
    const candidates = credentials.map((c) => ({
      credentialId: c.id,
      cost: c.cost,
      hours: c.hours,
      grants: grants.filter((g) => g.credentialId === c.id).map((g) => ({ skillId: g.skillId, level: g.level })),
    }));
    const result = recommendCredentials(short, candidates, optimise);

    const skillIds = [...new Set([...requirements.map((r) => r.skillId), ...grants.map((g) => g.skillId)])];
    const skillNames = new Map(
      (skillIds.length ? await manager.find(Skill, { where: { id: In(skillIds) } }) : []).map((s) => [s.id, s.name]),
    );
    const best = new Map<number, number>();
    for (const g of grants) best.set(g.skillId, Math.max(best.get(g.skillId) ?? 0, g.level));
    const byId = new Map(credentials.map((c) => [c.id, c]));
    const gapOf = new Map(short.map((r) => [r.skillId, r]));
    return {
      employeeId,
      role: { id: role.id, name: role.name },
      optimise,
      method: result.method,
      candidates: result.candidates,
      credentials: result.credentialIds.map((id) => {
        const credential = byId.get(id) as Credential;
        const own = grants.filter((g) => g.credentialId === id);
        return {
          credentialId: id,
          name: credential.name,
          provider: credential.provider,
          hours: credential.hours,
          cost: credential.cost,
          grants: own.map((g) => ({ skillId: g.skillId, skillName: skillNames.get(g.skillId) ?? '', level: g.level })),
          closes: own.flatMap((g) => {
            const gap = gapOf.get(g.skillId);
            if (!gap || g.level <= gap.currentLevel) return [];
            return [
              {
                skillId: g.skillId,
                skillName: skillNames.get(g.skillId) ?? '',
                fromLevel: gap.currentLevel,
                toLevel: Math.min(g.level, gap.requiredLevel),
              },
            ];
          }),
        };
      }),
      totalHours: result.totalHours,
      totalCost: result.totalCost,
      gaps: rows.map((r) => ({
        skillId: r.skillId,
        skillName: skillNames.get(r.skillId) ?? '',
        requiredLevel: r.requiredLevel,
        currentLevel: r.currentLevel,
        gapPoints: r.gapPoints,
        weight: r.weight,
      })),
      unreachable: short
        .filter((r) => (best.get(r.skillId) ?? 0) < r.requiredLevel)
        .map((r) => ({
          skillId: r.skillId,
          skillName: skillNames.get(r.skillId) ?? '',
          requiredLevel: r.requiredLevel,
          bestAvailableLevel: best.get(r.skillId) ?? 0,
        })),
    };
  }

  /** Active clusters ranked by the weighted gap points they would close in the team per hour (DESIGN §3). */
  async forTeam(user: SessionUser, teamId: number): Promise<TeamClusterRecommendationsDto> {
    const team = await this.scopes.visibleTeam(user, teamId);
    const today: IsoDate = await this.organisation.today();
    const manager = this.dataSource.manager;
    // One row per member and requirement they fall short of, with their current level.
    const shortRows: Array<{ employeeId: number; skillId: number; requiredLevel: number; weight: number; currentLevel: number }> =
      (
        await manager.query(
          `SELECT x.employee_id AS \`employeeId\`, x.skill_id AS \`skillId\`, x.required_level AS \`requiredLevel\`,
                x.weight AS \`weight\`, x.current_level AS \`currentLevel\`
         FROM (
           SELECT e.id AS employee_id, rr.skill_id, rr.required_level, rr.weight,
                  COALESCE((SELECT MAX(l.level) FROM employee_skill_levels l
                            WHERE l.employee_id = e.id AND l.skill_id = rr.skill_id AND l.valid_until > ?), 0) AS current_level
           FROM employees e
           JOIN teams t ON t.id = e.team_id
           JOIN role_requirements rr ON rr.role_id = e.role_id
           WHERE e.status = 'active' AND t.path LIKE ?
         ) x
         WHERE x.current_level < x.required_level`,
          [today, `${team.path}%`],
        )
      ).map((r: Record<string, unknown>) => ({
        employeeId: Number(r.employeeId),
        skillId: Number(r.skillId),
        requiredLevel: Number(r.requiredLevel),
        weight: Number(r.weight),
        currentLevel: Number(r.currentLevel),
      }));
    const [{ headcount }] = await manager.query(
      `SELECT COUNT(*) AS headcount FROM employees e JOIN teams t ON t.id = e.team_id WHERE e.status = 'active' AND t.path LIKE ?`,
      [`${team.path}%`],
    );
    const groups = new Map<string, TeamGapGroup>();
    for (const row of shortRows) {
      const key = `${row.skillId}:${row.requiredLevel}:${row.weight}:${row.currentLevel}`;
      const group = groups.get(key) ?? { ...row, people: 0 };
      group.people += 1;
      groups.set(key, group);
    }
    const clusters = await manager.find(Cluster, { where: { status: 'active' } });
    const items = clusters.length
      ? await manager.find(ClusterCredential, {
          where: { clusterId: In(clusters.map((c) => c.id)) },
          relations: { credential: true },
        })
      : [];
    const credentialIds = [...new Set(items.map((i) => i.credentialId))];
    const grants = credentialIds.length
      ? await manager.find(CredentialSkill, { where: { credentialId: In(credentialIds) } })
      : [];
    const ranked: ClusterRecommendationDto[] = clusters.map((cluster) => {
      const own = items.filter((i) => i.clusterId === cluster.id);
      const granted = new Map<number, number>();
      for (const g of grants)
        if (own.some((i) => i.credentialId === g.credentialId))
          granted.set(g.skillId, Math.max(granted.get(g.skillId) ?? 0, g.level));
      const points = weightedPointsClosed([...groups.values()], granted);
      const people = new Set(shortRows.filter((r) => (granted.get(r.skillId) ?? 0) > r.currentLevel).map((r) => r.employeeId))
        .size;
      const totalHours = own.reduce((sum, i) => sum + (i.credential?.hours ?? 0), 0);
      const totalCost = Math.round(own.reduce((sum, i) => sum + (i.credential?.cost ?? 0), 0) * 100) / 100;
      return {
        clusterId: cluster.id,
        name: cluster.name,
        purpose: cluster.purpose,
        totalHours,
        totalCost,
        weightedGapPointsClosed: points,
        people,
        perHour: totalHours > 0 ? Math.round((points / totalHours) * 1000) / 1000 : null,
      };
    });
    // A cluster of no hours that closes something ranks first.
    const rate = (r: ClusterRecommendationDto) => r.perHour ?? Number.MAX_SAFE_INTEGER;
    ranked.sort(
      (a, b) => rate(b) - rate(a) || b.weightedGapPointsClosed - a.weightedGapPointsClosed || a.name.localeCompare(b.name),
    );
    return {
      team: { id: team.id, name: team.name },
      asOf: today,
      headcount: Number(headcount),
      weightedGapPoints: shortRows.reduce((sum, r) => sum + r.weight * (r.requiredLevel - r.currentLevel), 0),
      items: ranked.filter((r) => r.weightedGapPointsClosed > 0),
    };
  }
}
