import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Page, RoleDto } from '@skillgrid/shared';
import { likePattern, pageWindow, toPage } from '../../common/http/pagination';
import { assertNameFree, assertNoDuplicates, requireIds } from '../../common/http/catalogue';
import { dialectOf } from '../../database/sql';
import { invalidateAllTrendSnapshots } from '../analytics/snapshots/trend-snapshots.sql';
import { contributeEmployees, employeesOf, withdrawEmployees } from '../analytics/state/skill-state.sql';
import { DomainError } from '../../common/errors/domain-error';
import type { SessionUser } from '../../common/auth/session-user';
import { AuditService } from '../audit/audit.service';
import { Skill } from '../skills/skill.entity';
import { Role } from './role.entity';
import { RoleRequirement } from './role-requirement.entity';
import type { CreateRoleDto, ListRolesQuery, RoleRequirementInputDto, UpdateRoleDto } from './dto/role.dto';

function toDto(role: Role, requirements: RoleRequirement[]): RoleDto {
  return {
    id: role.id,
    name: role.name,
    family: role.family,
    description: role.description,
    status: role.status,
    requirements: requirements
      .map((r) => ({ skillId: r.skillId, skillName: r.skill?.name ?? '', requiredLevel: r.requiredLevel, weight: r.weight }))
      .sort((a, b) => b.weight - a.weight || a.skillName.localeCompare(b.skillName)),
  };
}

@Injectable()
export class RolesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private async requirementsOf(manager: EntityManager, roleIds: number[]): Promise<Map<number, RoleRequirement[]>> {
    const byRole = new Map<number, RoleRequirement[]>(roleIds.map((id) => [id, []]));
    if (!roleIds.length) return byRole;
    const rows = await manager.find(RoleRequirement, { where: { roleId: In(roleIds) }, relations: { skill: true } });
    for (const row of rows) byRole.get(row.roleId)?.push(row);
    return byRole;
  }

  async list(query: ListRolesQuery): Promise<Page<RoleDto>> {
    const window = pageWindow(query);
    const qb = this.dataSource
      .getRepository(Role)
      .createQueryBuilder('r')
      .orderBy('r.name', 'ASC')
      .skip(window.skip)
      .take(window.pageSize);
    if (query.q) qb.andWhere("r.name_key LIKE :q ESCAPE '!'", { q: likePattern(query.q) });
    if (query.family) qb.andWhere('r.family = :family', { family: query.family });
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    const [rows, total] = await qb.getManyAndCount();
    const requirements = await this.requirementsOf(
      this.dataSource.manager,
      rows.map((r) => r.id),
    );
    return toPage(
      rows.map((role) => toDto(role, requirements.get(role.id) ?? [])),
      total,
      window,
    );
  }

  async get(id: number, manager: EntityManager = this.dataSource.manager): Promise<RoleDto> {
    const role = await manager.findOne(Role, { where: { id } });
    if (!role) throw DomainError.notFound('Role', id);
    return toDto(role, (await this.requirementsOf(manager, [id])).get(id) ?? []);
  }

  private async replaceRequirements(
    manager: EntityManager,
    roleId: number,
    requirements: RoleRequirementInputDto[],
  ): Promise<void> {
    assertNoDuplicates(
      requirements.map((r) => r.skillId),
      'requirements',
      'Skill',
    );
    await requireIds(
      manager,
      Skill,
      requirements.map((r) => r.skillId),
      'requirements.skillId',
      'Skill',
    );
    await manager.delete(RoleRequirement, { roleId });
    if (requirements.length) {
      await manager.insert(
        RoleRequirement,
        requirements.map((r) => ({ roleId, skillId: r.skillId, requiredLevel: r.requiredLevel, weight: r.weight })),
      );
    }
  }

  create(user: SessionUser, dto: CreateRoleDto): Promise<RoleDto> {
    return this.dataSource.transaction(async (manager) => {
      const key = await assertNameFree(manager, Role, 'role', dto.name);
      const role = await manager.save(
        manager.create(Role, {
          name: dto.name.trim(),
          nameKey: key,
          family: dto.family ?? null,
          description: dto.description ?? null,
          externalRef: null,
          status: 'active',
        }),
      );
      await this.replaceRequirements(manager, role.id, dto.requirements ?? []);
      const result = await this.get(role.id, manager);
      await this.audit.record(manager, { userId: user.id, action: 'create', entity: 'role', entityId: role.id, after: result });
      return result;
    });
  }

  update(user: SessionUser, id: number, dto: UpdateRoleDto): Promise<RoleDto> {
    return this.dataSource.transaction(async (manager) => {
      const role = await manager.findOne(Role, { where: { id } });
      if (!role) throw DomainError.notFound('Role', id);
      const before = await this.get(id, manager);
      if (dto.name !== undefined) {
        role.nameKey = await assertNameFree(manager, Role, 'role', dto.name, id);
        role.name = dto.name.trim();
      }
      if (dto.family !== undefined) role.family = dto.family;
      if (dto.description !== undefined) role.description = dto.description;
      if (dto.status !== undefined) role.status = dto.status;
      await manager.save(role);
      if (dto.requirements !== undefined) {
        // Requirements apply to all history from now on: the role's people leave the statistics
        // under the old requirements and come back under the new ones.
        const dialect = dialectOf(manager.connection);
        const people = await employeesOf(manager, { roleId: id });
        await withdrawEmployees(manager, dialect, people);
        await this.replaceRequirements(manager, id, dto.requirements);
        await contributeEmployees(manager, dialect, people);
        await invalidateAllTrendSnapshots(manager);
      }
      const after = await this.get(id, manager);
      await this.audit.record(manager, {
        userId: user.id,
        action: dto.status === 'retired' ? 'retire' : 'update',
        entity: 'role',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }
}
