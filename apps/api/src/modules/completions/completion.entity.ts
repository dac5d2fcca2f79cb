import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { CompletionSource, CompletionStatus } from '@skillgrid/shared';
import { decimalToNumber } from '../../database/column-types';
import { Employee } from '../employees/employee.entity';
import { Credential } from '../credentials/credential.entity';

/** An employee earned a credential. Never silently dropped or overwritten. */
@Entity({ name: 'completions' })
@Index('UQ_completions_employee_credential_awarded', ['employeeId', 'credentialId', 'awardedAt'], { unique: true })
@Index('IDX_completions_credential_awarded', ['credentialId', 'awardedAt'])
@Index('IDX_completions_expires_at', ['expiresAt'])
export class Completion {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'employee_id', type: 'integer' })
  employeeId!: number;

  @ManyToOne(() => Employee, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'employee_id' })
  employee?: Relation<Employee>;

  @Column({ name: 'credential_id', type: 'integer' })
  credentialId!: number;

  @ManyToOne(() => Credential, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'credential_id' })
  credential?: Relation<Credential>;

  @Column({ name: 'awarded_at', type: 'date' })
  awardedAt!: string;

  /** Fixed at award time (awardedAt + validity, clamped), or given by the source. */
  @Column({ name: 'expires_at', type: 'date', nullable: true })
  expiresAt!: string | null;

  @Column({ type: 'varchar', length: 16 })
  source!: CompletionSource;

  @Column({ name: 'evidence_url', type: 'varchar', length: 1000, nullable: true })
  evidenceUrl!: string | null;

  @Column({ type: 'decimal', precision: 6, scale: 2, nullable: true, transformer: decimalToNumber })
  score!: number | null;

  @Column({ type: 'varchar', length: 16 })
  status!: CompletionStatus;

  @Column({ name: 'status_reason', type: 'varchar', length: 500, nullable: true })
  statusReason!: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
