import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { CatalogueStatus, CredentialType, DeliveryMethod } from '@skillgrid/shared';
import { decimalToNumber } from '../../database/column-types';
import { CredentialSkill } from './credential-skill.entity';

/** A micro-credential of the catalogue. */
@Entity({ name: 'credentials' })
export class Credential {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Index('UQ_credentials_name_key', { unique: true })
  @Column({ name: 'name_key', type: 'varchar', length: 200 })
  nameKey!: string;

  @Column({ type: 'varchar', length: 160 })
  provider!: string;

  @Column({ type: 'varchar', length: 32 })
  type!: CredentialType;

  @Column({ name: 'delivery_method', type: 'varchar', length: 32 })
  deliveryMethod!: DeliveryMethod;

  @Column({ type: 'decimal', precision: 7, scale: 1, transformer: decimalToNumber })
  hours!: number;

  /** In the organisation's currency. */
  @Column({ type: 'decimal', precision: 12, scale: 2, transformer: decimalToNumber })
  cost!: number;

  /** Null: never expires. */
  @Column({ name: 'validity_months', type: 'integer', nullable: true })
  validityMonths!: number | null;

  @Column({ type: 'varchar', length: 16 })
  status!: CatalogueStatus;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  url!: string | null;

  @Index('IDX_credentials_achievement_id')
  @Column({ name: 'achievement_id', type: 'varchar', length: 255, nullable: true })
  achievementId!: string | null;

  @Index('IDX_credentials_credly_template_id')
  @Column({ name: 'credly_template_id', type: 'varchar', length: 255, nullable: true })
  credlyTemplateId!: string | null;

  @Index('IDX_credentials_badgr_class_id')
  @Column({ name: 'badgr_class_id', type: 'varchar', length: 255, nullable: true })
  badgrClassId!: string | null;

  @OneToMany(() => CredentialSkill, (grant) => grant.credential)
  skills?: Relation<CredentialSkill[]>;
}
