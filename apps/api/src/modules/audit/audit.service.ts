import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { utcNow } from '../../database/column-types';
import { timestampValue } from '../../database/sql';
import type { TransactionPipeline } from '../../database/pipeline';
import { AuditLog } from './audit-log.entity';

export interface AuditEntry {
  userId: number | null;
  action: 'create' | 'update' | 'retire' | 'revoke' | 'login' | 'seed' | 'import' | (string & {});
  entity: string;
  entityId?: number | string | null;
  before?: unknown;
  after?: unknown;
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/** Writes the audit trail inside the caller's transaction, so a write and its record land together. */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.insert(AuditLog, {
      at: utcNow(),
      userId: entry.userId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      before: json(entry.before),
      after: json(entry.after),
    });
  }

  /** record() on a pipeline, which sends it with the statements queued beside it. */
  recordOn(tx: TransactionPipeline, entry: AuditEntry): Promise<unknown> {
    return tx.query(
      'INSERT INTO audit_log (at, user_id, action, entity, entity_id, `before`, `after`) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [
        timestampValue(utcNow(), tx.dialect),
        entry.userId,
        entry.action,
        entry.entity,
        entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
        json(entry.before),
        json(entry.after),
      ],
    );
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
      'INSERT INTO audit_log (at, user_id, action, entity, entity_id, `before`, `after`) ' +
        `SELECT ?, ?, ?, ?, ${entityId}, ?, ${after} FROM ${inserted.table} r WHERE ${inserted.where}`,
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
