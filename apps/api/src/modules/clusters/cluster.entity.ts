import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { CatalogueStatus, ClusterPurpose } from '@skillgrid/shared';
import { Role } from '../roles/role.entity';
import { ClusterCredential } from './cluster-credential.entity';

/** A named, ordered bundle of credentials with a purpose. */
@Entity({ name: 'clusters' })
export class Cluster {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Index('UQ_clusters_name_key', { unique: true })
  @Column({ name: 'name_key', type: 'varchar', length: 200 })
  nameKey!: string;

  @Column({ type: 'varchar', length: 32 })
  purpose!: ClusterPurpose;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'target_role_id', type: 'integer', nullable: true })
  targetRoleId!: number | null;

  @ManyToOne(() => Role, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'target_role_id' })
  targetRole?: Relation<Role | null>;

  @Column({ type: 'varchar', length: 16 })
  status!: CatalogueStatus;

  @OneToMany(() => ClusterCredential, (item) => item.cluster)
  credentials?: Relation<ClusterCredential[]>;
}
