import { Injectable } from '@nestjs/common';
import { utcNow } from '../../database/column-types';
import { dialectOfRunner, timestampValue, type SqlRunner } from '../../database/sql';
import type { TransactionPipeline } from '../../database/pipeline';

export interface AuditEntry {
  userId: number | null;
  action: 'create' | 'update' | 'retire' | 'revoke' | 'login' | 'seed' | 'import' | (string & {});
  entity: string;
  entityId?: number | string | null;
  before?: unknown;
  after?: unknown;
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
const COLUMNS = 'at, user_id, action, entity, entity_id, `before`, `after`';

/**
 * Writes the audit trail inside the caller's transaction, so a write and its record land
 * together: on its EntityManager, or on a pipeline (database/pipeline.ts), which sends the row
 * with the statements queued beside it.
 */
@Injectable()
export class AuditService {
  async record(sql: SqlRunner, entry: AuditEntry): Promise<void> {
    await sql.query(`INSERT INTO audit_log (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`, [
      timestampValue(utcNow(), dialectOfRunner(sql)),
      entry.userId,
      entry.action,
      entry.entity,
      entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      json(entry.before),
      json(entry.after),
    ]);
  }

  /**
   * record() on a pipeline for a row inserted earlier in the same transaction, whose id has not
   * come back yet: `inserted` finds it by a unique key (alias r), and its id becomes the entry's
   * entity id and the first key of `after` (which has no id of its own).
   */
  recordInsertedOn(
    tx: TransactionPipeline,
    entry: Omit<AuditEntry, 'entityId' | 'after'> & { after: object },
    inserted: { table: string; where: string; parameters: unknown[] },
  ): Promise<unknown> {
    const rest = JSON.stringify(entry.after).slice(1); // '}' alone for an empty object
    const tail = rest === '}' ? rest : `,${rest}`;
    const [entityId, after] =
      tx.dialect === 'mysql'
        ? ['CAST(r.id AS CHAR)', `CONCAT('{"id":', r.id, ?)`]
        : ['CAST(r.id AS TEXT)', `'{"id":' || r.id || ?`];
    return tx.query(
      `INSERT INTO audit_log (${COLUMNS}) SELECT ?, ?, ?, ?, ${entityId}, ?, ${after} FROM ${inserted.table} r WHERE ${inserted.where}`,
      [
        timestampValue(utcNow(), tx.dialect),
        entry.userId,
        entry.action,
        entry.entity,
        json(entry.before),
        tail,
        ...inserted.parameters,
      ],
    );
  }
}
