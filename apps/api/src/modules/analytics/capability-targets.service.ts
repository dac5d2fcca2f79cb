import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SessionUser } from '../../common/auth/session-user';
import { DomainError } from '../../common/errors/domain-error';
import { requireIds } from '../../common/http/catalogue';
import { AuditService } from '../audit/audit.service';
import { Team } from '../teams/team.entity';
import { TeamCapabilityTarget } from '../teams/team-capability-target.entity';
import { Skill } from '../skills/skill.entity';
import type { CreateCapabilityTargetDto, UpdateCapabilityTargetDto } from './dto/capability-target.dto';

export interface CapabilityTargetRecord {
  id: number;
  teamId: number;
  skillId: number;
  minLevel: number;
  requiredCount: number;
}

const record = (target: TeamCapabilityTarget): CapabilityTargetRecord => ({
  id: target.id,
  teamId: target.teamId,
  skillId: target.skillId,
  minLevel: target.minLevel,
  requiredCount: target.requiredCount,
});

/** HR sets "team T needs N people at level >= L in skill S" (one target per team and skill). */
@Injectable()
export class CapabilityTargetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  create(user: SessionUser, dto: CreateCapabilityTargetDto): Promise<CapabilityTargetRecord> {
    return this.dataSource.transaction(async (manager) => {
      await requireIds(manager, Team, [dto.teamId], 'teamId', 'Team');
      await requireIds(manager, Skill, [dto.skillId], 'skillId', 'Skill');
      const clash = await manager.findOne(TeamCapabilityTarget, { where: { teamId: dto.teamId, skillId: dto.skillId } });
      if (clash)
        throw DomainError.conflict(
          'DUPLICATE_CAPABILITY_TARGET',
          'skillId',
          `Team ${dto.teamId} already has a target for skill ${dto.skillId} (target ${clash.id}); change that one instead`,
        );
      const saved = await manager.save(manager.create(TeamCapabilityTarget, { ...dto }));
      await this.audit.record(manager, {
        userId: user.id,
        action: 'create',
        entity: 'capability_target',
        entityId: saved.id,
        after: record(saved),
      });
      return record(saved);
    });
  }

  update(user: SessionUser, id: number, dto: UpdateCapabilityTargetDto): Promise<CapabilityTargetRecord> {
    return this.dataSource.transaction(async (manager) => {
      const target = await manager.findOne(TeamCapabilityTarget, { where: { id } });
      if (!target) throw DomainError.notFound('Capability target', id);
      const before = record(target);
      if (dto.minLevel !== undefined) target.minLevel = dto.minLevel;
      if (dto.requiredCount !== undefined) target.requiredCount = dto.requiredCount;
      await manager.save(target);
      await this.audit.record(manager, {
        userId: user.id,
        action: 'update',
        entity: 'capability_target',
        entityId: id,
        before,
        after: record(target),
      });
      return record(target);
    });
  }

  remove(user: SessionUser, id: number): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const target = await manager.findOne(TeamCapabilityTarget, { where: { id } });
      if (!target) throw DomainError.notFound('Capability target', id);
      await manager.delete(TeamCapabilityTarget, { id });
      await this.audit.record(manager, {
        userId: user.id,
        action: 'delete',
        entity: 'capability_target',
        entityId: id,
        before: record(target),
      });
    });
  }
}
