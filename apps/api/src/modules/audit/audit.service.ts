import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { utcNow } from '../../database/column-types';
import { AuditLog } from './audit-log.entity';

export interface AuditEntry {
  userId: number | null;
  action: 'create' | 'update' | 'retire' | 'revoke' | 'login' | 'seed' | 'import' | (string & {});
  entity: string;
  entityId?: number | string | null;
  before?: unknown;
  after?: unknown;
}

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
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    });
  }
}
