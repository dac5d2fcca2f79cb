import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, Like, QueryFailedError } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/env.validation';
import { utcNow } from '../../database/column-types';
import {
  isSealed,
  KeyEncryptionError,
  loadKeyEncryptionKey,
  openSecret,
  sealSecret,
  type KeyEncryptionKey,
} from './key-encryption';
import { OrganisationKey } from './organisation-key.entity';
import { credentialLibraries } from './credential-libraries';

const PURPOSE = 'open-badges';
export const OB3_CONTEXTS = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
];
/** A secret key as older versions stored it: multibase base58btc, unencrypted. */
const PLAINTEXT_SECRET = /^z[1-9A-HJ-NP-Za-km-z]+$/;
/** The achievement id of a catalogue credential in the badges Skillgrid issues. */
export const SKILLGRID_ACHIEVEMENT = /^urn:skillgrid:credential:(\d+)$/;

export interface BadgeToSign {
  completionId: number;
  organisationName: string;
  recipientEmail: string;
  recipientName: string;
  awardedAt: string;
  expiresAt: string | null;
  credential: { id: number; name: string; description: string | null; url: string | null };
  skills: Array<{ name: string; level: number; externalRef: string | null }>;
}

/** The public half of the organisation's Open Badges key. */
export interface IssuerKey {
  did: string;
  verificationMethod: string;
  publicKeyMultibase: string;
}

/**
 * Signs Open Badges 3.0 credentials with the organisation's Ed25519 key (eddsa-rdfc-2022,
 * did:key issuer). The key is generated at first use and kept in the database, its secret half
 * sealed under the key-encryption key of the configuration (key-encryption.ts); it is opened
 * here only, to sign, and never returned or logged.
 */
