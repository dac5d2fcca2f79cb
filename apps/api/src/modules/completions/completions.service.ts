import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { addMonths, type CompletionDto, type Page } from '@skillgrid/shared';
import { pageWindow, toPage } from '../../common/http/pagination';
import { requireIds } from '../../common/http/catalogue';
import { DomainError } from '../../common/errors/domain-error';
import type { SessionUser } from '../../common/auth/session-user';
import { utcNow } from '../../database/column-types';
import { dialectOf } from '../../database/sql';
import { refreshEmployeeSkills } from '../analytics/state/skill-state.sql';
import { CredentialSkill } from '../credentials/credential-skill.entity';
import { AuditService } from '../audit/audit.service';
import { ScopeService } from '../scope/scope.service';
import { OrganisationService } from '../organisation/organisation.service';
import { Team } from '../teams/team.entity';
import { Credential } from '../credentials/credential.entity';
import { Completion } from './completion.entity';
import { toCompletionDto } from './completions.mapper';
import type { CreateCompletionDto, ListCompletionsQuery, UpdateCompletionDto } from './dto/completion.dto';

@Injectable()
export class CompletionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly scopes: ScopeService,
    private readonly organisation: OrganisationService,
  ) {}

  async list(user: SessionUser, query: ListCompletionsQuery): Promise<Page<CompletionDto>> {
    const scope = await this.scopes.scopeOf(user);
    if (query.employeeId) await this.scopes.visibleEmployee(user, query.employeeId);
    const window = pageWindow(query);
    const qb = this.dataSource
      .getRepository(Completion)
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.employee', 'e')
      .innerJoin(Team, 't', 't.id = e.team_id')
      .innerJoinAndSelect('c.credential', 'cr')
      .orderBy('c.awarded_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .skip(window.skip)
      .take(window.pageSize);
    this.scopes.restrictEmployees(qb, scope, 'e', 't');
    if (query.employeeId) qb.andWhere('c.employee_id = :employeeId', { employeeId: query.employeeId });
    if (query.credentialId) qb.andWhere('c.credential_id = :credentialId', { credentialId: query.credentialId });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.from) qb.andWhere('c.awarded_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('c.awarded_at <= :to', { to: query.to });
    const [rows, total] = await qb.getManyAndCount();
    return toPage(rows.map(toCompletionDto), total, window);
  }

  /** A completion the user may see, else 404. */
  private async visible(manager: EntityManager, user: SessionUser, id: number): Promise<Completion> {
    const completion = await manager.findOne(Completion, { where: { id }, relations: { employee: true, credential: true } });
    if (!completion) throw DomainError.notFound('Completion', id);
    try {
      await this.scopes.visibleEmployee(user, completion.employeeId);
    } catch {
      throw DomainError.notFound('Completion', id);
    }
    return completion;
  }

  async get(user: SessionUser, id: number): Promise<CompletionDto> {
    return toCompletionDto(await this.visible(this.dataSource.manager, user, id));
  }

  /** The employee's state in the skills this credential grants, and the statistics, in the same transaction. */
  private async refreshSkills(manager: EntityManager, employeeId: number, credentialId: number): Promise<void> {
    const grants = await manager.find(CredentialSkill, { where: { credentialId }, select: { skillId: true } });
    await refreshEmployeeSkills(
      manager,
      dialectOf(manager.connection),
      employeeId,
      grants.map((grant) => grant.skillId),
    );
  }

  private checkDates(today: string, awardedAt: string, expiresAt: string | null): void {
    const errors = [];
    if (awardedAt > today) errors.push({ field: 'awardedAt', message: `must not be in the future (today is ${today})` });
    if (expiresAt !== null && expiresAt <= awardedAt) errors.push({ field: 'expiresAt', message: 'must be after awardedAt' });
    if (errors.length) throw DomainError.invalid(errors);
  }

  create(user: SessionUser, dto: CreateCompletionDto): Promise<CompletionDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.scopes.visibleEmployee(user, dto.employeeId);
      const [credential] = (await requireIds(manager, Credential, [dto.credentialId], 'credentialId', 'Credential')).values();
      const expiresAt =
        dto.expiresAt !== undefined
          ? dto.expiresAt
          : credential.validityMonths
            ? addMonths(dto.awardedAt, credential.validityMonths)
            : null;
      this.checkDates(await this.organisation.today(), dto.awardedAt, expiresAt);
      const clash = await manager.findOne(Completion, {
        where: { employeeId: dto.employeeId, credentialId: dto.credentialId, awardedAt: dto.awardedAt },
      });
      if (clash) {
        throw DomainError.conflict(
          'DUPLICATE_COMPLETION',
          'awardedAt',
          `This employee already has "${credential.name}" awarded on ${dto.awardedAt} (completion ${clash.id})`,
        );
      }
      const now = utcNow();
      const saved = await manager.save(
        manager.create(Completion, {
          employeeId: dto.employeeId,
          credentialId: dto.credentialId,
          awardedAt: dto.awardedAt,
          expiresAt,
          source: 'manual',
          evidenceUrl: dto.evidenceUrl ?? null,
          score: dto.score ?? null,
          status: 'valid',
          statusReason: null,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.refreshSkills(manager, dto.employeeId, dto.credentialId);
      const result = toCompletionDto(
        await manager.findOneOrFail(Completion, { where: { id: saved.id }, relations: { employee: true, credential: true } }),
      );
      await this.audit.record(manager, {
        userId: user.id,
        action: 'create',
        entity: 'completion',
        entityId: saved.id,
        after: result,
      });
      return result;
    });
  }

  /** Corrections and revocations change the row and keep the before/after in the audit log. */
  update(user: SessionUser, id: number, dto: UpdateCompletionDto): Promise<CompletionDto> {
    return this.dataSource.transaction(async (manager) => {
      const completion = await this.visible(manager, user, id);
      const before = toCompletionDto(completion);
      const awardedAt = dto.awardedAt ?? completion.awardedAt;
      const expiresAt = dto.expiresAt !== undefined ? dto.expiresAt : completion.expiresAt;
      this.checkDates(await this.organisation.today(), awardedAt, expiresAt);
      if (awardedAt !== completion.awardedAt) {
        const clash = await manager.findOne(Completion, {
          where: { employeeId: completion.employeeId, credentialId: completion.credentialId, awardedAt },
        });
        if (clash)
          throw DomainError.conflict(
            'DUPLICATE_COMPLETION',
            'awardedAt',
            `Completion ${clash.id} already records this credential on ${awardedAt}`,
          );
      }
      completion.awardedAt = awardedAt;
      completion.expiresAt = expiresAt;
      if (dto.evidenceUrl !== undefined) completion.evidenceUrl = dto.evidenceUrl;
      if (dto.score !== undefined) completion.score = dto.score;
      if (dto.status !== undefined) completion.status = dto.status;
      if (dto.reason !== undefined) completion.statusReason = dto.reason;
      completion.updatedAt = utcNow();
      await manager.save(completion);
      await this.refreshSkills(manager, completion.employeeId, completion.credentialId);
      const after = toCompletionDto(completion);
      await this.audit.record(manager, {
        userId: user.id,
        action: dto.status === 'revoked' ? 'revoke' : 'update',
        entity: 'completion',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }
}
