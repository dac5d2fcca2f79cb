import { addMonths } from '@skillgrid/shared';
import { chunks, placeholders, type Dialect } from '../../../database/sql';
import { nameKey, utcNow } from '../../../database/column-types';
import { contributeEmployees, withdrawEmployees } from '../../analytics/state/skill-state.sql';
import { AuditLog } from '../../audit/audit-log.entity';
import { Completion } from '../../completions/completion.entity';
import type { Layout } from '../columns';
import { dateCell, numberCell, urlCell } from '../fields';
import type { ImportContext, ImportCounts, ImportDefinition, RowChecker, RowErrors } from '../import-definition';

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

      async apply(rows, context, write) {
        return applyCompletions(rows, context, write);
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

/** A DATETIME value as TypeORM writes it: SQLite keeps milliseconds in its text, MySQL whole seconds (UTC). */
function timestamp(date: Date, dialect: Dialect): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, dialect === 'sqlite' ? 23 : 19)}`;
}

interface StoredCompletion {
  id: number;
  expiresAt: string | null;
  evidenceUrl: string | null;
  score: number | null;
}

/**
 * Matches rows with stored completions on (employee, credential, awarded date): new ones are
 * created, a stored one whose given expiry, evidence or score differs is updated (the audit log
 * keeps before and after), the rest are unchanged. The affected employees leave the statistics
 * before their completions change and come back, rebuilt set-based, at the end.
 */
async function applyCompletions(rows: CompletionRow[], context: ImportContext, write: boolean): Promise<ImportCounts> {
  const { manager, dialect } = context;
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  const withdrawn = new Set<number>();
  const now = utcNow();
  let done = 0;
  for (const batch of chunks(rows, BATCH)) {
    const employeeIds = [...new Set(batch.map((row) => row.employeeId))];
    const credentialIds = [...new Set(batch.map((row) => row.credentialId))];
    const dates = [...new Set(batch.map((row) => row.awardedAt))];
    // The award dates narrow the unique index's range per employee: a re-import of someone's long
    // history reads only the days in this batch.
    const stored = (await manager.query(
      `SELECT id, employee_id, credential_id, awarded_at, expires_at, evidence_url, score FROM completions ` +
        `WHERE employee_id IN (${placeholders(employeeIds.length)}) AND credential_id IN (${placeholders(credentialIds.length)}) ` +
        `AND awarded_at IN (${placeholders(dates.length)})`,
      [...employeeIds, ...credentialIds, ...dates],
    )) as Array<Record<string, string | number | null>>;
    const byKey = new Map<string, StoredCompletion>();
    for (const s of stored)
      byKey.set(`${Number(s.employee_id)}|${Number(s.credential_id)}|${String(s.awarded_at).slice(0, 10)}`, {
        id: Number(s.id),
        expiresAt: s.expires_at === null ? null : String(s.expires_at).slice(0, 10),
        evidenceUrl: s.evidence_url === null ? null : String(s.evidence_url),
        score: s.score === null ? null : Number(s.score),
      });
    const inserts: CompletionRow[] = [];
    const updates: Array<{ row: CompletionRow; before: StoredCompletion; after: StoredCompletion }> = [];
    for (const row of batch) {
      const before = byKey.get(`${row.employeeId}|${row.credentialId}|${row.awardedAt}`);
      if (!before) {
        inserts.push(row);
        continue;
      }
      const after: StoredCompletion = {
        id: before.id,
        expiresAt: row.expiresGiven ? row.expiresAt : before.expiresAt,
        evidenceUrl: row.evidenceUrl ?? before.evidenceUrl,
        score: row.score ?? before.score,
      };
      if (after.expiresAt === before.expiresAt && after.evidenceUrl === before.evidenceUrl && after.score === before.score)
        counts.unchanged++;
      else updates.push({ row, before, after });
    }
    counts.created += inserts.length;
    counts.updated += updates.length;
    done += batch.length;
    if (!write) continue;

    const affected = [...inserts, ...updates.map((u) => u.row)].map((row) => row.employeeId).filter((id) => !withdrawn.has(id));
    // The statistics are taken out with the completions as they were (the expiries come from them).
    await withdrawEmployees(manager, dialect, affected);
    for (const id of affected) withdrawn.add(id);
    if (inserts.length) {
      // Plain multi-row INSERT: 11 variables a row stays below SQLite's 32,766 at 2,000 rows.
      const stamp = timestamp(now, dialect);
      await manager.query(
        `INSERT INTO completions (employee_id, credential_id, awarded_at, expires_at, source, evidence_url, score, status, ` +
          `status_reason, created_at, updated_at) VALUES ${inserts.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        inserts.flatMap((row) => [
          row.employeeId,
          row.credentialId,
          row.awardedAt,
          row.expiresAt,
          'csv_import',
          row.evidenceUrl ?? null,
          row.score ?? null,
          'valid',
          null,
          stamp,
          stamp,
        ]),
      );
    }
    for (const { before, after } of updates) {
      await manager.update(
        Completion,
        { id: before.id },
        { expiresAt: after.expiresAt, evidenceUrl: after.evidenceUrl, score: after.score, updatedAt: now },
      );
      await manager.insert(AuditLog, {
        at: now,
        userId: context.user.id,
        action: 'update',
        entity: 'completion',
        entityId: String(before.id),
        before: JSON.stringify(before),
        after: JSON.stringify({ ...after, importJobId: context.jobId }),
      });
    }
    await context.progress(done);
  }
  if (write) await contributeEmployees(manager, dialect, [...withdrawn]);
  return counts;
}