@Injectable()
export class OpenBadgeSigner {
  private readonly logger = new Logger(OpenBadgeSigner.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async stored(): Promise<OrganisationKey | null> {
    return this.dataSource
      .getRepository(OrganisationKey)
      .createQueryBuilder('k')
      .addSelect('k.secretKeyMultibase')
      .where('k.purpose = :purpose', { purpose: PURPOSE })
      .getOne();
  }

  /** Read for each use, so a key file that is replaced or restored takes effect at once. */
  private keyEncryptionKey(options: { create: boolean }): KeyEncryptionKey {
    return loadKeyEncryptionKey(this.config.keyEncryption, this.config.database, options);
  }

  /** The stored key, generated at first use; a secret stored unencrypted by an older version is sealed first. */
  private async key(): Promise<OrganisationKey> {
    const existing = (await this.stored()) ?? (await this.generate());
    return isSealed(existing.secretKeyMultibase) ? existing : this.sealInPlace(existing);
  }

  private async generate(): Promise<OrganisationKey> {
    const { Ed25519Multikey } = await credentialLibraries();
    const generated = await Ed25519Multikey.generate();
    if (!generated.secretKeyMultibase) throw new Error('The Ed25519 key generator returned no secret key');
    const controller = `did:key:${generated.publicKeyMultibase}`;
    const context = sealingContext({ controller, publicKeyMultibase: generated.publicKeyMultibase });
    try {
      await this.dataSource.getRepository(OrganisationKey).insert({
        purpose: PURPOSE,
        algorithm: 'Ed25519',
        controller,
        publicKeyMultibase: generated.publicKeyMultibase,
        secretKeyMultibase: sealSecret(generated.secretKeyMultibase, this.keyEncryptionKey({ create: true }), context),
        createdAt: utcNow(),
      });
    } catch (error) {
      // Another request generated it first: use theirs.
      if (!(error instanceof QueryFailedError)) throw error;
    }
    const key = await this.stored();
    if (!key) throw new Error('The Open Badges signing key could not be stored');
    return key;
  }

  /**
   * Encrypts a plaintext secret in place, keeping the key (so the did:key, and every badge
   * signed before, stay valid). The update only applies while the row is still plaintext, and
   * is checked by opening it again before the transaction commits.
   */
  private async sealInPlace(key: OrganisationKey): Promise<OrganisationKey> {
    if (!PLAINTEXT_SECRET.test(key.secretKeyMultibase))
      throw new KeyEncryptionError('The stored Open Badges signing key is neither encrypted nor a multibase secret key');
    const kek = this.keyEncryptionKey({ create: true });
    const plaintext = key.secretKeyMultibase;
    const context = sealingContext(key);
    return this.dataSource.transaction(async (manager) => {
      // Matched by its plaintext shape, not its value: a failed query is logged with its parameters.
      const { affected } = await manager.update(
        OrganisationKey,
        { id: key.id, secretKeyMultibase: Like('z%') },
        { secretKeyMultibase: sealSecret(plaintext, kek, context) },
      );
      const row = await manager
        .getRepository(OrganisationKey)
        .createQueryBuilder('k')
        .addSelect('k.secretKeyMultibase')
        .where('k.id = :id', { id: key.id })
        .getOneOrFail();
      // affected 0: another process sealed it meanwhile (with the same KEK, or this throws).
      if (openSecret(row.secretKeyMultibase, kek, context) !== plaintext)
        throw new KeyEncryptionError('The Open Badges signing key was changed while it was being encrypted');
      if (affected)
        this.logger.log(
          `The Open Badges signing key ${key.controller} is now encrypted at rest (key-encryption key id ${kek.id})`,
        );
      return row;
    });
  }

  async issuerKey(): Promise<IssuerKey> {
    const key = await this.key();
    return {
      did: key.controller,
      verificationMethod: `${key.controller}#${key.publicKeyMultibase}`,
      publicKeyMultibase: key.publicKeyMultibase,
    };
  }

  async sign(badge: BadgeToSign): Promise<Record<string, unknown>> {
    const key = await this.key();
    const libraries = await credentialLibraries();
    const keyPair = await libraries.Ed25519Multikey.from({
      id: `${key.controller}#${key.publicKeyMultibase}`,
      controller: key.controller,
      type: 'Multikey',
      publicKeyMultibase: key.publicKeyMultibase,
      secretKeyMultibase: openSecret(key.secretKeyMultibase, this.keyEncryptionKey({ create: false }), sealingContext(key)),
    });
    const salt = randomBytes(12).toString('hex');
    const identityHash = createHash('sha256')
      .update(badge.recipientEmail.toLowerCase() + salt)
      .digest('hex');
    const alignment = badge.skills
      .filter((skill) => skill.externalRef)
      .map((skill) => {
        const ref = skill.externalRef as string;
        const isUrl = /^https?:\/\//.test(ref);
        return {
          type: ['Alignment'],
          targetName: skill.name,
          targetDescription: `${skill.name} at level ${skill.level}`,
          ...(isUrl ? { targetUrl: ref } : {}),
          targetCode: isUrl ? (ref.split('/').pop() ?? ref) : ref,
          ...(ref.includes('data.europa.eu/esco') ? { targetFramework: 'ESCO', targetType: 'ext:ESCO' } : {}),
        };
      });
    const credential = {
      '@context': OB3_CONTEXTS,
      id: `urn:uuid:${uuidFrom(`${key.controller}/completion/${badge.completionId}`)}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: key.controller, type: ['Profile'], name: badge.organisationName },
      validFrom: `${badge.awardedAt}T00:00:00Z`,
      // A completion counts while expiresAt > today: it stops at the start of that day.
      ...(badge.expiresAt ? { validUntil: `${badge.expiresAt}T00:00:00Z` } : {}),
      name: badge.credential.name,
      credentialSubject: {
        type: ['AchievementSubject'],
        name: badge.recipientName,
        identifier: [
          { type: 'IdentityObject', identityType: 'emailAddress', hashed: true, salt, identityHash: `sha256$${identityHash}` },
        ],
        achievement: {
          id: `urn:skillgrid:credential:${badge.credential.id}`,
          type: ['Achievement'],
          name: badge.credential.name,
          description: badge.credential.description ?? badge.credential.name,
          criteria: { narrative: `Completed "${badge.credential.name}", as recorded by ${badge.organisationName}.` },
          ...(alignment.length ? { alignment } : {}),
        },
      },
    };
    const suite = new libraries.DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: libraries.eddsaRdfc2022 });
    return libraries.vc.issue({ credential, suite, documentLoader: libraries.staticLoader });
  }
}

/** What a sealed secret is bound to (authenticated with it): the key it is the secret half of. */
export function sealingContext(key: Pick<OrganisationKey, 'controller' | 'publicKeyMultibase'>): string {
  return `organisation_keys/${PURPOSE}/${key.controller}/${key.publicKeyMultibase}`;
}

/** A stable UUID (v5-shaped, from sha256) so that the same completion keeps the same credential id. */
function uuidFrom(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
