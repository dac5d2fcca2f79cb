import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Employee } from '../employees/employee.entity';

@Entity({ name: 'teams' })
export class Team {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Index('UQ_teams_name_key', { unique: true })
  @Column({ name: 'name_key', type: 'varchar', length: 120 })
  nameKey!: string;

  @Column({ name: 'parent_id', type: 'integer', nullable: true })
  parentId!: number | null;

  @ManyToOne(() => Team, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<Team | null>;

  /** Materialised path of ids, "/1/4/9/": a sub-tree is every team whose path starts with its root's. */
  @Index('IDX_teams_path')
  @Column({ type: 'varchar', length: 255 })
  path!: string;

  @Column({ type: 'integer' })
  depth!: number;

  @Column({ name: 'manager_id', type: 'integer', nullable: true })
  managerId!: number | null;

  @ManyToOne(() => Employee, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'manager_id' })
  manager?: Relation<Employee | null>;
}
