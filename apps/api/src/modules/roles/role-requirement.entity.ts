import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Role } from './role.entity';
import { Skill } from '../skills/skill.entity';

@Entity({ name: 'role_requirements' })
@Index('UQ_role_requirements_role_skill', ['roleId', 'skillId'], { unique: true })
export class RoleRequirement {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'role_id', type: 'integer' })
  roleId!: number;

  @ManyToOne(() => Role, (role) => role.requirements, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'role_id' })
  role?: Relation<Role>;

  @Index('IDX_role_requirements_skill')
  @Column({ name: 'skill_id', type: 'integer' })
  skillId!: number;

  @ManyToOne(() => Skill, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'skill_id' })
  skill?: Relation<Skill>;

  @Column({ name: 'required_level', type: 'integer' })
  requiredLevel!: number;

  /** 1..3; 3 = critical. */
  @Column({ type: 'integer' })
  weight!: number;
}
