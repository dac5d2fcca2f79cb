import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { User } from '../users/user.entity';

/** A named what-if of one user (HR or exec): the changes against the baseline, as JSON. */
@Entity({ name: 'forecast_scenarios' })
@Index('IDX_forecast_scenarios_user', ['userId'])
export class ForecastScenario {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  /** ForecastScenarioSettings as JSON: attrition overrides, hiring changes, budget. */
  @Column({ type: 'text' })
  settings!: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
