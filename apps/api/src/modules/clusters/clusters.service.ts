import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { ClusterDto, Page } from '@skillgrid/shared';
import { likePattern, pageWindow, toPage } from '../../common/http/pagination';
import { assertNameFree, assertNoDuplicates, requireIds } from '../../common/http/catalogue';
import { DomainError } from '../../common/errors/domain-error';
import type { SessionUser } from '../../common/auth/session-user';
import { dialectOf } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { refreshAssignmentProgress } from '../forecasts/assignment-progress.sql';
import { Credential } from '../credentials/credential.entity';
import { Role } from '../roles/role.entity';
import { Cluster } from './cluster.entity';
import { ClusterCredential } from './cluster-credential.entity';
import type { CreateClusterDto, ListClustersQuery, UpdateClusterDto } from './dto/cluster.dto';

function toDto(cluster: Cluster, items: ClusterCredential[]): ClusterDto {
  const credentials = items
    .sort((a, b) => a.position - b.position)
    .map((item) => ({
      credentialId: item.credentialId,
      credentialName: item.credential?.name ?? '',
      position: item.position,
      hours: item.credential?.hours ?? 0,
      cost: item.credential?.cost ?? 0,
    }));
  return {
    id: cluster.id,
    name: cluster.name,
    purpose: cluster.purpose,
    description: cluster.description,
    targetRoleId: cluster.targetRoleId,
    status: cluster.status,
    credentials,
    skills: grantedInTotal(items),
    totalHours: credentials.reduce((sum, c) => sum + c.hours, 0),
    totalCost: Math.round(credentials.reduce((sum, c) => sum + c.cost, 0) * 100) / 100,
  };
}

/** Every skill the cluster's credentials grant, at the highest level any of them grants it. */
function grantedInTotal(items: ClusterCredential[]): ClusterDto['skills'] {
  const best = new Map<number, { skillId: number; skillName: string; level: number }>();
  for (const grant of items.flatMap((item) => item.credential?.skills ?? [])) {
    const current = best.get(grant.skillId);
    if (!current || grant.level > current.level)
      best.set(grant.skillId, { skillId: grant.skillId, skillName: grant.skill?.name ?? '', level: grant.level });
  }
  return [...best.values()].sort((a, b) => b.level - a.level || a.skillName.localeCompare(b.skillName));
}

@Injectable()
export class ClustersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private async itemsOf(manager: EntityManager, clusterIds: number[]): Promise<Map<number, ClusterCredential[]>> {
    const byCluster = new Map<number, ClusterCredential[]>(clusterIds.map((id) => [id, []]));
    if (!clusterIds.length) return byCluster;
    const rows = await manager.find(ClusterCredential, {
      where: { clusterId: In(clusterIds) },
      relations: { credential: { skills: { skill: true } } },
    });
    for (const row of rows) byCluster.get(row.clusterId)?.push(row);
    return byCluster;
  }

  async list(query: ListClustersQuery): Promise<Page<ClusterDto>> {
    const window = pageWindow(query);
    const qb = this.dataSource
      .getRepository(Cluster)
      .createQueryBuilder('c')
      .orderBy('c.name', 'ASC')
      .skip(window.skip)
      .take(window.pageSize);
    if (query.q) qb.andWhere("c.name_key LIKE :q ESCAPE '!'", { q: likePattern(query.q) });
    if (query.purpose) qb.andWhere('c.purpose = :purpose', { purpose: query.purpose });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    const [rows, total] = await qb.getManyAndCount();
    const items = await this.itemsOf(
      this.dataSource.manager,
      rows.map((c) => c.id),
    );
    return toPage(
      rows.map((c) => toDto(c, items.get(c.id) ?? [])),
      total,
      window,
    );
  }

  async get(id: number, manager: EntityManager = this.dataSource.manager): Promise<ClusterDto> {
    const cluster = await manager.findOne(Cluster, { where: { id } });
    if (!cluster) throw DomainError.notFound('Cluster', id);
    return toDto(cluster, (await this.itemsOf(manager, [id])).get(id) ?? []);
  }

  private async replaceItems(manager: EntityManager, clusterId: number, credentialIds: number[]): Promise<void> {
    assertNoDuplicates(credentialIds, 'credentialIds', 'Credential');
    await requireIds(manager, Credential, credentialIds, 'credentialIds', 'Credential');
    await manager.delete(ClusterCredential, { clusterId });
    await manager.insert(
      ClusterCredential,
      credentialIds.map((credentialId, index) => ({ clusterId, credentialId, position: index + 1 })),
    );
  }

  create(user: SessionUser, dto: CreateClusterDto): Promise<ClusterDto> {
    return this.dataSource.transaction(async (manager) => {
      const key = await assertNameFree(manager, Cluster, 'cluster', dto.name);
      if (dto.targetRoleId) await requireIds(manager, Role, [dto.targetRoleId], 'targetRoleId', 'Role');
      const cluster = await manager.save(
        manager.create(Cluster, {
          name: dto.name.trim(),
          nameKey: key,
          purpose: dto.purpose,
          description: dto.description ?? null,
          targetRoleId: dto.targetRoleId ?? null,
          status: 'active',
        }),
      );
      await this.replaceItems(manager, cluster.id, dto.credentialIds);
      const result = await this.get(cluster.id, manager);
      await this.audit.record(manager, {
        userId: user.id,
        action: 'create',
        entity: 'cluster',
        entityId: cluster.id,
        after: result,
      });
      return result;
    });
  }

  update(user: SessionUser, id: number, dto: UpdateClusterDto): Promise<ClusterDto> {
    return this.dataSource.transaction(async (manager) => {
      const cluster = await manager.findOne(Cluster, { where: { id } });
      if (!cluster) throw DomainError.notFound('Cluster', id);
      const before = await this.get(id, manager);
      if (dto.name !== undefined) {
        cluster.nameKey = await assertNameFree(manager, Cluster, 'cluster', dto.name, id);
        cluster.name = dto.name.trim();
      }
      if (dto.targetRoleId) await requireIds(manager, Role, [dto.targetRoleId], 'targetRoleId', 'Role');
      if (dto.targetRoleId !== undefined) cluster.targetRoleId = dto.targetRoleId;
      if (dto.purpose !== undefined) cluster.purpose = dto.purpose;
      if (dto.description !== undefined) cluster.description = dto.description;
      if (dto.status !== undefined) cluster.status = dto.status;
      await manager.save(cluster);
      if (dto.credentialIds !== undefined) {
        await this.replaceItems(manager, id, dto.credentialIds);
        await refreshAssignmentProgress(manager, dialectOf(this.dataSource), { clusterIds: [id] });
      }
      const after = await this.get(id, manager);
      await this.audit.record(manager, {
        userId: user.id,
        action: dto.status === 'retired' ? 'retire' : 'update',
        entity: 'cluster',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }
}
