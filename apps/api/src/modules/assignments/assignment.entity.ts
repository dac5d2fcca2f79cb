import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Employee } from '../employees/employee.entity';
import { Cluster } from '../clusters/cluster.entity';
import { Credential } from '../credentials/credential.entity';
import { User } from '../users/user.entity';

/**
 * A cluster or a single credential assigned to one employee. Its status is derived from
 * completions (DESIGN §2), never stored, except cancellation.
 */
@Entity({ name: 'assignments' })
@Index('IDX_assignments_employee', ['employeeId', 'dueDate'])
@Index('IDX_assignments_due_date', ['dueDate'])
export class Assignment {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'employee_id', type: 'integer' })
  employeeId!: number;

  @ManyToOne(() => Employee, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'employee_id' })
  employee?: Relation<Employee>;

  @Index('IDX_assignments_cluster')
  @Column({ name: 'cluster_id', type: 'integer', nullable: true })
  clusterId!: number | null;

  @ManyToOne(() => Cluster, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'cluster_id' })
  cluster?: Relation<Cluster | null>;

  @Index('IDX_assignments_credential')
  @Column({ name: 'credential_id', type: 'integer', nullable: true })
  credentialId!: number | null;

  @ManyToOne(() => Credential, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'credential_id' })
  credential?: Relation<Credential | null>;

  @Column({ name: 'assigned_by_user_id', type: 'integer', nullable: true })
  assignedByUserId!: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'assigned_by_user_id' })
  assignedBy?: Relation<User | null>;

  @Column({ name: 'assigned_at', type: 'date' })
  assignedAt!: string;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note!: string | null;

  @Column({ name: 'cancelled_at', type: 'datetime', nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
