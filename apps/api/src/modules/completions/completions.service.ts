import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { addMonths, type CompletionDto, type Page } from '@skillgrid/shared';
import { pageWindow, toPage } from '../../common/http/pagination';
import { DomainError } from '../../common/errors/domain-error';
import type { SessionUser } from '../../common/auth/session-user';
import { utcNow } from '../../database/column-types';
import { PipelinedTransactions, type TransactionPipeline } from '../../database/pipeline';
import { insertedId, timestampValue } from '../../database/sql';
import { invalidateTrendSnapshots } from '../analytics/snapshots/trend-snapshots.sql';
import { queueCompletionWrite, readCompletionState } from '../analytics/state/skill-state.sql';
import { AuditService } from '../audit/audit.service';
import { ScopeService } from '../scope/scope.service';
import { OrganisationService } from '../organisation/organisation.service';
import { Team } from '../teams/team.entity';
import { Completion } from './completion.entity';
import { COMPLETION_ROW_SQL, rowToCompletionDto, toCompletionDto, type CompletionRow } from './completions.mapper';
import type { CreateCompletionDto, ListCompletionsQuery, UpdateCompletionDto } from './dto/completion.dto';

@Injectable()
export class CompletionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly scopes: ScopeService,
    private readonly organisation: OrganisationService,
    private readonly transactions: PipelinedTransactions,
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

  private checkDates(today: string, awardedAt: string, expiresAt: string | null): void {
    const errors = [];
    if (awardedAt > today) errors.push({ field: 'awardedAt', message: `must not be in the future (today is ${today})` });
    if (expiresAt !== null && expiresAt <= awardedAt) errors.push({ field: 'expiresAt', message: 'must be after awardedAt' });
    if (errors.length) throw DomainError.invalid(errors);
  }

  /**
   * Records a completion, its employee's skill state and the statistics in one transaction, as a
   * pipeline (database/pipeline.ts): on MySQL one round trip reads everything the checks and the
   * write need, and a second sends the insert, the audit row, the statistics and the COMMIT.
   */
  async create(user: SessionUser, dto: CreateCompletionDto): Promise<CompletionDto> {
    const scope = await this.scopes.scopeOf(user);
    return this.transactions.run(async (tx) => {
      // The first failure in this order answers: the employee, the credential, then the state
      // (an import's rebuild being put in place).
      const [employee, credential, today, state] = await allInOrder([
        this.scopes.visibleEmployeeOn(tx, scope, dto.employeeId),
        credentialOn(tx, dto.credentialId),
        this.organisation.today(tx),
        readCompletionState(tx, dto.employeeId, dto.credentialId),
      ] as const);
      const expiresAt =
        dto.expiresAt !== undefined
          ? dto.expiresAt
          : credential.validityMonths
            ? addMonths(dto.awardedAt, credential.validityMonths)
            : null;
      this.checkDates(today, dto.awardedAt, expiresAt);
      const clash = [...state.completions.values()].find(
        (c) => c.credentialId === dto.credentialId && c.awardedAt === dto.awardedAt,
      );
      if (clash) {
        throw DomainError.conflict(
          'DUPLICATE_COMPLETION',
          'awardedAt',
          `This employee already has "${credential.name}" awarded on ${dto.awardedAt} (completion ${clash.id})`,
        );
      }
      // Everything the answer shows is known already but the id, which the audit row reads from
      // the new row itself (found by its unique key) rather than wait for the insert's answer.
      const after: Omit<CompletionDto, 'id'> = {
        employeeId: dto.employeeId,
        employeeName: employee.name,
        credentialId: dto.credentialId,
        credentialName: credential.name,
        awardedAt: dto.awardedAt,
        expiresAt,
        source: 'manual',
        evidenceUrl: dto.evidenceUrl ?? null,
        score: dto.score ?? null,
        status: 'valid',
      };
      const now = timestampValue(utcNow(), tx.dialect);
      // Issued in this order, sent together on MySQL; the COMMIT runs only if all of them succeeded.
      const [inserted] = await Promise.all([
        tx.query(
          'INSERT INTO completions (employee_id, credential_id, awarded_at, expires_at, source, evidence_url, score, status, ' +
            'status_reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          [
            dto.employeeId,
            dto.credentialId,
            dto.awardedAt,
            expiresAt,
            after.source,
            after.evidenceUrl,
            after.score,
            after.status,
            null,
            now,
            now,
          ],
        ),
        this.audit.recordInsertedOn(
          tx,
          { userId: user.id, action: 'create', entity: 'completion', after },
          {
            table: 'completions',
            where: 'r.employee_id = ? AND r.credential_id = ? AND r.awarded_at = ?',
            parameters: [dto.employeeId, dto.credentialId, dto.awardedAt],
          },
        ),
        invalidateTrendSnapshots(tx, dto.awardedAt, today),
        // Any id the employee's other completions do not have stands for the new one.
        queueCompletionWrite(tx, state, {
          id: 0,
          credentialId: dto.credentialId,
          awardedAt: dto.awardedAt,
          expiresAt,
          status: 'valid',
        }),
        tx.commit(),
      ]);
      return { id: insertedId(inserted), ...after };
    });
  }

  /** Corrections and revocations change the row and keep the before/after in the audit log. */
  async update(user: SessionUser, id: number, dto: UpdateCompletionDto): Promise<CompletionDto> {
    const scope = await this.scopes.scopeOf(user);
    return this.transactions.run(async (tx) => {
      const [[row], today] = await Promise.all([
        tx.query(COMPLETION_ROW_SQL, [id]) as Promise<Array<CompletionRow & { team_path: string }>>,
        this.organisation.today(tx),
      ]);
      if (!row || !this.scopes.employeeInScope(scope, Number(row.employee_id), row.team_path))
        throw DomainError.notFound('Completion', id);
      const before = rowToCompletionDto(row);
      const after: CompletionDto = {
        ...before,
        awardedAt: dto.awardedAt ?? before.awardedAt,
        expiresAt: dto.expiresAt !== undefined ? dto.expiresAt : before.expiresAt,
        evidenceUrl: dto.evidenceUrl !== undefined ? dto.evidenceUrl : before.evidenceUrl,
        score: dto.score !== undefined ? dto.score : before.score,
        status: dto.status ?? before.status,
      };
      this.checkDates(today, after.awardedAt, after.expiresAt);
      const state = await readCompletionState(tx, before.employeeId, before.credentialId);
      const clash = [...state.completions.values()].find(
        (c) => c.id !== id && c.credentialId === after.credentialId && c.awardedAt === after.awardedAt,
      );
      if (clash)
        throw DomainError.conflict(
          'DUPLICATE_COMPLETION',
          'awardedAt',
          `Completion ${clash.id} already records this credential on ${after.awardedAt}`,
        );
      const changes: Array<[string, unknown]> = [
        ['awarded_at', after.awardedAt],
        ['expires_at', after.expiresAt],
        ['evidence_url', after.evidenceUrl],
        ['score', after.score],
        ['status', after.status],
        ...(dto.reason !== undefined ? [['status_reason', dto.reason] as [string, unknown]] : []),
        ['updated_at', timestampValue(utcNow(), tx.dialect)],
      ];
      await Promise.all([
        tx.query(`UPDATE completions SET ${changes.map(([column]) => `${column} = ?`).join(', ')} WHERE id = ?`, [
          ...changes.map(([, value]) => value),
          id,
        ]),
        queueCompletionWrite(tx, state, after),
        // The month ends since the earlier of the two award dates may read differently now.
        invalidateTrendSnapshots(tx, before.awardedAt < after.awardedAt ? before.awardedAt : after.awardedAt, today),
        this.audit.record(tx, {
          userId: user.id,
          action: dto.status === 'revoked' ? 'revoke' : 'update',
          entity: 'completion',
          entityId: id,
          before,
          after,
        }),
        tx.commit(),
      ]);
      return after;
    });
  }
}

/** A credential's name and validity, or 400 naming the field. */
async function credentialOn(
  tx: TransactionPipeline,
  credentialId: number,
): Promise<{ name: string; validityMonths: number | null }> {
  const [row] = (await tx.query('SELECT name, validity_months FROM credentials WHERE id = ?', [credentialId])) as Array<{
    name: string;
    validity_months: number | string | null;
  }>;
  if (!row) throw DomainError.invalid([{ field: 'credentialId', message: `Credential ${credentialId} does not exist` }]);
  return { name: row.name, validityMonths: row.validity_months === null ? null : Number(row.validity_months) };
}

/**
 * Waits for every promise, then throws the first failure in the order given (not the first to
 * happen), so the answer to a request that fails several checks does not depend on timing.
 */
async function allInOrder<T extends readonly unknown[]>(promises: { readonly [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(promises);
  for (const result of settled) if (result.status === 'rejected') throw result.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
