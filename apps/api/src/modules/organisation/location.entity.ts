import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'locations' })
export class Location {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Index('UQ_locations_name_key', { unique: true })
  @Column({ name: 'name_key', type: 'varchar', length: 120 })
  nameKey!: string;

  @Column({ type: 'varchar', length: 80, nullable: true })
  country!: string | null;
}
