import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  IMPORT_SYNC_ROW_LIMIT,
  type ImportEntity,
  type ImportJobDto,
  type ImportJobPhase,
  type ImportReportDto,
  type ImportRowError,
  type Page,
  type Taxonomy,
} from '@skillgrid/shared';
import type { SessionUser } from '../../common/auth/session-user';
import { DomainError } from '../../common/errors/domain-error';
import { toPage } from '../../common/http/pagination';
import { utcNow } from '../../database/column-types';
import { dialectOf } from '../../database/sql';
import { finishPendingSwap, swapIdOf } from '../analytics/state/analytics-swap';
import { AuditLog } from '../audit/audit-log.entity';
import { AuditService } from '../audit/audit.service';
import { OrganisationService } from '../organisation/organisation.service';
import { detectLayout, rowValues, type ColumnMap, type Layout } from './columns';
import { ImportFileError } from './import-errors';
import {
  RowErrors,
  type ApplyResult,
  type ImportContext,
  type ImportCounts,
  type ImportDefinition,
  type StageContext,
} from './import-definition';
import { ImportJob } from './import-job.entity';
import { IMPORT_DEFINITIONS } from './definitions';
import { readTable } from './table-reader';
import { tally, upsertRoles, upsertSkills } from './catalogue-writers';
import { readEsco, readOnet, type TaxonomyFiles } from './taxonomies';

/** The errors listed in a report (the rest are counted): a report must fit the job row and a screen. */
const MAX_LISTED_ERRORS = 200;
/** Progress is written to the job row this often (rows). */
const PROGRESS_EVERY = 5_000;
/** Good rows handed to a staging definition at a time. */
const STAGE_BATCH = 2_000;

/** A running job's row is touched this often, so other servers can tell it is alive. */
const HEARTBEAT_MS = 15_000;
/** A job not heard from for this long has lost its server (several heartbeats, and a long statement, missed). */
export const STALE_JOB_MS = 3 * 60_000;
/** How often every server looks for jobs whose server has gone. */
const SWEEP_MS = 60_000;
/** What an import that failed for a reason other than its file says. */
export const FAILED_ON_OUR_SIDE = 'The import failed on our side and wrote nothing; it has been logged';
export const INTERRUPTED_MESSAGE = 'The server stopped while this import was running; nothing was written, run it again';

/** Thrown inside the transaction to undo it when apply found clashes. */
class RolledBack extends Error {
  constructor(readonly counts: ImportCounts) {
    super('rolled back');
  }
}

export interface UploadedImportFile {
  path: string;
  originalName: string;
  size: number;
}

export interface StartedImport {
  job: ImportJobDto;
  /** Settles with the report when the import ends (it never rejects for bad data). */
  finished: Promise<ImportReportDto>;
  /** Resolves when the file turns out to have more rows than a synchronous answer allows. */
  large: Promise<void>;
}

export function toJobDto(job: ImportJob): ImportJobDto {
  return {
    id: job.id,
    entity: job.entity,
    status: job.status,
    phase: job.phase,
    dryRun: job.dryRun === 1,
    fileName: job.fileName,
    rowsRead: job.rowsRead,
    rowsDone: job.rowsDone,
    rowsTotal: job.rowsTotal,
    createdAt: new Date(job.createdAt).toISOString(),
    finishedAt: job.finishedAt ? new Date(job.finishedAt).toISOString() : null,
    report: job.report ? (JSON.parse(job.report) as ImportReportDto) : null,
  };
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The import pipeline of every entity: stream the file's rows, check each (every bad row is
 * reported with its line and column), then compare with the database and, for a real run
 * without errors, write everything in one transaction with the audit record — all or nothing.
 * Each import is a job row, so progress and the report can be read from any replica.
 */
