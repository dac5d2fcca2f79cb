import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Credential } from './credential.entity';
import { Skill } from '../skills/skill.entity';

/** A skill a credential grants, at a level. */
@Entity({ name: 'credential_skills' })
@Index('UQ_credential_skills_credential_skill', ['credentialId', 'skillId'], { unique: true })
export class CredentialSkill {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'credential_id', type: 'integer' })
  credentialId!: number;

  @ManyToOne(() => Credential, (credential) => credential.skills, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'credential_id' })
  credential?: Relation<Credential>;

  @Index('IDX_credential_skills_skill')
  @Column({ name: 'skill_id', type: 'integer' })
  skillId!: number;

  @ManyToOne(() => Skill, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'skill_id' })
  skill?: Relation<Skill>;

  @Column({ type: 'integer' })
  level!: number;
}
