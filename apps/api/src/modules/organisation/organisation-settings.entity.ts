import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row (id 1): one deployment serves one organisation. */
@Entity({ name: 'organisation_settings' })
export class OrganisationSettings {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone!: string;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @Column({ name: 'privacy_min_group', type: 'integer' })
  privacyMinGroup!: number;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
