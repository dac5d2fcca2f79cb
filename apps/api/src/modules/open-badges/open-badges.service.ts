import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, QueryFailedError } from 'typeorm';
import {
  addMonths,
  type CompletionDto,
  type OpenBadgeImportDto,
  type OpenBadgeImportResultDto,
  type OpenBadgeMappingMethod,
  type OpenBadgeSuggestionDto,
  type OpenBadgeSummaryDto,
  type OpenBadgeVerificationDto,
  type Page,
} from '@skillgrid/shared';
import { DomainError } from '../../common/errors/domain-error';
import type { SessionUser } from '../../common/auth/session-user';
import { pageWindow, toPage } from '../../common/http/pagination';
import { nameKey, utcNow } from '../../database/column-types';
import { AuditService } from '../audit/audit.service';
import { ScopeService } from '../scope/scope.service';
import { OrganisationService } from '../organisation/organisation.service';
import { CompletionsService } from '../completions/completions.service';
import { Completion } from '../completions/completion.entity';
import { toCompletionDto } from '../completions/completions.mapper';
import { Credential } from '../credentials/credential.entity';
import { CredentialSkill } from '../credentials/credential-skill.entity';
import { Skill } from '../skills/skill.entity';
import { Employee } from '../employees/employee.entity';
import { OpenBadgeImport } from './open-badge-import.entity';
import { OpenBadgeVerifier, measureJson, plainRecipientEmails, type BadgeInput, type Verification } from './open-badge-verifier';
import { OpenBadgeSigner, SKILLGRID_ACHIEVEMENT } from './open-badge-signer';
import { toOpenBadgeImportDto } from './open-badges.mapper';
import { alignmentsOfDocument } from './badge-document';
import type { ListOpenBadgeImportsQuery } from './dto/open-badges.dto';

/** The whole answer of an import, with the HTTP status it goes out with. */
export interface ImportAnswer {
  status: 200 | 201 | 422;
  body: OpenBadgeImportResultDto;
}

type Mapping = { credential: Credential; by: OpenBadgeMappingMethod } | { credential: null; reason: string };

const MAX_DOCUMENT_CHARS = 60_000;
/** Suggested credentials per unmapped badge: enough to choose from, few enough to read. */
const MAX_SUGGESTIONS = 5;
const SUGGESTION_ORDER: Record<OpenBadgeSuggestionDto['reason'], number> = { name: 0, alignment: 1, skill: 2 };

/**
 * Open Badges in (verify, map to the catalogue, record) and out (signed OB3 credentials).
 * A recorded badge is a completion with source `open_badges`: written pending, then made
 * valid through CompletionsService, so the skill state and statistics follow its write path.
 */
