import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Team } from './team.entity';
import { Skill } from '../skills/skill.entity';

/** "Team T needs N people at level >= L in skill S." */
@Entity({ name: 'team_capability_targets' })
@Index('UQ_team_capability_targets', ['teamId', 'skillId'], { unique: true })
export class TeamCapabilityTarget {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'team_id', type: 'integer' })
  teamId!: number;

  @ManyToOne(() => Team, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'team_id' })
  team?: Relation<Team>;

  @Column({ name: 'skill_id', type: 'integer' })
  skillId!: number;

  @ManyToOne(() => Skill, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'skill_id' })
  skill?: Relation<Skill>;

  @Column({ name: 'min_level', type: 'integer' })
  minLevel!: number;

  @Column({ name: 'required_count', type: 'integer' })
  requiredCount!: number;
}