@Injectable()
export class ImportsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Imports');
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly organisation: OrganisationService,
  ) {}

  /**
   * A job whose server stopped (crash, deploy, kill) would stay 'running' for ever: its import
   * ran in one transaction that the database rolled back when the connection went, so nothing
   * was written, and the job is marked failed with that said. At start an SQLite server owns its
   * file, so every unfinished job there is orphaned; on MySQL other replicas may be running
   * imports, so only jobs without a heartbeat for STALE_JOB_MS are, checked again every minute.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.sweepAtStart().catch((error: unknown) =>
      this.logger.error(`Could not look for interrupted imports: ${String(error)}`),
    );
    this.sweeper = setInterval(() => {
      this.failInterrupted(STALE_JOB_MS)
        .then(() => this.finishSwaps())
        .catch((error: unknown) => this.logger.error(`Could not look for interrupted imports: ${String(error)}`));
    }, SWEEP_MS);
    this.sweeper.unref();
  }

  private async sweepAtStart(): Promise<void> {
    // A database not migrated yet (the tests migrate after start) has no jobs to look at.
    const runner = this.dataSource.createQueryRunner();
    try {
      if (!(await runner.hasTable('import_jobs'))) return;
    } finally {
      await runner.release();
    }
    await this.failInterrupted(dialectOf(this.dataSource) === 'sqlite' ? 0 : STALE_JOB_MS);
    await this.finishSwaps();
  }

  /**
   * MySQL: renames into place an analytics rebuild committed by an import whose server stopped
   * before it could, and drops the copies of rebuilds that never committed (but for unfinished jobs').
   */
  async finishSwaps(): Promise<void> {
    if (dialectOf(this.dataSource) !== 'mysql') return;
    const unfinished = await this.dataSource.getRepository(ImportJob).find({ where: { status: In(['queued', 'running']) } });
    await finishPendingSwap(this.dataSource, new Set(unfinished.map((job) => swapIdOf(job.id))));
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  /** Marks failed the unfinished jobs not heard from for `silentMs` (0: all of them); answers how many. */
  async failInterrupted(silentMs: number): Promise<number> {
    const repository = this.dataSource.getRepository(ImportJob);
    const now = utcNow();
    // Unfinished jobs are few; their age is compared here, not in SQL (each database writes DATETIME its own way).
    const unfinished = await repository.find({ where: { status: In(['queued', 'running']) } });
    const orphans = unfinished.filter(
      (job) => !this.running.has(job.id) && now.getTime() - new Date(job.updatedAt).getTime() >= silentMs,
    );
    for (const job of orphans) {
      // A server stopping after the commit (putting a rebuild's analytics in place, say) left the
      // import's audit record, with its counts: the import itself is done.
      const audit = await this.dataSource.getRepository(AuditLog).findOneBy({ action: 'import', entityId: job.id });
      const written = audit?.after ? (JSON.parse(audit.after) as Partial<ImportReportDto>) : null;
      const report: ImportReportDto = {
        entity: job.entity as ImportReportDto['entity'],
        format: written?.format ?? 'unknown',
        dryRun: job.dryRun === 1,
        rows: written?.rows ?? job.rowsRead,
        created: written?.created ?? 0,
        updated: written?.updated ?? 0,
        unchanged: written?.unchanged ?? 0,
        errors: written ? [] : [{ message: INTERRUPTED_MESSAGE }],
        errorCount: written ? 0 : 1,
        fileSha256: job.fileSha256 ?? '',
        jobId: job.id,
      };
      // Only if it is still unfinished: a slow server may have ended it meanwhile.
      await repository.update(
        { id: job.id, status: In(['queued', 'running']) },
        {
          status: written ? 'succeeded' : 'failed',
          phase: 'done',
          finishedAt: now,
          updatedAt: now,
          report: JSON.stringify(report),
        },
      );
      this.logger.warn(
        `Import job ${job.id} (${job.entity}) was interrupted by a server stop ${written ? 'after its commit; marked succeeded' : '; marked failed'}`,
      );
    }
    return orphans.length;
  }

  /** The recent jobs, newest first (the Imports page lists them). */
  async jobs(window: { page: number; pageSize: number; skip: number }): Promise<Page<ImportJobDto>> {
    const [rows, total] = await this.dataSource.getRepository(ImportJob).findAndCount({
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: window.skip,
      take: window.pageSize,
    });
    return toPage(rows.map(toJobDto), total, window);
  }

  definition(entity: string): ImportDefinition {
    const definition = IMPORT_DEFINITIONS.find((candidate) => candidate.entity === entity);
    if (!definition) throw DomainError.notFound('Import', entity);
    return definition as ImportDefinition;
  }

  async job(id: string): Promise<ImportJobDto> {
    const job = await this.dataSource.getRepository(ImportJob).findOne({ where: { id } });
    if (!job) throw DomainError.notFound('Import job', id);
    return toJobDto(job);
  }

  /** Records the job and starts it; the caller decides whether to wait for `finished`. */
  async start(
    entity: ImportEntity,
    file: UploadedImportFile,
    user: SessionUser,
    options: { dryRun: boolean },
  ): Promise<StartedImport> {
    const definition = this.definition(entity);
    const now = utcNow();
    const job = this.dataSource.getRepository(ImportJob).create({
      id: randomUUID(),
      entity,
      status: 'queued',
      phase: 'queued',
      dryRun: options.dryRun ? 1 : 0,
      fileName: file.originalName.slice(0, 255),
      fileSha256: null,
      fileSize: file.size,
      userId: user.id,
      rowsRead: 0,
      rowsDone: 0,
      rowsTotal: null,
      report: null,
      createdAt: now,
      updatedAt: now,
      finishedAt: null,
    });
    await this.dataSource.getRepository(ImportJob).insert(job);
    let signalLarge: () => void = () => undefined;
    const large = new Promise<void>((resolve) => (signalLarge = resolve));
    const heartbeat = this.heartbeat(job);
    const finished = this.run(job, definition, file, user, options.dryRun, signalLarge).finally(() => {
      heartbeat();
      return rm(file.path, { force: true }).catch(() => undefined);
    });
    return { job: toJobDto(job), finished, large };
  }

  /** Jobs this server is running. */
  private readonly running = new Set<string>();

  /** Touches the job's row while it runs; answers the function that stops it. */
  private heartbeat(job: ImportJob): () => void {
    this.running.add(job.id);
    const timer = setInterval(() => {
      const updatedAt = utcNow();
      this.dataSource
        .getRepository(ImportJob)
        .update({ id: job.id, status: In(['queued', 'running']) }, { updatedAt })
        .catch(() => undefined);
    }, HEARTBEAT_MS);
    timer.unref();
    return () => {
      clearInterval(timer);
      this.running.delete(job.id);
    };
  }

  private async progress(
    job: ImportJob,
    changes: Partial<Pick<ImportJob, 'phase' | 'status' | 'rowsRead' | 'rowsDone' | 'rowsTotal' | 'fileSha256'>>,
  ): Promise<void> {
    Object.assign(job, changes, { updatedAt: utcNow() });
    await this.dataSource.getRepository(ImportJob).update({ id: job.id }, { ...changes, updatedAt: job.updatedAt });
  }

  private async run(
    job: ImportJob,
    definition: ImportDefinition,
    file: UploadedImportFile,
    user: SessionUser,
    dryRun: boolean,
    signalLarge: () => void,
  ): Promise<ImportReportDto> {
    const errors: ImportRowError[] = [];
    let errorCount = 0;
    const addErrors = (list: ImportRowError[]) => {
      errorCount += list.length;
      for (const error of list) if (errors.length < MAX_LISTED_ERRORS) errors.push(error);
    };
    const report = (format: string, rows: number, counts: ImportCounts): ImportReportDto => ({
      entity: definition.entity,
      format,
      dryRun,
      rows,
      ...counts,
      errors,
      errorCount,
      fileSha256: job.fileSha256 ?? '',
      jobId: job.id,
    });
    const none: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
    let format = 'unknown';
    let rows = 0;
    try {
      await this.progress(job, { status: 'running', phase: 'reading', fileSha256: await sha256Of(file.path) });
      const dialect = dialectOf(this.dataSource);
      const today = await this.organisation.today();
      const checker = await definition.prepare({ manager: this.dataSource.manager, dialect, today, user });
      // One connection for the whole job: a staging table belongs to its connection, and the
      // real run's transaction is on it too.
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      const staging: StageContext = { manager: runner.manager, dialect, jobId: job.id };
      let counts = none;
      try {
        /** Good rows, kept for apply unless the definition stages them as they come. */
        const good: unknown[] = [];
        let pending: unknown[] = [];
        let goodRows = 0;
        let layout: Layout | null = null;
        let map: ColumnMap = new Map();
        try {
          for await (const record of readTable(file.path)) {
            if (!layout) {
              ({ layout, map } = detectLayout(definition.layouts, record.cells));
              format = layout.name;
              continue;
            }
            rows++;
            const rowErrors = new RowErrors(record.line);
            const row = checker.row(rowValues(map, record.cells), rowErrors, layout);
            if (row === null) addErrors(rowErrors.list);
            else if (checker.stage) {
              goodRows++;
              pending.push(row);
              if (pending.length >= STAGE_BATCH) {
                await checker.stage(pending, staging);
                pending = [];
              }
            } else {
              goodRows++;
              good.push(row);
            }
            if (rows === IMPORT_SYNC_ROW_LIMIT + 1) signalLarge();
            if (rows % PROGRESS_EVERY === 0) await this.progress(job, { rowsRead: rows });
          }
          if (pending.length && checker.stage) await checker.stage(pending, staging);
          pending = [];
        } catch (error) {
          if (!(error instanceof ImportFileError)) throw error;
          addErrors([
            {
              ...(error.line ? { line: error.line } : {}),
              ...(error.field ? { field: error.field } : {}),
              message: error.message,
            },
          ]);
        }
        if (!layout && !errorCount) addErrors([{ message: 'The file is empty: it has no header row' }]);
        else if (layout && rows === 0 && !errorCount) addErrors([{ line: 2, message: 'The file has a header but no data rows' }]);
        await this.progress(job, { rowsRead: rows, rowsTotal: rows, phase: 'validating' });

        if (goodRows > 0) {
          const context: ImportContext = {
            manager: runner.manager,
            dialect,
            today,
            user,
            jobId: job.id,
            progress: (rowsDone) => this.progress(job, { rowsDone }),
          };
          const counted = (result: ApplyResult): ImportCounts => {
            addErrors(result.errors ?? []);
            return { created: result.created, updated: result.updated, unchanged: result.unchanged };
          };
          if (dryRun || errorCount) counts = counted(await checker.apply(good, context, false));
          else {
            await this.progress(job, { phase: 'writing' });
            await checker.beforeWrite?.(staging);
            await runner.startTransaction();
            try {
              const written = counted(await checker.apply(good, context, true));
              // Rows that clash with stored data: roll everything back.
              if (errorCount) throw new RolledBack(written);
              await this.audit.record(runner.manager, {
                userId: user.id,
                action: 'import',
                entity: `import:${definition.entity}`,
                entityId: job.id,
                after: { fileName: job.fileName, fileSha256: job.fileSha256, format, rows, ...written },
              });
              await runner.commitTransaction();
              counts = written;
              // Committed: what follows cannot undo the import (a swap left pending is finished by the sweep).
              await checker
                .afterCommit?.(staging)
                .catch((error: unknown) => this.logger.error(`Import job ${job.id}: after its commit: ${String(error)}`));
            } catch (error) {
              await runner.rollbackTransaction();
              if (!(error instanceof RolledBack)) throw error;
            }
          }
        }
      } finally {
        await checker.release?.(staging).catch(() => undefined);
        await runner.release();
      }
      const result = report(format, rows, counts);
      if (errorCount && !dryRun) await this.recordRefusal(user, job, result);
      await this.finish(job, errorCount && !dryRun ? 'failed' : 'succeeded', result);
      return result;
    } catch (error) {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      addErrors([{ message: FAILED_ON_OUR_SIDE }]);
      const result = report(format, rows, none);
      await this.finish(job, 'failed', result).catch(() => undefined);
      return result;
    }
  }

  /**
   * ESCO or O*NET from their own files (several per upload, recognised by name): skills, and for
   * O*NET roles with requirements, upserted by external reference in one transaction.
   */
  async importTaxonomy(
    taxonomy: Taxonomy,
    files: UploadedImportFile[],
    user: SessionUser,
    dryRun: boolean,
  ): Promise<ImportReportDto> {
    const now = utcNow();
    const hash = createHash('sha256');
    for (const file of [...files].sort((a, b) => a.originalName.localeCompare(b.originalName)))
      hash.update(`${file.originalName}:${await sha256Of(file.path)}\n`);
    const job = this.dataSource.getRepository(ImportJob).create({
      id: randomUUID(),
      entity: taxonomy,
      status: 'running',
      phase: 'reading',
      dryRun: dryRun ? 1 : 0,
      fileName: files
        .map((file) => file.originalName)
        .join(', ')
        .slice(0, 255),
      fileSha256: hash.digest('hex'),
      fileSize: files.reduce((sum, file) => sum + file.size, 0),
      userId: user.id,
      rowsRead: 0,
      rowsDone: 0,
      rowsTotal: null,
      report: null,
      createdAt: now,
      updatedAt: now,
      finishedAt: null,
    });
    await this.dataSource.getRepository(ImportJob).insert(job);
    const heartbeat = this.heartbeat(job);
    const byName: TaxonomyFiles = new Map(files.map((file) => [file.originalName, file.path]));
    const details: NonNullable<ImportReportDto['details']> = {};
    const errors: ImportRowError[] = [];
    let rows = 0;
    const format = taxonomy === 'esco' ? 'ESCO' : 'O*NET';
    try {
      const dialect = dialectOf(this.dataSource);
      const work = async (manager: EntityManager, write: boolean) => {
        if (taxonomy === 'esco') {
          const esco = await readEsco(byName);
          rows = esco.rows;
          await this.progress(job, { rowsRead: rows, rowsTotal: esco.skills.length, phase: 'writing' });
          details['skills'] = tally((await upsertSkills(manager, esco.skills, write)).outcomes);
          return;
        }
        const onet = await readOnet(byName);
        rows = onet.rows;
        await this.progress(job, { rowsRead: rows, rowsTotal: onet.skills.length + onet.roles.length, phase: 'writing' });
        const skills = await upsertSkills(manager, onet.skills, write);
        details['skills'] = tally(skills.outcomes);
        const skillId = new Map(onet.skills.map((skill, i) => [skill.externalRef as string, skills.ids[i]]));
        const roles = await upsertRoles(
          manager,
          dialect,
          onet.roles.map((role) => ({
            ...role,
            status: undefined,
            requirements: role.requirements.map((r) => ({
              skillId: skillId.get(r.elementId) as number,
              requiredLevel: r.requiredLevel,
              weight: r.weight,
            })),
          })),
          write,
        );
        details['roles'] = tally(roles.roles);
        details['requirements'] = tally(roles.requirements.flat());
      };
      if (dryRun) await work(this.dataSource.manager, false);
      else
        await this.dataSource.transaction(async (manager) => {
          await work(manager, true);
          await this.audit.record(manager, {
            userId: user.id,
            action: 'import',
            entity: `import:${taxonomy}`,
            entityId: job.id,
            after: { fileName: job.fileName, fileSha256: job.fileSha256, format, rows, details },
          });
        });
    } catch (error) {
      if (error instanceof ImportFileError)
        errors.push({ ...(error.field ? { field: error.field } : {}), message: error.message });
      else {
        // Not the file's fault: the job ends failed with that said (not left running until the
        // sweep calls it interrupted); the transaction has rolled back.
        this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
        errors.push({ message: FAILED_ON_OUR_SIDE });
      }
    } finally {
      heartbeat();
      await Promise.all(files.map((file) => rm(file.path, { force: true }).catch(() => undefined)));
    }
    const sum = (field: keyof ImportCounts) => Object.values(details).reduce((total, counts) => total + counts[field], 0);
    const result: ImportReportDto = {
      entity: taxonomy,
      format,
      dryRun,
      rows,
      created: sum('created'),
      updated: sum('updated'),
      unchanged: sum('unchanged'),
      errors,
      errorCount: errors.length,
      fileSha256: job.fileSha256 ?? '',
      jobId: job.id,
      details,
    };
    await this.finish(job, errors.length ? 'failed' : 'succeeded', result);
    return result;
  }

  /** A refused import is on record too (who tried which file), outside the rolled-back work. */
  private async recordRefusal(user: SessionUser, job: ImportJob, result: ImportReportDto): Promise<void> {
    await this.audit.record(this.dataSource.manager, {
      userId: user.id,
      action: 'import_refused',
      entity: `import:${result.entity}`,
      entityId: job.id,
      after: {
        fileName: job.fileName,
        fileSha256: job.fileSha256,
        format: result.format,
        rows: result.rows,
        errors: result.errorCount,
      },
    });
  }

  private async finish(job: ImportJob, status: 'succeeded' | 'failed', result: ImportReportDto): Promise<void> {
    const finishedAt = utcNow();
    const phase: ImportJobPhase = 'done';
    Object.assign(job, { status, phase, finishedAt, report: JSON.stringify(result) });
    await this.dataSource
      .getRepository(ImportJob)
      .update({ id: job.id }, { status, phase, finishedAt, updatedAt: finishedAt, report: job.report });
  }
}
