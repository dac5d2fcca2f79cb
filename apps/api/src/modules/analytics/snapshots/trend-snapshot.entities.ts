import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Monthly snapshots of the coverage trend (DESIGN §5): written for month ends once they are past,
 * rewritten when a change reaches back before them. Kept by trend-snapshots.sql.ts.
 */

/**
 * The figures on one month end: per scope (a team with its sub-tree, or 0 for the organisation)
 * with skill 0 for every required skill; per skill for the organisation.
 */
@Entity({ name: 'trend_snapshots' })
@Index('IDX_trend_snapshots_month', ['monthEnd'])
export class TrendSnapshot {
  @PrimaryColumn({ name: 'scope_id', type: 'integer' })
  scopeId!: number;

  @PrimaryColumn({ name: 'skill_id', type: 'integer' })
  skillId!: number;

  @PrimaryColumn({ name: 'month_end', type: 'date' })
  monthEnd!: string;

  @Column({ type: 'integer' })
  headcount!: number;

  @Column({ type: 'integer' })
  required!: number;

  @Column({ type: 'integer' })
  met!: number;

  @Column({ name: 'level_sum', type: 'integer' })
  levelSum!: number;
}

/** The month ends whose snapshot is written (and when, UTC). */
@Entity({ name: 'trend_snapshot_months' })
export class TrendSnapshotMonth {
  @PrimaryColumn({ name: 'month_end', type: 'date' })
  monthEnd!: string;

  @Column({ name: 'computed_at', type: 'datetime' })
  computedAt!: Date;
}

/**
 * Changes that reach back to `from_date` (a completion awarded in a past month, a requirement
 * or team tree change, which reach back to the start): every snapshot from that date on is stale
 * until it is rewritten. Appended by the writers in their own transaction; removed by the rewrite.
 */
@Entity({ name: 'trend_snapshot_invalidations' })
export class TrendSnapshotInvalidation {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'from_date', type: 'date' })
  fromDate!: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}

export const TREND_SNAPSHOT_ENTITIES = [TrendSnapshot, TrendSnapshotMonth, TrendSnapshotInvalidation];
