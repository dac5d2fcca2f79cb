import { Logger } from '@nestjs/common';
import { addMonths } from '@skillgrid/shared';
import { chunks, timestampValue, type Dialect, type SqlValue } from '../../../database/sql';
import { nameKey, utcNow } from '../../../database/column-types';
import { invalidateTrendSnapshots } from '../../analytics/snapshots/trend-snapshots.sql';
import { phaseTimer } from '../../../common/phase-timer';
import { recomputeAnalytics } from '../../analytics/state/skill-state-rebuild';
import { AnalyticsSwap } from '../../analytics/state/analytics-swap';
import { contributeEmployees, withdrawEmployees } from '../../analytics/state/skill-state.sql';
import { refreshAssignmentProgress } from '../../forecasts/assignment-progress.sql';
import { AuditLog } from '../../audit/audit-log.entity';
import { BulkWriter } from '../../../database/bulk-writer';
import { Completion } from '../../completions/completion.entity';
import type { Layout } from '../columns';
import { dateCell, numberCell, urlCell } from '../fields';
import type { EntityManager } from 'typeorm';
import type { ImportContext, ImportCounts, ImportDefinition, RowChecker, RowErrors, StageContext } from '../import-definition';

interface CompletionRow {
  line: number;
  employeeId: number;
  credentialId: number;
  awardedAt: string;
  expiresAt: string | null;
  /** Whether the file gave the expiry (else it follows from the credential's validity). */
  expiresGiven: boolean;
  evidenceUrl: string | undefined;
  score: number | undefined;
}

const SKILLGRID: Layout = {
  name: 'Skillgrid',
  columns: [
    { name: 'employee_email', description: "The employee's e-mail (or give employee_external_id)" },
    { name: 'employee_external_id', description: "The employee's HRIS id (or give employee_email)" },
    { name: 'credential_name', description: 'The catalogue name of the credential (or give credential_external_id)' },
    {
      name: 'credential_external_id',
      description: "The credential's Open Badges achievement id, Credly template id or Badgr class id",
    },
    { name: 'awarded_at', required: true, description: 'Award date, YYYY-MM-DD; not in the future' },
    { name: 'expires_at', description: "Expiry date, after awarded_at; default: awarded_at + the credential's validity" },
    { name: 'evidence_url', description: 'http(s) link to the evidence' },
    { name: 'score', description: 'A number from 0 to 1000, two decimals at most' },
  ],
  oneOf: [
    ['employee_email', 'employee_external_id'],
    ['credential_name', 'credential_external_id'],
  ],
};

/** Credly's bulk-issue CSV: Badge Template ID is a credential's credly_template_id. */
const CREDLY: Layout = {
  name: 'Credly bulk issue',
  signature: ['badgetemplateid'],
  columns: [
    { name: 'credly_template_id', aliases: ['Badge Template ID'], required: true, description: 'Badge Template ID' },
    { name: 'employee_email', aliases: ['Recipient Email'], required: true, description: 'Recipient Email' },
    { name: 'awarded_at', aliases: ['Issued at date', 'Issued at'], required: true, description: 'Issued at date' },
    { name: 'expires_at', aliases: ['Expiration Date', 'Expires at date'], description: 'Expiration Date' },
    { name: 'evidence_url', aliases: ['Evidence URL', 'Evidence Url'], description: 'Evidence URL' },
  ],
};

/** Canvas Credentials (Badgr) award CSV: Badge Class ID is a credential's badgr_class_id; Identifier the e-mail. */
const BADGR: Layout = {
  name: 'Canvas Credentials/Badgr award',
  signature: ['badgeclassid'],
  columns: [
    { name: 'badgr_class_id', aliases: ['Badge Class ID', 'BadgeClass ID'], required: true, description: 'Badge Class ID' },
    { name: 'employee_email', aliases: ['Identifier', 'Recipient Identifier'], required: true, description: 'Identifier' },
    { name: 'awarded_at', aliases: ['Issue Date', 'Issued On'], required: true, description: 'Issue Date' },
    { name: 'expires_at', aliases: ['Expiration Date', 'Expires'], description: 'Expiration Date' },
    { name: 'evidence_url', aliases: ['Evidence URL'], description: 'Evidence URL' },
  ],
};

interface CredentialInfo {
  id: number;
  name: string;
  validityMonths: number | null;
}

