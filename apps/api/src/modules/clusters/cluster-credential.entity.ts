import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Cluster } from './cluster.entity';
import { Credential } from '../credentials/credential.entity';

@Entity({ name: 'cluster_credentials' })
@Index('UQ_cluster_credentials_cluster_credential', ['clusterId', 'credentialId'], { unique: true })
export class ClusterCredential {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'cluster_id', type: 'integer' })
  clusterId!: number;

  @ManyToOne(() => Cluster, (cluster) => cluster.credentials, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'cluster_id' })
  cluster?: Relation<Cluster>;

  @Index('IDX_cluster_credentials_credential')
  @Column({ name: 'credential_id', type: 'integer' })
  credentialId!: number;

  @ManyToOne(() => Credential, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'credential_id' })
  credential?: Relation<Credential>;

  /** Order within the cluster, from 1. */
  @Column({ type: 'integer' })
  position!: number;
}
