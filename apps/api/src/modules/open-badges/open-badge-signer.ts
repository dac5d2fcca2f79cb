import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { utcNow } from '../../database/column-types';
import { OrganisationKey } from './organisation-key.entity';
import { credentialLibraries } from './credential-libraries';

const PURPOSE = 'open-badges';
export const OB3_CONTEXTS = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
];
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
 * did:key issuer). The key is generated at first use and kept in the database; its secret
 * half is read here only.
 */
@Injectable()
export class OpenBadgeSigner {
  constructor(private readonly dataSource: DataSource) {}

  private async stored(withSecret: boolean): Promise<OrganisationKey | null> {
    return this.dataSource
      .getRepository(OrganisationKey)
      .createQueryBuilder('k')
      .addSelect(withSecret ? ['k.secretKeyMultibase'] : [])
      .where('k.purpose = :purpose', { purpose: PURPOSE })
      .getOne();
  }

  private async key(withSecret: boolean): Promise<OrganisationKey> {
    const existing = await this.stored(withSecret);
    if (existing) return existing;
    const { Ed25519Multikey } = await credentialLibraries();
    const generated = await Ed25519Multikey.generate();
    try {
      await this.dataSource.getRepository(OrganisationKey).insert({
        purpose: PURPOSE,
        algorithm: 'Ed25519',
        controller: `did:key:${generated.publicKeyMultibase}`,
        publicKeyMultibase: generated.publicKeyMultibase,
        secretKeyMultibase: generated.secretKeyMultibase ?? '',
        createdAt: utcNow(),
      });
    } catch (error) {
      // Another request generated it first: use theirs.
      if (!(error instanceof QueryFailedError)) throw error;
    }
    const key = await this.stored(withSecret);
    if (!key) throw new Error('The Open Badges signing key could not be stored');
    return key;
  }

  async issuerKey(): Promise<IssuerKey> {
    const key = await this.key(false);
    return {
      did: key.controller,
      verificationMethod: `${key.controller}#${key.publicKeyMultibase}`,
      publicKeyMultibase: key.publicKeyMultibase,
    };
  }

  async sign(badge: BadgeToSign): Promise<Record<string, unknown>> {
    const key = await this.key(true);
    const libraries = await credentialLibraries();
    const keyPair = await libraries.Ed25519Multikey.from({
      id: `${key.controller}#${key.publicKeyMultibase}`,
      controller: key.controller,
      type: 'Multikey',
      publicKeyMultibase: key.publicKeyMultibase,
      secretKeyMultibase: key.secretKeyMultibase,
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

/** A stable UUID (v5-shaped, from sha256) so that the same completion keeps the same credential id. */
function uuidFrom(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