/** Rows compared and written per statement. */
const BATCH = 2000;
/**
 * An import that changes the completions of at least this many people, and this share of the
 * organisation, rebuilds every statistic from scratch instead of taking those people out and
 * putting them back (each of those passes costs about what a rebuild of everyone does). Exported
 * so that a test can take that path with a small organisation.
 */
export const REBUILD_THRESHOLD = { people: 5_000, share: 0.2 };

export const completionsImport: ImportDefinition<CompletionRow> = {
  entity: 'completions',
  layouts: [SKILLGRID, CREDLY, BADGR],
  example: ['ada@example.com', '', 'Forklift Licence', '', '2024-03-01', '', 'https://badges.example.com/a/123', '92.5'],

  async prepare({ manager, today }): Promise<RowChecker<CompletionRow>> {
    const employees = (await manager.query('SELECT id, email, external_id FROM employees')) as Array<{
      id: number | string;
      email: string;
      external_id: string | null;
    }>;
    const byEmail = new Map<string, number>();
    const byExternalId = new Map<string, number>();
    for (const e of employees) {
      byEmail.set(e.email.toLowerCase(), Number(e.id));
      if (e.external_id) byExternalId.set(e.external_id, Number(e.id));
    }
    const credentials = (await manager.query(
      'SELECT id, name, name_key, validity_months, achievement_id, credly_template_id, badgr_class_id FROM credentials',
    )) as Array<{
      id: number | string;
      name: string;
      name_key: string;
      validity_months: number | string | null;
      achievement_id: string | null;
      credly_template_id: string | null;
      badgr_class_id: string | null;
    }>;
    const byName = new Map<string, CredentialInfo>();
    const byAchievement = new Map<string, CredentialInfo>();
    const byCredly = new Map<string, CredentialInfo>();
    const byBadgr = new Map<string, CredentialInfo>();
    for (const c of credentials) {
      const info = {
        id: Number(c.id),
        name: c.name,
        validityMonths: c.validity_months === null ? null : Number(c.validity_months),
      };
      byName.set(c.name_key, info);
      if (c.achievement_id) byAchievement.set(c.achievement_id, info);
      if (c.credly_template_id) byCredly.set(c.credly_template_id, info);
      if (c.badgr_class_id) byBadgr.set(c.badgr_class_id, info);
    }
    /** The copies a rebuild writes into on MySQL, from beforeWrite to release. */
    let swap: AnalyticsSwap | null = null;
    /** The staging table of the good rows (see applyCompletions), once the first is staged. */
    let stage: string | null = null;
    /** Writes the staging table behind the reading of the file (LOAD DATA on MySQL when allowed). */
    let stageWriter: BulkWriter | null = null;
    let staged = 0;
    /** The line of each (employee, credential, awarded date) met so far: a repeat in one file is an error. */
    const seen = new Map<number | string, number>();

    const employeeOf = (values: Record<string, string | undefined>, errors: RowErrors): number | undefined => {
      const email = values['employee_email']?.toLowerCase();
      const externalId = values['employee_external_id'];
      const fromEmail = email === undefined ? undefined : byEmail.get(email);
      const fromExternal = externalId === undefined ? undefined : byExternalId.get(externalId);
      if (email === undefined && externalId === undefined) {
        errors.add('employee_email', 'is required (or employee_external_id)');
        return undefined;
      }
      if (email !== undefined && fromEmail === undefined) errors.add('employee_email', `no employee has the e-mail "${email}"`);
      if (externalId !== undefined && fromExternal === undefined)
        errors.add('employee_external_id', `no employee has the external id "${externalId}"`);
      if (fromEmail !== undefined && fromExternal !== undefined && fromEmail !== fromExternal)
        errors.add('employee_external_id', 'names a different employee than employee_email');
      return fromEmail ?? fromExternal;
    };

    const credentialOf = (values: Record<string, string | undefined>, errors: RowErrors): CredentialInfo | undefined => {
      const credly = values['credly_template_id'];
      const badgr = values['badgr_class_id'];
      if (credly !== undefined || badgr !== undefined) {
        const field = credly !== undefined ? 'credly_template_id' : 'badgr_class_id';
        const found = credly !== undefined ? byCredly.get(credly) : byBadgr.get(badgr as string);
        if (!found)
          errors.add(
            field,
            `no credential has the ${credly !== undefined ? 'Credly template' : 'Badgr class'} id "${credly ?? badgr}"`,
          );
        return found;
      }
      const name = values['credential_name'];
      const externalId = values['credential_external_id'];
      if (name === undefined && externalId === undefined) {
        errors.add('credential_name', 'is required (or credential_external_id)');
        return undefined;
      }
      const fromName = name === undefined ? undefined : byName.get(nameKey(name));
      const fromExternal =
        externalId === undefined
          ? undefined
          : (byAchievement.get(externalId) ?? byCredly.get(externalId) ?? byBadgr.get(externalId));
      if (name !== undefined && !fromName) errors.add('credential_name', `no credential is called "${name}"`);
      if (externalId !== undefined && !fromExternal)
        errors.add('credential_external_id', `no credential has the external id "${externalId}"`);
      if (fromName && fromExternal && fromName.id !== fromExternal.id)
        errors.add('credential_external_id', 'names a different credential than credential_name');
      return fromName ?? fromExternal;
    };

    const addToStage = async (rows: CompletionRow[], context: StageContext): Promise<void> => {
      if (!stage) {
        stage = stageName(context.jobId);
        await createStage(context.manager, stage);
        const runner = context.manager.queryRunner;
        if (!runner) throw new Error('staging needs the EntityManager of the job connection');
        stageWriter = await BulkWriter.within(runner);
      }
      await (stageWriter as BulkWriter).insertBehind(stage, STAGE_COLUMNS, rows.map(stageValues));
      staged += rows.length;
    };

    return {
      row(values, errors, layout) {
        const usDates = layout !== SKILLGRID;
        if (layout === CREDLY && values['credly_template_id'] === undefined) errors.add('credly_template_id', 'is required');
        if (layout === BADGR && values['badgr_class_id'] === undefined) errors.add('badgr_class_id', 'is required');
        const employeeId = employeeOf(values, errors);
        const badgeId = values['credly_template_id'] ?? values['badgr_class_id'];
        const credential = layout === SKILLGRID || badgeId !== undefined ? credentialOf(values, errors) : undefined;
        const awardedAt = dateCell(errors, 'awarded_at', values['awarded_at'], { required: true, usDates });
        const givenExpiry = dateCell(errors, 'expires_at', values['expires_at'], { usDates });
        const evidenceUrl = urlCell(errors, 'evidence_url', values['evidence_url']);
        const score = numberCell(errors, 'score', values['score'], { min: 0, max: 1000, decimals: 2 });
        if (awardedAt !== undefined && awardedAt > today)
          errors.add('awarded_at', `${awardedAt} is in the future (today is ${today})`);
        if (awardedAt !== undefined && givenExpiry !== undefined && givenExpiry <= awardedAt)
          errors.add('expires_at', `${givenExpiry} is not after awarded_at ${awardedAt}`);
        if (employeeId !== undefined && credential && awardedAt !== undefined) {
          const key = completionKey(employeeId, credential.id, awardedAt);
          const earlier = seen.get(key);
          if (earlier !== undefined)
            errors.add('awarded_at', `repeats line ${earlier} (same employee, credential and award date)`);
          else seen.set(key, errors.line);
        }
        if (!errors.ok || employeeId === undefined || !credential || awardedAt === undefined) return null;
        const expiresAt = givenExpiry ?? (credential.validityMonths ? addMonths(awardedAt, credential.validityMonths) : null);
        return {
          line: errors.line,
          employeeId,
          credentialId: credential.id,
          awardedAt,
          expiresAt,
          expiresGiven: givenExpiry !== undefined,
          evidenceUrl,
          score,
        };
      },

      stage: addToStage,

      async apply(rows, context, write) {
        // Every row has been checked: the repeats' index (a million keys for a large file) goes
        // before the rebuild needs the memory.
        seen.clear();
        if (rows.length) await addToStage(rows, context);
        await stageWriter?.drain();
        return stage ? applyCompletions(stage, staged, context, write, swap) : { created: 0, updated: 0, unchanged: 0 };
      },

      // MySQL: a file that may rebuild the analytics gets empty copies of the derived tables to
      // write them into (AnalyticsSwap), renamed into place after the commit.
      async beforeWrite(context) {
        if (context.dialect === 'mysql' && staged >= REBUILD_THRESHOLD.people)
          swap = await AnalyticsSwap.prepare(context.manager, context.jobId);
      },

      async afterCommit(context) {
        await swap?.complete(context.manager);
      },

      async release(context) {
        // A failed staging write has failed the job already; only its connection's queue matters here.
        await stageWriter?.drain().catch(() => undefined);
        stageWriter = null;
        if (stage) await context.manager.query(`DROP ${context.dialect === 'mysql' ? 'TEMPORARY ' : ''}TABLE IF EXISTS ${stage}`);
        stage = null;
        await swap?.discard(context.manager);
        swap = null;
      },
    };
  },
};

