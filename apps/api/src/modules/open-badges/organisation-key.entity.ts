import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The organisation's signing keys, one per purpose ("open-badges": the Ed25519 key that signs
 * the Open Badges it issues, as a did:key). Generated at first use. The secret key is stored
 * encrypted (key-encryption.ts), is read only by the signer and never leaves the server.
 */
@Entity({ name: 'organisation_keys' })
export class OrganisationKey {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Index('UQ_organisation_keys_purpose', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  purpose!: string;

  @Column({ type: 'varchar', length: 32 })
  algorithm!: string;

  /** The did:key the key stands for (the issuer id of the badges it signs). */
  @Column({ type: 'varchar', length: 255 })
  controller!: string;

  @Column({ name: 'public_key_multibase', type: 'varchar', length: 128 })
  publicKeyMultibase!: string;

  /**
   * The multibase secret key sealed under the key-encryption key ("v1:<KEK id>:<iv>:<tag>:
   * <ciphertext>", about 190 characters for Ed25519); older versions stored it unencrypted,
   * which the signer seals in place at first use.
   */
  @Column({ name: 'secret_key_multibase', type: 'varchar', length: 255, select: false })
  secretKeyMultibase!: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