@Injectable()
export class OpenBadgesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly verifier: OpenBadgeVerifier,
    private readonly signer: OpenBadgeSigner,
    private readonly completions: CompletionsService,
    private readonly scopes: ScopeService,
    private readonly organisation: OrganisationService,
    private readonly audit: AuditService,
  ) {}

  private async clock(): Promise<{ today: string; timeZone: string }> {
    const [today, settings] = await Promise.all([this.organisation.today(), this.organisation.settings()]);
    return { today, timeZone: settings.timeZone };
  }

  /** Refuses what no badge looks like before any library parses it. */
  private guard(input: BadgeInput): void {
    for (const [field, value] of Object.entries(input)) {
      if (value === undefined) continue;
      const problem = measureJson(value);
      if (problem)
        throw new DomainError('validation', 'BADGE_TOO_COMPLEX', `The ${field} ${problem}: it is not an Open Badge`, [
          { field, message: problem },
        ]);
    }
  }

  async verify(input: BadgeInput): Promise<OpenBadgeVerificationDto> {
    this.guard(input);
    const { verified, checks, badge } = await this.verifier.verify(input, await this.clock());
    return { verified, checks, badge };
  }

  /**
   * Whose badge it is: the signed-in employee, or (HR, managers) the employee named, else the
   * one in scope whose e-mail the badge names in plain, else themselves.
   */
  private async recipient(user: SessionUser, employeeId: number | undefined, input: BadgeInput): Promise<Employee> {
    if (user.role === 'employee' && employeeId !== undefined && employeeId !== user.employeeId)
      throw DomainError.forbidden('Employees import their own badges only');
    if (employeeId === undefined && user.role !== 'employee') {
      const emails = plainRecipientEmails(input.credential);
      const named = emails.length
        ? await this.dataSource.getRepository(Employee).find({ where: { email: In(emails) }, select: { id: true } })
        : [];
      for (const candidate of named) {
        const visible = await this.scopes.visibleEmployee(user, candidate.id).catch(() => null);
        if (visible) return visible;
      }
    }
    const id = employeeId ?? user.employeeId;
    if (id === null) throw DomainError.invalid([{ field: 'employeeId', message: 'name the employee the badge is for' }]);
    return this.scopes.visibleEmployee(user, id);
  }

  async importBadge(user: SessionUser, input: BadgeInput, employeeId?: number): Promise<ImportAnswer> {
    this.guard(input);
    const employee = await this.recipient(user, employeeId, input);
    const clock = await this.clock();
    const verification = await this.verifier.verify(input, { ...clock, recipientEmail: employee.email });
    const { badge } = verification;
    const result = (partial: Omit<OpenBadgeImportResultDto, 'verified' | 'checks' | 'badge'>) => ({
      verified: verification.verified,
      checks: verification.checks,
      badge,
      ...partial,
    });
    if (verification.refused || !badge.awardedAt || badge.format === 'unknown') {
      const failed = verification.checks.filter((c) => !c.passed).map((c) => c.name);
      return {
        status: 422,
        body: result({
          outcome: 'rejected',
          completion: null,
          import: null,
          message: `The badge was refused (${failed.join(', ')}); nothing was recorded`,
        }),
      };
    }
    const signerDid = (await this.signer.issuerKey()).did;
    let recorded: Awaited<ReturnType<OpenBadgesService['record']>>;
    try {
      recorded = await this.record(user, employee, input, verification, signerDid);
    } catch (error) {
      // The same badge imported at the same moment: the other request recorded it.
      if (!(error instanceof QueryFailedError)) throw error;
      recorded = await this.record(user, employee, input, verification, signerDid);
    }
    let completion = recorded.completion ? toCompletionDto({ ...recorded.completion, employee }) : null;
    if (recorded.created && recorded.completion && verification.verified) {
      completion = await this.completions.update(user, recorded.completion.id, {
        status: 'valid',
        reason: 'Open Badges 3.0 proof verified offline',
      });
    }
    const imported = recorded.imported
      ? toOpenBadgeImportDto(
          Object.assign(recorded.imported, { employee }),
          completion,
          (await this.suggestionsFor([recorded.imported])).get(recorded.imported.id),
        )
      : null;
    return {
      status: recorded.created ? 201 : 200,
      body: result({
        outcome: recorded.created ? 'recorded' : 'unchanged',
        completion,
        import: imported,
        message: !recorded.created
          ? 'This badge was imported before; nothing changed'
          : completion?.status === 'valid'
            ? `Recorded: "${completion.credentialName}" counts from ${completion.awardedAt}`
            : `Recorded as pending for HR: ${imported?.reason ?? ''}`,
      }),
    };
  }

  private async record(
    user: SessionUser,
    employee: Employee,
    input: BadgeInput,
    verification: Verification,
    signerDid: string,
  ): Promise<{ imported: OpenBadgeImport | null; completion: Completion | null; created: boolean }> {
    const { badge } = verification;
    const awardedAt = badge.awardedAt as string;
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([badge.format, badge.issuerId, badge.achievementId, badge.achievementName, awardedAt]))
      .digest('hex');
    return this.dataSource.transaction(async (manager) => {
      const before = await manager.findOne(OpenBadgeImport, {
        where: { employeeId: employee.id, fingerprint },
        relations: { credential: true },
      });
      if (before) {
        const completion = before.completionId
          ? await manager.findOne(Completion, { where: { id: before.completionId }, relations: { credential: true } })
          : null;
        return { imported: before, completion, created: false };
      }
      const mapping = await this.mapBadge(manager, badge, signerDid);
      if (mapping.credential) {
        const clash = await manager.findOne(Completion, {
          where: { employeeId: employee.id, credentialId: mapping.credential.id, awardedAt },
          relations: { credential: true },
        });
        // Recorded already (by hand, a CSV or another copy of the badge): re-importing changes nothing.
        if (clash) return { imported: null, completion: clash, created: false };
      }
      const reasons = verification.checks.filter((c) => !c.passed).map((c) => c.message);
      if (!mapping.credential) reasons.push(mapping.reason);
      const reason = reasons.length ? reasons.join(' ').slice(0, 500) : null;
      let completion: Completion | null = null;
      if (mapping.credential) {
        const credential = mapping.credential;
        const now = utcNow();
        completion = manager.create(Completion, {
          employeeId: employee.id,
          credentialId: credential.id,
          awardedAt,
          expiresAt: badge.expiresAt ?? (credential.validityMonths ? addMonths(awardedAt, credential.validityMonths) : null),
          source: 'open_badges',
          evidenceUrl: evidenceUrlOf(input.credential),
          score: null,
          // Pending does not count, so it needs no skill-state change; CompletionsService makes it valid.
          status: 'pending',
          statusReason: reason ?? 'Verifying the Open Badge',
          createdAt: now,
          updatedAt: now,
        });
        await manager.insert(Completion, completion);
        completion.credential = credential;
        await this.audit.record(manager, {
          userId: user.id,
          action: 'import',
          entity: 'completion',
          entityId: completion.id,
          after: toCompletionDto({ ...completion, employee }),
        });
      }
      const imported = this.newImport(user, employee, input, verification, fingerprint, mapping, completion?.id ?? null, reason);
      await manager.insert(OpenBadgeImport, imported);
      imported.credential = mapping.credential ?? undefined;
      await this.audit.record(manager, {
        userId: user.id,
        action: 'import',
        entity: 'open_badge',
        entityId: imported.id,
        after: { ...toOpenBadgeImportDto(imported, null), checks: verification.checks },
      });
      return { imported, completion, created: true };
    });
  }

  private newImport(
    user: SessionUser,
    employee: Employee,
    input: BadgeInput,
    verification: Verification,
    fingerprint: string,
    mapping: Mapping,
    completionId: number | null,
    reason: string | null,
  ): OpenBadgeImport {
    const { badge } = verification;
    const document = JSON.stringify(input);
    return Object.assign(new OpenBadgeImport(), {
      employeeId: employee.id,
      format: badge.format as 'ob3' | 'ob2',
      fingerprint,
      verified: verification.verified ? 1 : 0,
      achievementId: badge.achievementId?.slice(0, 500) ?? null,
      achievementName: (badge.achievementName ?? badge.achievementId ?? 'Open Badge').slice(0, 300),
      issuerId: badge.issuerId?.slice(0, 500) ?? null,
      issuerName: badge.issuerName?.slice(0, 300) ?? null,
      awardedAt: badge.awardedAt as string,
      expiresAt: badge.expiresAt,
      credentialId: mapping.credential?.id ?? null,
      credential: mapping.credential ?? undefined,
      mappedBy: mapping.credential ? mapping.by : null,
      completionId,
      reason,
      checks: JSON.stringify(verification.checks),
      document: document.length <= MAX_DOCUMENT_CHARS ? document : null,
      importedByUserId: user.id,
      createdAt: utcNow(),
    });
  }

  /**
   * The catalogue credential a badge stands for: one Skillgrid issued; else by achievement id
   * (or Badgr class id); else by the achievement's alignments (an ESCO URI or target code that
   * is a skill's external reference) to the credential granting most of those skills.
   */
  private async mapBadge(manager: EntityManager, badge: OpenBadgeSummaryDto, signerDid: string): Promise<Mapping> {
    const own = badge.achievementId ? SKILLGRID_ACHIEVEMENT.exec(badge.achievementId) : null;
    if (own && badge.issuerId === signerDid) {
      const credential = await manager.findOne(Credential, { where: { id: Number(own[1]) } });
      if (credential) return { credential, by: 'skillgrid' };
    }
    if (badge.achievementId) {
      const matches = await manager.find(Credential, {
        where: [{ achievementId: badge.achievementId }, { badgrClassId: badge.achievementId }],
        order: { id: 'ASC' },
      });
      const credential = matches.find((c) => c.status === 'active') ?? matches[0];
      if (credential) return { credential, by: 'achievement_id' };
    }
    const targets = [...new Set(badge.alignments.flatMap((a) => [a.targetUrl, a.targetCode]).filter((t): t is string => !!t))];
    if (targets.length) {
      const skills = await manager.find(Skill, { where: { externalRef: In(targets) }, select: { id: true } });
      if (skills.length) {
        const grants = await manager.find(CredentialSkill, {
          where: { skillId: In(skills.map((s) => s.id)) },
          relations: { credential: true },
        });
        const bySkills = new Map<number, { credential: Credential; skills: number }>();
        for (const grant of grants) {
          if (!grant.credential) continue;
          const entry = bySkills.get(grant.credentialId) ?? { credential: grant.credential, skills: 0 };
          entry.skills += 1;
          bySkills.set(grant.credentialId, entry);
        }
        const ranked = [...bySkills.values()].sort(
          (a, b) =>
            Number(b.credential.status === 'active') - Number(a.credential.status === 'active') ||
            b.skills - a.skills ||
            a.credential.id - b.credential.id,
        );
        const [best, next] = ranked;
        if (best && !(next && next.skills === best.skills && next.credential.status === best.credential.status))
          return { credential: best.credential, by: 'alignment' };
        if (best)
          return {
            credential: null,
            reason: `Its alignments fit several credentials (${ranked
              .slice(0, 3)
              .map((r) => `"${r.credential.name}"`)
              .join(', ')}): HR maps it to one.`,
          };
      }
    }
    return {
      credential: null,
      reason: `No catalogue credential has the achievement id ${badge.achievementId ?? '(none)'} or grants a skill it is aligned to: HR maps it to a credential.`,
    };
  }

  /**
   * The imported badges in the caller's scope, newest first; by employee, status (an unmapped
   * badge is pending) and whether it is mapped. Unmapped ones come with suggested credentials.
   */
  async list(user: SessionUser, query: ListOpenBadgeImportsQuery): Promise<Page<OpenBadgeImportDto>> {
    const { employeeId, status, mapped } = query;
    const scope = await this.scopes.scopeOf(user);
    if (scope.kind === 'aggregate') throw DomainError.forbidden();
    if (employeeId !== undefined) await this.scopes.visibleEmployee(user, employeeId);
    const window = pageWindow(query);
    const qb = this.dataSource
      .getRepository(OpenBadgeImport)
      .createQueryBuilder('b')
      .innerJoinAndSelect('b.employee', 'e')
      .innerJoin('teams', 't', 't.id = e.team_id')
      .leftJoinAndSelect('b.credential', 'cr')
      .leftJoinAndSelect('b.completion', 'c')
      .orderBy('b.created_at', 'DESC')
      .addOrderBy('b.id', 'DESC')
      .skip(window.skip)
      .take(window.pageSize);
    this.scopes.restrictEmployees(qb, scope, 'e', 't');
    if (employeeId !== undefined) qb.andWhere('b.employee_id = :employeeId', { employeeId });
    // The same rule as the answer's status: the completion's, pending while there is none.
    if (status === 'pending') qb.andWhere('(c.id IS NULL OR c.status = :status)', { status });
    else if (status !== undefined) qb.andWhere('c.status = :status', { status });
    if (mapped !== undefined) qb.andWhere(mapped ? 'b.credential_id IS NOT NULL' : 'b.credential_id IS NULL');
    const [rows, total] = await qb.getManyAndCount();
    const suggestions = await this.suggestionsFor(rows);
    return toPage(
      rows.map((row) =>
        toOpenBadgeImportDto(
          row,
          row.completion ? toCompletionDto({ ...row.completion, employee: row.employee }) : null,
          suggestions.get(row.id),
        ),
      ),
      total,
      window,
    );
  }

  /**
   * Active credentials that may fit each unmapped badge, best first: the same name as the
   * achievement (case-insensitive); then credentials granting a skill whose external reference is
   * one of its alignment targets; then those granting a skill named like the achievement or an
   * alignment. Three queries for the whole page, whatever its size.
   */
  private async suggestionsFor(rows: OpenBadgeImport[]): Promise<Map<number, OpenBadgeSuggestionDto[]>> {
    const wanted = rows
      .filter((row) => row.credentialId === null)
      .map((row) => {
        const alignments = alignmentsOfDocument(row.document);
        const names = [row.achievementName, ...alignments.map((a) => a.targetName)].filter((n): n is string => !!n).map(nameKey);
        const targets = alignments.flatMap((a) => [a.targetUrl, a.targetCode]).filter((t): t is string => !!t);
        return { id: row.id, achievementKey: nameKey(row.achievementName), names: new Set(names), targets: new Set(targets) };
      });
    const result = new Map<number, OpenBadgeSuggestionDto[]>();
    if (!wanted.length) return result;
    const achievementKeys = [...new Set(wanted.map((w) => w.achievementKey))];
    const nameKeys = [...new Set(wanted.flatMap((w) => [...w.names]))];
    const targets = [...new Set(wanted.flatMap((w) => [...w.targets]))];
    const [named, skills] = await Promise.all([
      this.dataSource.getRepository(Credential).find({
        where: { nameKey: In(achievementKeys), status: 'active' },
        select: { id: true, name: true, nameKey: true },
      }),
      this.dataSource.getRepository(Skill).find({
        where: [{ nameKey: In(nameKeys) }, ...(targets.length ? [{ externalRef: In(targets) }] : [])],
        select: { id: true, name: true, nameKey: true, externalRef: true },
      }),
    ]);
    const grants = skills.length
      ? await this.dataSource.getRepository(CredentialSkill).find({
          where: { skillId: In(skills.map((s) => s.id)), credential: { status: 'active' } },
          relations: { credential: true },
          order: { level: 'DESC', credentialId: 'ASC' },
        })
      : [];
    for (const want of wanted) {
      const found = new Map<number, OpenBadgeSuggestionDto>();
      const add = (suggestion: OpenBadgeSuggestionDto) => {
        const before = found.get(suggestion.credentialId);
        if (!before || SUGGESTION_ORDER[suggestion.reason] < SUGGESTION_ORDER[before.reason])
          found.set(suggestion.credentialId, suggestion);
      };
      for (const credential of named.filter((c) => c.nameKey === want.achievementKey))
        add({ credentialId: credential.id, credentialName: credential.name, reason: 'name', skillName: null });
      for (const skill of skills) {
        const reason =
          skill.externalRef && want.targets.has(skill.externalRef) ? 'alignment' : want.names.has(skill.nameKey) ? 'skill' : null;
        if (!reason) continue;
        for (const grant of grants.filter((g) => g.skillId === skill.id && g.credential))
          add({ credentialId: grant.credentialId, credentialName: grant.credential?.name ?? '', reason, skillName: skill.name });
      }
      result.set(
        want.id,
        [...found.values()]
          .sort(
            (a, b) => SUGGESTION_ORDER[a.reason] - SUGGESTION_ORDER[b.reason] || a.credentialName.localeCompare(b.credentialName),
          )
          .slice(0, MAX_SUGGESTIONS),
      );
    }
    return result;
  }

  /** HR maps a pending badge to a catalogue credential: it becomes a completion (valid only if it verified). */
  async map(user: SessionUser, importId: number, credentialId: number): Promise<OpenBadgeImportDto> {
    const found = await this.dataSource
      .getRepository(OpenBadgeImport)
      .findOne({ where: { id: importId }, relations: { employee: true } });
    if (!found) throw DomainError.notFound('Open Badge import', importId);
    const employee = await this.scopes.visibleEmployee(user, found.employeeId).catch(() => {
      throw DomainError.notFound('Open Badge import', importId);
    });
    if (found.credentialId !== null)
      throw DomainError.conflict(
        'ALREADY_MAPPED',
        'credentialId',
        `This badge is mapped already (credential ${found.credentialId})`,
      );
    const credential = await this.dataSource.getRepository(Credential).findOne({ where: { id: credentialId } });
    if (!credential) throw DomainError.invalid([{ field: 'credentialId', message: `Credential ${credentialId} does not exist` }]);
    const completionId = await this.dataSource.transaction(async (manager) => {
      const clash = await manager.findOne(Completion, {
        where: { employeeId: employee.id, credentialId, awardedAt: found.awardedAt },
      });
      let id = clash?.id ?? null;
      if (!clash) {
        const now = utcNow();
        const completion = manager.create(Completion, {
          employeeId: employee.id,
          credentialId,
          awardedAt: found.awardedAt,
          expiresAt:
            found.expiresAt ?? (credential.validityMonths ? addMonths(found.awardedAt, credential.validityMonths) : null),
          source: 'open_badges',
          evidenceUrl: null,
          score: null,
          status: 'pending',
          statusReason: found.reason,
          createdAt: now,
          updatedAt: now,
        });
        await manager.insert(Completion, completion);
        id = completion.id;
        await this.audit.record(manager, {
          userId: user.id,
          action: 'import',
          entity: 'completion',
          entityId: completion.id,
          after: toCompletionDto({ ...completion, employee, credential }),
        });
      }
      await manager.update(OpenBadgeImport, { id: importId }, { credentialId, mappedBy: 'hr', completionId: id });
      await this.audit.record(manager, {
        userId: user.id,
        action: 'update',
        entity: 'open_badge',
        entityId: importId,
        before: { credentialId: null },
        after: { credentialId, completionId: id },
      });
      return { id: id as number, created: !clash };
    });
    let completion: CompletionDto = await this.completions.get(user, completionId.id);
    if (completionId.created && found.verified)
      completion = await this.completions.update(user, completionId.id, {
        status: 'valid',
        reason: 'Open Badges 3.0 proof verified offline; mapped by HR',
      });
    return toOpenBadgeImportDto(
      Object.assign(found, { credentialId, credential, mappedBy: 'hr' as const, completionId: completionId.id }),
      completion,
    );
  }

  /** A valid completion as a signed Open Badges 3.0 credential. */
  async download(user: SessionUser, completionId: number): Promise<{ fileName: string; credential: Record<string, unknown> }> {
    const visible = await this.completions.get(user, completionId);
    if (visible.status !== 'valid')
      throw new DomainError(
        'unprocessable',
        'COMPLETION_NOT_VALID',
        `Only valid completions can be issued as an Open Badge (this one is ${visible.status})`,
      );
    const completion = await this.dataSource.getRepository(Completion).findOneOrFail({
      where: { id: completionId },
      relations: { employee: true, credential: true },
    });
    const grants = await this.dataSource
      .getRepository(CredentialSkill)
      .find({ where: { credentialId: completion.credentialId }, relations: { skill: true }, order: { level: 'DESC' } });
    const settings = await this.organisation.settings();
    const credential = await this.signer.sign({
      completionId,
      organisationName: settings.name,
      recipientEmail: completion.employee?.email ?? '',
      recipientName: completion.employee?.name ?? '',
      awardedAt: completion.awardedAt,
      expiresAt: completion.expiresAt,
      credential: {
        id: completion.credentialId,
        name: completion.credential?.name ?? '',
        description: completion.credential?.description ?? null,
        url: completion.credential?.url ?? null,
      },
      skills: grants.map((g) => ({ name: g.skill?.name ?? '', level: g.level, externalRef: g.skill?.externalRef ?? null })),
    });
    const slug = (completion.credential?.name ?? 'badge')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    return { fileName: `open-badge-${slug || 'credential'}-${completionId}.json`, credential };
  }
}

/** The assertion's (OB2) or credential's (OB3) own http(s) address, as evidence. */
function evidenceUrlOf(credential: unknown): string | null {
  const id = typeof credential === 'object' && credential !== null ? (credential as { id?: unknown }).id : null;
  return typeof id === 'string' && /^https?:\/\/\S+$/.test(id) && id.length <= 1000 ? id : null;
}
