import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { OpenBadgeMappingMethod } from '@skillgrid/shared';
import { Employee } from '../employees/employee.entity';
import { Credential } from '../credentials/credential.entity';
import { Completion } from '../completions/completion.entity';

/**
 * An imported Open Badge, kept whether or not it maps to a catalogue credential: mapped, it
 * points at the completion it became; unmapped, it waits (pending) until HR maps it.
 */
@Entity({ name: 'open_badge_imports' })
@Index('UQ_open_badge_imports_employee_fingerprint', ['employeeId', 'fingerprint'], { unique: true })
export class OpenBadgeImport {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'employee_id', type: 'integer' })
  employeeId!: number;

  @ManyToOne(() => Employee, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'employee_id' })
  employee?: Relation<Employee>;

  /** ob3 | ob2 */
  @Column({ type: 'varchar', length: 8 })
  format!: 'ob3' | 'ob2';

  /** sha256 of (issuer, achievement, awarded date): the same badge imported twice is one record. */
  @Column({ type: 'varchar', length: 64 })
  fingerprint!: string;

  /** Every check passed (an OB3 proof verified, nothing unchecked). */
  @Column({ type: 'integer' })
  verified!: number;

  @Column({ name: 'achievement_id', type: 'varchar', length: 500, nullable: true })
  achievementId!: string | null;

  @Column({ name: 'achievement_name', type: 'varchar', length: 300 })
  achievementName!: string;

  @Column({ name: 'issuer_id', type: 'varchar', length: 500, nullable: true })
  issuerId!: string | null;

  @Column({ name: 'issuer_name', type: 'varchar', length: 300, nullable: true })
  issuerName!: string | null;

  @Column({ name: 'awarded_at', type: 'date' })
  awardedAt!: string;

  @Column({ name: 'expires_at', type: 'date', nullable: true })
  expiresAt!: string | null;

  @Index('IDX_open_badge_imports_credential')
  @Column({ name: 'credential_id', type: 'integer', nullable: true })
  credentialId!: number | null;

  @ManyToOne(() => Credential, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'credential_id' })
  credential?: Relation<Credential>;

  @Column({ name: 'mapped_by', type: 'varchar', length: 16, nullable: true })
  mappedBy!: OpenBadgeMappingMethod | null;

  @Index('IDX_open_badge_imports_completion')
  @Column({ name: 'completion_id', type: 'integer', nullable: true })
  completionId!: number | null;

  @ManyToOne(() => Completion, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'completion_id' })
  completion?: Relation<Completion>;

  /** Why it is pending (unverifiable offline, status unchecked, unmapped). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  /** The checks as answered at import (JSON). */
  @Column({ type: 'text' })
  checks!: string;

  /** The badge as uploaded (JSON), kept as evidence when it fits. */
  @Column({ type: 'text', nullable: true })
  document!: string | null;

  @Column({ name: 'imported_by_user_id', type: 'integer', nullable: true })
  importedByUserId!: number | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
