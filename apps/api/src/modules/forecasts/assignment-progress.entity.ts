import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Assignment } from '../assignments/assignment.entity';

/**
 * One row per non-cancelled assignment and credential it contains (its own credential, or each of
 * its cluster's), kept on write by assignment-progress.sql.ts in the writer's transaction, so the
 * forecast's completion rates and pipeline (DESIGN §3) read index scans of this table.
 */
@Entity({ name: 'assignment_progress' })
// Completion counts: all_done = 1, or all_done = 0 and due before d, per credential, summing done.
@Index('IDX_assignment_progress_counts', ['allDone', 'credentialId', 'dueDate', 'done'])
// The pipeline: open pairs (done = 0), all of them or a few credentials' (one skill's), joined to positions by employee.
@Index('IDX_assignment_progress_open', ['done', 'credentialId', 'employeeId', 'dueDate'])
export class AssignmentProgress {
  @PrimaryColumn({ name: 'assignment_id', type: 'integer' })
  assignmentId!: number;

  @ManyToOne(() => Assignment, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'assignment_id' })
  assignment?: Relation<Assignment>;

  @PrimaryColumn({ name: 'credential_id', type: 'integer' })
  credentialId!: number;

  @Column({ name: 'employee_id', type: 'integer' })
  employeeId!: number;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  /** 1 when the employee has a valid completion of the credential awarded on or after the assignment's date. */
  @Column({ type: 'integer' })
  done!: number;

  /** 1 when every credential of the assignment is done. */
  @Column({ name: 'all_done', type: 'integer' })
  allDone!: number;
}
