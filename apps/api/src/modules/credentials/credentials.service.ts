import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { CredentialDto, Page } from '@skillgrid/shared';
import { likePattern, pageWindow, toPage } from '../../common/http/pagination';
import { assertNameFree, assertNoDuplicates, requireIds } from '../../common/http/catalogue';
import { dialectOf } from '../../database/sql';
import { invalidateAllTrendSnapshots } from '../analytics/snapshots/trend-snapshots.sql';
import { employeesWithCredentials, rebuildRenewalStats, refreshEmployees } from '../analytics/state/skill-state.sql';
import { DomainError } from '../../common/errors/domain-error';
import type { SessionUser } from '../../common/auth/session-user';
import { AuditService } from '../audit/audit.service';
import { Skill } from '../skills/skill.entity';
import { Credential } from './credential.entity';
import { CredentialSkill } from './credential-skill.entity';
import type {
  CreateCredentialDto,
  CredentialSkillInputDto,
  ListCredentialsQuery,
  UpdateCredentialDto,
} from './dto/credential.dto';

function toDto(credential: Credential, grants: CredentialSkill[]): CredentialDto {
  return {
    id: credential.id,
    name: credential.name,
    provider: credential.provider,
    type: credential.type,
    deliveryMethod: credential.deliveryMethod,
    hours: credential.hours,
    cost: credential.cost,
    validityMonths: credential.validityMonths,
    status: credential.status,
    description: credential.description,
    url: credential.url,
    achievementId: credential.achievementId,
    credlyTemplateId: credential.credlyTemplateId,
    badgrClassId: credential.badgrClassId,
    skills: grants
      .map((g) => ({ skillId: g.skillId, skillName: g.skill?.name ?? '', level: g.level }))
      .sort((a, b) => b.level - a.level || a.skillName.localeCompare(b.skillName)),
  };
}

@Injectable()
export class CredentialsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async grantsOf(manager: EntityManager, credentialIds: number[]): Promise<Map<number, CredentialSkill[]>> {
    const byCredential = new Map<number, CredentialSkill[]>(credentialIds.map((id) => [id, []]));
    if (!credentialIds.length) return byCredential;
    const rows = await manager.find(CredentialSkill, { where: { credentialId: In(credentialIds) }, relations: { skill: true } });
    for (const row of rows) byCredential.get(row.credentialId)?.push(row);
    return byCredential;
  }

  async list(query: ListCredentialsQuery): Promise<Page<CredentialDto>> {
    const window = pageWindow(query);
    const qb = this.dataSource
      .getRepository(Credential)
      .createQueryBuilder('c')
      .orderBy('c.name', 'ASC')
      .skip(window.skip)
      .take(window.pageSize);
    if (query.q)
      qb.andWhere("(c.name_key LIKE :q ESCAPE '!' OR LOWER(c.provider) LIKE :q ESCAPE '!')", { q: likePattern(query.q) });
    if (query.type) qb.andWhere('c.type = :type', { type: query.type });
    if (query.deliveryMethod) qb.andWhere('c.delivery_method = :deliveryMethod', { deliveryMethod: query.deliveryMethod });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.skillId) {
      qb.andWhere('c.id IN (SELECT cs.credential_id FROM credential_skills cs WHERE cs.skill_id = :skillId)', {
        skillId: query.skillId,
      });
    }
    const [rows, total] = await qb.getManyAndCount();
    const grants = await this.grantsOf(
      this.dataSource.manager,
      rows.map((c) => c.id),
    );
    return toPage(
      rows.map((c) => toDto(c, grants.get(c.id) ?? [])),
      total,
      window,
    );
  }

  async get(id: number, manager: EntityManager = this.dataSource.manager): Promise<CredentialDto> {
    const credential = await manager.findOne(Credential, { where: { id } });
    if (!credential) throw DomainError.notFound('Credential', id);
    return toDto(credential, (await this.grantsOf(manager, [id])).get(id) ?? []);
  }

  private async replaceGrants(manager: EntityManager, credentialId: number, skills: CredentialSkillInputDto[]): Promise<void> {
    assertNoDuplicates(
      skills.map((s) => s.skillId),
      'skills',
      'Skill',
    );
    await requireIds(
      manager,
      Skill,
      skills.map((s) => s.skillId),
      'skills.skillId',
      'Skill',
    );
    await manager.delete(CredentialSkill, { credentialId });
    if (skills.length)
      await manager.insert(
        CredentialSkill,
        skills.map((s) => ({ credentialId, skillId: s.skillId, level: s.level })),
      );
  }

  private assign(credential: Credential, dto: UpdateCredentialDto): void {
    const fields = [
      'provider',
      'type',
      'deliveryMethod',
      'hours',
      'cost',
      'validityMonths',
      'description',
      'url',
      'achievementId',
      'credlyTemplateId',
      'badgrClassId',
      'status',
    ] as const;
    for (const field of fields) {
      if (dto[field] !== undefined) (credential as unknown as Record<string, unknown>)[field] = dto[field];
    }
  }

  create(user: SessionUser, dto: CreateCredentialDto): Promise<CredentialDto> {
    return this.dataSource.transaction(async (manager) => {
      const key = await assertNameFree(manager, Credential, 'credential', dto.name);
      const credential = manager.create(Credential, {
        name: dto.name.trim(),
        nameKey: key,
        validityMonths: null,
        description: null,
        url: null,
        achievementId: null,
        credlyTemplateId: null,
        badgrClassId: null,
        status: 'active',
      });
      this.assign(credential, dto);
      const saved = await manager.save(credential);
      await this.replaceGrants(manager, saved.id, dto.skills ?? []);
      const result = await this.get(saved.id, manager);
      await this.audit.record(manager, {
        userId: user.id,
        action: 'create',
        entity: 'credential',
        entityId: saved.id,
        after: result,
      });
      return result;
    });
  }

  /**
   * A change of validity applies to new completions only (expiry is fixed at award time);
   * a change of the skills granted applies to all history from then on.
   */
  update(user: SessionUser, id: number, dto: UpdateCredentialDto): Promise<CredentialDto> {
    return this.dataSource.transaction(async (manager) => {
      const credential = await manager.findOne(Credential, { where: { id } });
      if (!credential) throw DomainError.notFound('Credential', id);
      const before = await this.get(id, manager);
      if (dto.name !== undefined) {
        credential.nameKey = await assertNameFree(manager, Credential, 'credential', dto.name, id);
        credential.name = dto.name.trim();
      }
      this.assign(credential, dto);
      await manager.save(credential);
      if (dto.skills !== undefined) {
        await this.replaceGrants(manager, id, dto.skills);
        // Everyone who holds it gets their skill state and rollups recomputed, set-based.
        const dialect = dialectOf(manager.connection);
        await refreshEmployees(manager, dialect, await employeesWithCredentials(manager, [id]));
        await invalidateAllTrendSnapshots(manager);
        // The renewal counts of the skills it granted before and grants now.
        await rebuildRenewalStats(manager, dialect, [
          ...before.skills.map((s) => s.skillId),
          ...dto.skills.map((s) => s.skillId),
        ]);
      }
      const after = await this.get(id, manager);
      await this.audit.record(manager, {
        userId: user.id,
        action: dto.status === 'retired' ? 'retire' : 'update',
        entity: 'credential',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }
}
