import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ImportJobPhase, ImportJobStatus } from '@skillgrid/shared';

/** One import (synchronous or not): its progress while it runs and its report at the end. */
@Entity({ name: 'import_jobs' })
@Index('IDX_import_jobs_created_at', ['createdAt'])
export class ImportJob {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  entity!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ImportJobStatus;

  @Column({ type: 'varchar', length: 16 })
  phase!: ImportJobPhase;

  /** 0 or 1: an integer reads back the same on both databases. */
  @Column({ name: 'dry_run', type: 'integer' })
  dryRun!: number;

  @Column({ name: 'file_name', type: 'varchar', length: 255, nullable: true })
  fileName!: string | null;

  @Column({ name: 'file_sha256', type: 'varchar', length: 64, nullable: true })
  fileSha256!: string | null;

  @Column({ name: 'file_size', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  fileSize!: number;

  /** No FK: the record outlives users, as the audit log does. */
  @Column({ name: 'user_id', type: 'integer', nullable: true })
  userId!: number | null;

  @Column({ name: 'rows_read', type: 'integer' })
  rowsRead!: number;

  /** Rows compared with the database (and written) so far. */
  @Column({ name: 'rows_done', type: 'integer' })
  rowsDone!: number;

  @Column({ name: 'rows_total', type: 'integer', nullable: true })
  rowsTotal!: number | null;

  /** The ImportReportDto as JSON, once finished. */
  @Column({ type: 'text', nullable: true })
  report!: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;

  @Column({ name: 'finished_at', type: 'datetime', nullable: true })
  finishedAt!: Date | null;
}
