import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Rate-limit counters live in the database, not in process memory, so that every API
 * replica sees the same count.
 */
@Entity({ name: 'throttle_records' })
export class ThrottleRecord {
  @PrimaryColumn({ type: 'varchar', length: 191 })
  key!: string;

  @Column({ type: 'integer' })
  hits!: number;

  /** Epoch milliseconds when the window ends. */
  @Column({ name: 'expires_at', type: 'bigint' })
  expiresAt!: string;

  /** Epoch milliseconds until which the key is blocked; 0 when not blocked. */
  @Column({ name: 'blocked_until', type: 'bigint' })
  blockedUntil!: string;
}