/**
 * (employee, credential, award date) as one number while the ids are small enough (2^21 employees,
 * 2^16 credentials, days since 1900 in 16 bits: 53 bits), so a million-row file's repeat check
 * holds numbers rather than strings; a string beyond that.
 */
function completionKey(employeeId: number, credentialId: number, awardedAt: string): number | string {
  const day = Math.floor(Date.parse(`${awardedAt}T00:00:00Z`) / 86_400_000) + 25_567;
  if (employeeId < 2 ** 21 && credentialId < 2 ** 16 && day >= 0 && day < 2 ** 16)
    return (employeeId * 2 ** 16 + credentialId) * 2 ** 16 + day;
  return `${employeeId}|${credentialId}|${awardedAt}`;
}

interface StoredCompletion {
  id: number;
  expiresAt: string | null;
  evidenceUrl: string | null;
  score: number | null;
}

/** `a` differs from `b`, NULLs compared as values. */
function differs(dialect: Dialect, a: string, b: string): string {
  return dialect === 'mysql' ? `NOT (${a} <=> ${b})` : `${a} IS NOT ${b}`;
}

const logger = new Logger('Imports');

function stageName(jobId: string): string {
  return `import_stage_${jobId.replace(/[^0-9a-z]/gi, '').slice(0, 32)}`;
}

