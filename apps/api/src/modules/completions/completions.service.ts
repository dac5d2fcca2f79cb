import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { addMonths, type CompletionDto, type Page } from '@skillgrid/shared';
import { pageWindow, toPage } from '../../common/http/pagination';
import { requireIds } from '../../common/http/catalogue';
import { DomainError } from '../../common/errors/domain-error';
import type { SessionUser } from '../../common/auth/session-user';
import { utcNow } from '../../database/column-types';
import { dialectOf } from '../../database/sql';
import { invalidateTrendSnapshots } from '../analytics/snapshots/trend-snapshots.sql';
import { writeCompletion, type CompletionVersion } from '../analytics/state/skill-state.sql';
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

  /** Writes a completion of the employee's; their skill state and the statistics follow, in the same transaction. */
  private write(
    manager: EntityManager,
    completion: Completion,
    write: (existing: readonly CompletionVersion[]) => Promise<unknown>,
  ): Promise<void> {
    return writeCompletion(
      manager,
      dialectOf(manager.connection),
      completion.employeeId,
      completion.credentialId,
      async (existing) => {
        await write(existing);
        return completion;
      },
    );
  }

  private checkDates(today: string, awardedAt: string, expiresAt: string | null): void {
    const errors = [];
    if (awardedAt > today) errors.push({ field: 'awardedAt', message: `must not be in the future (today is ${today})` });
    if (expiresAt !== null && expiresAt <= awardedAt) errors.push({ field: 'expiresAt', message: 'must be after awardedAt' });
    if (errors.length) throw DomainError.invalid(errors);
  }

  async create(user: SessionUser, dto: CreateCompletionDto): Promise<CompletionDto> {
    // The three checks read different rows: side by side, before the transaction; the first
    // failure in this order answers (the employee, then the credential).
    const checks = await Promise.allSettled([
      this.scopes.visibleEmployee(user, dto.employeeId),
      requireIds(this.dataSource.manager, Credential, [dto.credentialId], 'credentialId', 'Credential'),
      this.organisation.today(),
    ]);
    for (const check of checks) if (check.status === 'rejected') throw check.reason;
    const [employee, credentials, today] = checks.map((check) => (check as PromiseFulfilledResult<unknown>).value) as [
      Awaited<ReturnType<ScopeService['visibleEmployee']>>,
      Map<number, Credential>,
      string,
    ];
    const [credential] = credentials.values();
    const expiresAt =
      dto.expiresAt !== undefined
        ? dto.expiresAt
        : credential.validityMonths
          ? addMonths(dto.awardedAt, credential.validityMonths)
          : null;
    this.checkDates(today, dto.awardedAt, expiresAt);
    return this.dataSource.transaction(async (manager) => {
      const now = utcNow();
      const saved = manager.create(Completion, {
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
      });
      await this.write(manager, saved, async (existing) => {
        const clash = existing.find((c) => c.credentialId === dto.credentialId && c.awardedAt === dto.awardedAt);
        if (clash) {
          throw DomainError.conflict(
            'DUPLICATE_COMPLETION',
            'awardedAt',
            `This employee already has "${credential.name}" awarded on ${dto.awardedAt} (completion ${clash.id})`,
          );
        }
        // insert, not save: nothing to cascade or read back; it sets the new id on the entity.
        await manager.insert(Completion, saved);
      });
      await invalidateTrendSnapshots(manager, dto.awardedAt, today);
      // Everything the answer shows is known already: no need to read the row back.
      const result = toCompletionDto({ ...saved, employee, credential });
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
      const today = await this.organisation.today();
      this.checkDates(today, awardedAt, expiresAt);
      completion.awardedAt = awardedAt;
      completion.expiresAt = expiresAt;
      if (dto.evidenceUrl !== undefined) completion.evidenceUrl = dto.evidenceUrl;
      if (dto.score !== undefined) completion.score = dto.score;
      if (dto.status !== undefined) completion.status = dto.status;
      if (dto.reason !== undefined) completion.statusReason = dto.reason;
      completion.updatedAt = utcNow();
      await this.write(manager, completion, async (existing) => {
        const clash = existing.find(
          (c) => c.id !== id && c.credentialId === completion.credentialId && c.awardedAt === completion.awardedAt,
        );
        if (clash)
          throw DomainError.conflict(
            'DUPLICATE_COMPLETION',
            'awardedAt',
            `Completion ${clash.id} already records this credential on ${awardedAt}`,
          );
        // update, not save: save would read the row again to work out what changed.
        await manager.update(
          Completion,
          { id },
          {
            awardedAt: completion.awardedAt,
            expiresAt: completion.expiresAt,
            evidenceUrl: completion.evidenceUrl,
            score: completion.score,
            status: completion.status,
            statusReason: completion.statusReason,
            updatedAt: completion.updatedAt,
          },
        );
      });
      // The month ends since the earlier of the two award dates may read differently now.
      await invalidateTrendSnapshots(manager, before.awardedAt < awardedAt ? before.awardedAt : awardedAt, today);
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
