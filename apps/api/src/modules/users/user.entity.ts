import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { UserRole } from '@skillgrid/shared';
import { Employee } from '../employees/employee.entity';

@Entity({ name: 'users' })
export class User {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** Stored lower-case. */
  @Index('UQ_users_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  /** argon2id hash. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: UserRole;

  @Index('UQ_users_employee_id', { unique: true })
  @Column({ name: 'employee_id', type: 'integer', nullable: true })
  employeeId!: number | null;

  @ManyToOne(() => Employee, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'employee_id' })
  employee?: Relation<Employee | null>;

  @Column({ name: 'disabled_at', type: 'datetime', nullable: true })
  disabledAt!: Date | null;

  @Column({ name: 'last_login_at', type: 'datetime', nullable: true })
  lastLoginAt!: Date | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