/** A temporary table of the connection, with the types of the completions columns (so comparisons and index lookups agree). */
async function createStage(manager: EntityManager, stage: string): Promise<void> {
  await manager.query(
    `CREATE TEMPORARY TABLE ${stage} (line INTEGER NOT NULL PRIMARY KEY, employee_id INTEGER NOT NULL, ` +
      'credential_id INTEGER NOT NULL, awarded_at DATE NOT NULL, expires_at DATE NULL, expires_given INTEGER NOT NULL, ' +
      'evidence_url VARCHAR(1000) NULL, score DECIMAL(6,2) NULL, existing_id INTEGER NULL, changed INTEGER NOT NULL DEFAULT 0)',
  );
}

const STAGE_COLUMNS = [
  'line',
  'employee_id',
  'credential_id',
  'awarded_at',
  'expires_at',
  'expires_given',
  'evidence_url',
  'score',
];

const stageValues = (row: CompletionRow): SqlValue[] => [
  row.line,
  row.employeeId,
  row.credentialId,
  row.awardedAt,
  row.expiresAt,
  row.expiresGiven ? 1 : 0,
  row.evidenceUrl ?? null,
  row.score ?? null,
];

/**
 * MySQL: share-locks the employees and credentials the new staged rows name, until the commit,
 * and answers whether every one of them exists (the rows were checked against them before the
 * transaction; an employee is never deleted and a credential in use cannot be).
 */
async function lockParents(manager: EntityManager, stage: string): Promise<boolean> {
  const count = async (sql: string) => Number(((await manager.query(sql)) as Array<{ n: number | string }>)[0]?.n);
  // One reference to the temporary table a statement: MySQL cannot open it twice in one.
  for (const [table, column] of [
    ['employees', 'employee_id'],
    ['credentials', 'credential_id'],
  ]) {
    const named = await count(`SELECT COUNT(DISTINCT ${column}) AS n FROM ${stage} WHERE existing_id IS NULL`);
    const locked = await count(
      `SELECT COUNT(*) AS n FROM ${table} WHERE id IN (SELECT ${column} FROM ${stage} WHERE existing_id IS NULL) LOCK IN SHARE MODE`,
    );
    if (locked !== named) return false;
  }
  return true;
}

/**
 * Matches the staged rows with stored completions on (employee, credential, awarded date): new
 * ones are created, a stored one whose given expiry, evidence or score differs is updated (the
 * audit log keeps before and after), the rest are unchanged. Set-based: one join on the unique
 * index marks the matches, one INSERT … SELECT writes the new ones. The affected employees leave
 * the statistics before their completions change and come back, rebuilt set-based, at the end —
 * or, when they are a large part of the organisation, every statistic is rebuilt from scratch
 * (cheaper than taking out and putting back nearly everyone). The manager must be the staging
 * connection's.
 */
async function applyCompletions(
  stage: string,
  total: number,
  context: ImportContext,
  write: boolean,
  swap: AnalyticsSwap | null,
): Promise<ImportCounts> {
  const { manager, dialect } = context;
  const mysql = dialect === 'mysql';
  const now = utcNow();
  const timer = phaseTimer();
  // A file that may rebuild the statistics (on MySQL it has copies to rebuild into) takes the lock
  // every writer of them waits for before its first read: the rebuild reads the completions from
  // the transaction's snapshot, which must not predate a writer that committed meanwhile (its
  // completion would be missing from the rebuilt statistics).
  if (write && swap) await manager.query('SELECT valid_on FROM rollup_state WHERE id = 1 FOR UPDATE');
  {
    const changed =
      `CASE WHEN (s.expires_given = 1 AND ${differs(dialect, 's.expires_at', 'c.expires_at')}) ` +
      `OR (s.evidence_url IS NOT NULL AND ${differs(dialect, 's.evidence_url', 'c.evidence_url')}) ` +
      `OR (s.score IS NOT NULL AND ${differs(dialect, 's.score', 'c.score')}) THEN 1 ELSE 0 END`;
    const match = 'c.employee_id = s.employee_id AND c.credential_id = s.credential_id AND c.awarded_at = s.awarded_at';
    if (mysql)
      await manager.query(`UPDATE ${stage} s JOIN completions c ON ${match} SET s.existing_id = c.id, s.changed = ${changed}`);
    else
      await manager.query(`UPDATE ${stage} AS s SET existing_id = c.id, changed = ${changed} FROM completions c WHERE ${match}`);
    timer.lap('matched');
    const [tally] = (await manager.query(
      `SELECT COUNT(*) AS total, SUM(CASE WHEN existing_id IS NULL THEN 1 ELSE 0 END) AS created, ` +
        `SUM(changed) AS updated FROM ${stage}`,
    )) as Array<Record<string, number | string | null>>;
    const created = Number(tally['created'] ?? 0);
    const updated = Number(tally['updated'] ?? 0);
    const counts: ImportCounts = { created, updated, unchanged: Number(tally['total']) - created - updated };
    if (!write || created + updated === 0) return counts;

    const affected = (
      (await manager.query(
        `SELECT DISTINCT employee_id FROM ${stage} WHERE existing_id IS NULL OR changed = 1 ORDER BY employee_id`,
      )) as Array<{ employee_id: number | string }>
    ).map((row) => Number(row.employee_id));
    const [{ people }] = (await manager.query('SELECT COUNT(*) AS people FROM employees')) as Array<{ people: number | string }>;
    const rebuild = affected.length >= Math.max(REBUILD_THRESHOLD.people, Number(people) * REBUILD_THRESHOLD.share);
    const [{ validOn }] = (await manager.query('SELECT valid_on AS validOn FROM rollup_state WHERE id = 1')) as Array<{
      validOn: string;
    }>;
    // The statistics are taken out with the completions as they were (the expiries come from them).
    if (!rebuild) await withdrawEmployees(manager, dialect, affected);
    timer.lap(rebuild ? 'counted' : 'withdrawn');
    await context.progress(Math.floor(total * 0.6));
    // Before a rebuild on SQLite (DDL inside the transaction), the completions' non-unique indexes
    // go while the rows go in and come back in one sorted build each (the rebuild reads by employee,
    // through the unique index, which stays).
    const runner = manager.queryRunner;
    const restoreIndexes =
      rebuild && !mysql && runner
        ? await (await BulkWriter.within(runner)).dropSecondaryIndexes(['completions'], { keepUnique: true })
        : null;
    const stamp = timestampValue(now, dialect);
    // On MySQL the foreign keys are checked once per employee and credential rather than twice a
    // row: their rows are share-locked as the per-row checks would lock them (a credential cannot
    // be deleted under the import), and the insert runs without those checks.
    const parentsChecked = mysql && (await lockParents(manager, stage));
    if (parentsChecked) await manager.query('SET SESSION foreign_key_checks = 0');
    try {
      await manager.query(
        `INSERT INTO completions (employee_id, credential_id, awarded_at, expires_at, source, evidence_url, score, status, ` +
          `status_reason, created_at, updated_at) SELECT employee_id, credential_id, awarded_at, expires_at, 'csv_import', ` +
          // In the unique index's order: the B-tree is written page after page, not at random.
          `evidence_url, score, 'valid', NULL, ?, ? FROM ${stage} WHERE existing_id IS NULL ` +
          'ORDER BY employee_id, credential_id, awarded_at',
        [stamp, stamp],
      );
    } finally {
      if (parentsChecked) await manager.query('SET SESSION foreign_key_checks = 1');
    }
    if (restoreIndexes) await restoreIndexes();
    timer.lap('inserted');
    await context.progress(Math.floor(total * 0.75));
    // Updates are rare and each is audited with its before and after: row by row, a page at a time.
    for (let after = 0; ; ) {
      const page = (await manager.query(
        `SELECT s.line, s.expires_given, s.expires_at AS new_expires_at, s.evidence_url AS new_evidence_url, s.score AS new_score, ` +
          `c.id, c.expires_at, c.evidence_url, c.score FROM ${stage} s JOIN completions c ON c.id = s.existing_id ` +
          `WHERE s.changed = 1 AND s.line > ? ORDER BY s.line LIMIT ${BATCH}`,
        [after],
      )) as Array<Record<string, string | number | null>>;
      if (!page.length) break;
      after = Number(page[page.length - 1]['line']);
      const day = (value: string | number | null) => (value === null ? null : String(value).slice(0, 10));
      const audits: Array<Partial<AuditLog>> = [];
      for (const s of page) {
        const before: StoredCompletion = {
          id: Number(s['id']),
          expiresAt: day(s['expires_at']),
          evidenceUrl: s['evidence_url'] === null ? null : String(s['evidence_url']),
          score: s['score'] === null ? null : Number(s['score']),
        };
        const next: StoredCompletion = {
          id: before.id,
          expiresAt: Number(s['expires_given']) === 1 ? day(s['new_expires_at']) : before.expiresAt,
          evidenceUrl: s['new_evidence_url'] === null ? before.evidenceUrl : String(s['new_evidence_url']),
          score: s['new_score'] === null ? before.score : Number(s['new_score']),
        };
        await manager.update(
          Completion,
          { id: before.id },
          { expiresAt: next.expiresAt, evidenceUrl: next.evidenceUrl, score: next.score, updatedAt: now },
        );
        audits.push({
          at: now,
          userId: context.user.id,
          action: 'update',
          entity: 'completion',
          entityId: String(before.id),
          before: JSON.stringify(before),
          after: JSON.stringify({ ...next, importJobId: context.jobId }),
        });
      }
      for (const part of chunks(audits, 200)) await manager.insert(AuditLog, part);
    }
    timer.lap('updated');
    await context.progress(Math.floor(total * 0.8));
    if (rebuild) await recomputeAnalytics(manager, String(validOn).slice(0, 10), (step) => timer.lap(step), swap ?? undefined);
    else {
      await contributeEmployees(manager, dialect, affected);
      // Which of their assigned credentials are now done (the rebuild above does everyone's).
      await refreshAssignmentProgress(manager, dialect, { employeeIds: affected });
    }
    // Back-fill: the month-end snapshots from the earliest award written are rewritten after it commits.
    const [{ since }] = (await manager.query(
      `SELECT MIN(awarded_at) AS since FROM ${stage} WHERE existing_id IS NULL OR changed = 1`,
    )) as Array<{ since: string | Date }>;
    await invalidateTrendSnapshots(
      manager,
      String(since instanceof Date ? since.toISOString() : since).slice(0, 10),
      context.today,
    );
    timer.lap(rebuild ? 'snapshots invalidated' : 'contributed');
    logger.log(`${total} completions for ${affected.length} people: ${timer.summary()}`);
    await context.progress(total);
    return counts;
  }
}
