import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  OPEN_BADGE_SOFT_CHECKS,
  todayInTimeZone,
  type IsoDate,
  type OpenBadgeCheckDto,
  type OpenBadgeCheckName,
  type OpenBadgeSummaryDto,
  type OpenBadgeVerificationDto,
} from '@skillgrid/shared';
import type { DocumentLoader, VerifyCredentialResult } from '@digitalcredentials/vc';
import { credentialLibraries } from './credential-libraries';

/** What was uploaded: the OB3 credential or OB2 assertion, and an OB2 assertion's linked documents. */
export interface BadgeInput {
  credential: unknown;
  badgeClass?: unknown;
  issuer?: unknown;
}

export interface VerifyOptions {
  /** The organisation's today and time zone: expiry is judged against them, dates are read in them. */
  today: IsoDate;
  timeZone: string;
  /** When given, the badge's e-mail identities must include it (the recipient check). */
  recipientEmail?: string;
}

export interface Verification extends OpenBadgeVerificationDto {
  /** A failed check that refuses the badge (anything but the soft checks). */
  refused: boolean;
  /** Only soft checks failed: the badge is recorded, pending HR. */
  unconfirmed: boolean;
}

type Json = Record<string, unknown>;

const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
const VC_V1 = 'https://www.w3.org/2018/credentials/v1';
const OB2_CONTEXT = 'https://w3id.org/openbadges/v2';
/** A 1EdTech-style verification method: an https controller and an Ed25519 multikey as fragment. */
const HTTPS_MULTIKEY_VM = /^(https:\/\/[^#\s]+)#(z6Mk[1-9A-HJ-NP-Za-km-z]{40,60})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
export const asArray = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
const asString = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);
const idOf = (value: unknown): string | null => (isObject(value) ? asString(value['id']) : asString(value));

/** The calendar date of a timestamp in the organisation's time zone (a bare date stays as it is). */
export function dateIn(value: unknown, timeZone: string): IsoDate | null {
  if (typeof value !== 'string' || !DATE_TIME.test(value)) return null;
  if (value.length === 10) return value;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : todayInTimeZone(timeZone, instant);
}

/** Does an e-mail identity (hashed `sha256$…`/`md5$…` with a salt, or plain) name this address? */
export function identityMatches(identity: string, hashed: boolean, salt: string | null, email: string): boolean {
  const address = email.trim().toLowerCase();
  if (!hashed) return identity.trim().toLowerCase() === address;
  const [algorithm, digest] = identity.split('$', 2);
  if (!digest || (algorithm !== 'sha256' && algorithm !== 'md5')) return false;
  const expected = (value: string) =>
    createHash(algorithm)
      .update(value + (salt ?? ''))
      .digest('hex');
  // Issuers hash the address as given; most lower-case it first.
  return [address, email.trim()].some((candidate) => expected(candidate) === digest.toLowerCase());
}

interface EmailIdentity {
  identity: string;
  hashed: boolean;
  salt: string | null;
}

function recipientCheck(identities: EmailIdentity[], email: string): OpenBadgeCheckDto {
  if (!identities.length)
    return {
      name: 'recipient',
      passed: true,
      message: `The badge names no e-mail recipient; it is recorded for ${email}`,
    };
  const match = identities.find((id) => identityMatches(id.identity, id.hashed, id.salt, email));
  if (match)
    return {
      name: 'recipient',
      passed: true,
      message: `The ${match.hashed ? 'hashed ' : ''}e-mail identity of the recipient is ${email}`,
    };
  const plain = identities.filter((id) => !id.hashed).map((id) => id.identity);
  return {
    name: 'recipient',
    passed: false,
    message: plain.length
      ? `The badge was awarded to ${plain.join(', ')}, not to ${email}`
      : `The badge's hashed e-mail identity is not ${email}: it was awarded to someone else`,
  };
}

/** The plain (unhashed) recipient e-mails a badge names, so HR can import it without naming the employee. */
export function plainRecipientEmails(credential: unknown): string[] {
  if (!isObject(credential)) return [];
  const emails: unknown[] = [];
  const recipient = credential['recipient'];
  if (isObject(recipient) && recipient['hashed'] !== true && asString(recipient['type'])?.toLowerCase() === 'email')
    emails.push(recipient['identity']);
  for (const subject of asArray(credential['credentialSubject']).filter(isObject)) {
    emails.push(subject['email']);
    for (const id of asArray(subject['identifier']).filter(isObject))
      if (id['identityType'] === 'emailAddress' && id['hashed'] !== true) emails.push(id['identityHash']);
  }
  return [
    ...new Set(
      emails
        .map(asString)
        .filter((e): e is string => !!e && e.includes('@'))
        .map((e) => e.toLowerCase()),
    ),
  ];
}

/** Bounds the work a hostile document can cause before any parsing library sees it. */
export function measureJson(value: unknown, limits = { depth: 32, nodes: 20_000 }): string | null {
  let nodes = 0;
  const walk = (node: unknown, depth: number): string | null => {
    if (++nodes > limits.nodes) return `has more than ${limits.nodes} values`;
    if (typeof node !== 'object' || node === null) return null;
    if (depth > limits.depth) return `is nested deeper than ${limits.depth} levels`;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      const problem = walk(child, depth + 1);
      if (problem) return problem;
    }
    return null;
  };
  return walk(value, 0);
}

function expiryCheck(
  validFrom: IsoDate | null,
  validUntil: IsoDate | null,
  today: IsoDate,
  rawUntil: unknown,
): OpenBadgeCheckDto {
  if (rawUntil !== undefined && rawUntil !== null && validUntil === null)
    return { name: 'expiry', passed: false, message: `The expiry date "${String(rawUntil)}" is not a date` };
  if (validFrom && validFrom > today)
    return { name: 'expiry', passed: false, message: `The badge is not valid before ${validFrom} (today is ${today})` };
  if (validUntil && validUntil <= today)
    return { name: 'expiry', passed: false, message: `The badge expired on ${validUntil} (today is ${today})` };
  if (validUntil && validFrom && validUntil <= validFrom)
    return { name: 'expiry', passed: false, message: `The badge expires (${validUntil}) before it was awarded (${validFrom})` };
  return {
    name: 'expiry',
    passed: true,
    message: validUntil ? `Valid until ${validUntil}` : 'The badge does not expire',
  };
}

function summaryOf(partial: Partial<OpenBadgeSummaryDto> & Pick<OpenBadgeSummaryDto, 'format'>): OpenBadgeSummaryDto {
  return {
    achievementId: null,
    achievementName: null,
    issuerId: null,
    issuerName: null,
    awardedAt: null,
    expiresAt: null,
    alignments: [],
    ...partial,
  };
}

/** A badge's alignment targets: those with a URL or a code (what the catalogue can be matched on). */
export function alignmentsOf(value: unknown): OpenBadgeSummaryDto['alignments'] {
  return asArray(value)
    .filter(isObject)
    .map((a) => ({
      targetName: asString(a['targetName']),
      targetUrl: asString(a['targetUrl']),
      targetCode: asString(a['targetCode']),
    }))
    .filter((a) => a.targetUrl || a.targetCode);
}

function finish(checks: OpenBadgeCheckDto[], badge: OpenBadgeSummaryDto): Verification {
  const failed = checks.filter((check) => !check.passed);
  const refused = failed.some((check) => !OPEN_BADGE_SOFT_CHECKS.includes(check.name));
  return { verified: !failed.length, checks, badge, refused, unconfirmed: !refused && failed.length > 0 };
}

const check = (name: OpenBadgeCheckName, passed: boolean, message: string): OpenBadgeCheckDto => ({ name, passed, message });

/** Why the library refused a signature, in words an HR user can act on. */
function signatureFailure(result: VerifyCredentialResult): string {
  const errors = [
    ...(result.error?.errors ?? []),
    ...(result.results ?? []).flatMap((r) => r.error?.errors ?? (r.error ? [r.error] : [])),
  ];
  const messages = [...new Set((errors.length ? errors : result.error ? [result.error] : []).map((e) => e.message))];
  if (messages.some((m) => /safe mode/i.test(m)))
    return 'The credential uses terms its @context does not define, so its signed content cannot be read (invalid credential)';
  const notFound = messages.find((m) => /not found/i.test(m));
  if (notFound) return `The signing key cannot be resolved offline (${notFound})`;
  if (messages.some((m) => /invalid signature/i.test(m)))
    return 'The signature does not match the credential: it was changed after signing, or signed with another key';
  return `The proof could not be verified${messages.length ? `: ${messages.join('; ')}` : ''}`;
}

/**
 * Verifies Open Badges offline. OB 3.0: the proof (eddsa-rdfc-2022 or Ed25519Signature2020)
 * with did:key or an https verification method carrying its multikey as fragment; type,
 * validity dates, and a status list reported as unchecked. OB 2.0: structure and recipient;
 * hosted verification needs the network, so such badges are never fully verified here.
 */
@Injectable()
export class OpenBadgeVerifier {
  async verify(input: BadgeInput, options: VerifyOptions): Promise<Verification> {
    const credential = input.credential;
    if (!isObject(credential))
      return finish(
        [check('format', false, 'The badge must be a JSON object (an Open Badges 3.0 credential or 2.0 assertion)')],
        summaryOf({ format: 'unknown' }),
      );
    const contexts = asArray(credential['@context']);
    const types = asArray(credential['type']).filter((t): t is string => typeof t === 'string');
    if (contexts.includes(VC_V2) || contexts.includes(VC_V1) || types.includes('VerifiableCredential'))
      return this.verifyOb3(credential, contexts, types, options);
    const part = types.find((t) => t === 'BadgeClass' || t === 'Issuer' || t === 'Profile');
    if (part && !types.includes('Assertion'))
      return finish(
        [
          check(
            'format',
            false,
            `This is an Open Badges 2.0 ${part === 'BadgeClass' ? 'badge class' : 'issuer profile'}, not an assertion: upload the assertion, with this file beside it`,
          ),
        ],
        summaryOf({ format: 'ob2' }),
      );
    if (contexts.includes(OB2_CONTEXT) || types.includes('Assertion')) return this.verifyOb2(credential, input, options);
    return finish(
      [
        check(
          'format',
          false,
          'Not an Open Badge: expected a verifiable credential (@context https://www.w3.org/ns/credentials/v2) or an Open Badges 2.0 assertion (@context https://w3id.org/openbadges/v2)',
        ),
      ],
      summaryOf({ format: 'unknown' }),
    );
  }

  private async verifyOb3(credential: Json, contexts: unknown[], types: string[], options: VerifyOptions): Promise<Verification> {
    const subject = asArray(credential['credentialSubject']).find(isObject) ?? {};
    const achievement = isObject(subject['achievement']) ? subject['achievement'] : {};
    const issuer = credential['issuer'];
    const rawFrom = credential['validFrom'] ?? credential['issuanceDate'];
    const rawUntil = credential['validUntil'] ?? credential['expirationDate'];
    const validFrom = dateIn(credential['awardedDate'], options.timeZone) ?? dateIn(rawFrom, options.timeZone);
    const validUntil = dateIn(rawUntil, options.timeZone);
    const badge = summaryOf({
      format: 'ob3',
      achievementId: asString(achievement['id']),
      achievementName: asString(achievement['name']) ?? asString(credential['name']),
      issuerId: idOf(issuer),
      issuerName: isObject(issuer) ? asString(issuer['name']) : null,
      awardedAt: validFrom,
      expiresAt: validUntil,
      alignments: alignmentsOf(achievement['alignment']),
    });
    const version = contexts.includes(VC_V2) ? 'VC data model 2.0' : 'VC data model 1.1';
    const checks: OpenBadgeCheckDto[] = [
      check(
        'format',
        Boolean(validFrom && badge.issuerId && isObject(subject)),
        validFrom && badge.issuerId
          ? `An Open Badges 3.0 credential (${version})`
          : `An Open Badges 3.0 credential needs an issuer and a ${contexts.includes(VC_V2) ? 'validFrom' : 'issuanceDate'} date`,
      ),
    ];
    const obType = types.find((t) => t === 'OpenBadgeCredential' || t === 'AchievementCredential');
    checks.push(
      check(
        'type',
        Boolean(obType),
        obType
          ? `The credential is an ${obType}`
          : `The credential's type (${types.join(', ') || 'none'}) does not include OpenBadgeCredential`,
      ),
    );
    checks.push(...(await this.proofChecks(credential, badge.issuerId)));
    checks.push(expiryCheck(validFrom, validUntil, options.today, rawUntil));
    const statuses = asArray(credential['credentialStatus']).filter(isObject);
    checks.push(
      statuses.length
        ? check(
            'status',
            false,
            `Status unchecked: the ${statuses.map((s) => asString(s['type']) ?? 'status').join(', ')} list${statuses.some((s) => s['id']) ? ` (${statuses.map((s) => s['id']).join(', ')})` : ''} cannot be fetched offline, so revocation is not ruled out`,
          )
        : check('status', true, 'The credential has no status list to check'),
    );
    if (options.recipientEmail !== undefined) {
      const identities = asArray(subject['identifier'])
        .filter(isObject)
        .filter((id) => id['identityType'] === 'emailAddress' && typeof id['identityHash'] === 'string')
        .map((id) => ({
          identity: String(id['identityHash']),
          hashed: id['hashed'] === true,
          salt: asString(id['salt']),
        }));
      const email = asString(subject['email']);
      if (email) identities.push({ identity: email, hashed: false, salt: null });
      checks.push(recipientCheck(identities, options.recipientEmail));
    }
    return finish(checks, badge);
  }

  /** The signature and where its key came from; the key never comes from the network. */
  private async proofChecks(credential: Json, issuerId: string | null): Promise<OpenBadgeCheckDto[]> {
    const proofs = asArray(credential['proof']).filter(isObject);
    if (!proofs.length) return [check('signature', false, 'The credential carries no proof: it is not signed')];
    const methods = proofs.map((p) => asString(p['verificationMethod']) ?? '');
    const suites = [...new Set(proofs.map((p) => asString(p['cryptosuite']) ?? asString(p['type']) ?? '?'))].join(', ');
    const libraries = await credentialLibraries();
    const documentLoader: DocumentLoader = async (url) => {
      const multikey = HTTPS_MULTIKEY_VM.exec(url);
      if (multikey && methods.includes(url))
        return {
          contextUrl: null,
          documentUrl: url,
          document: {
            '@context': 'https://w3id.org/security/multikey/v1',
            id: url,
            type: 'Multikey',
            controller: multikey[1],
            publicKeyMultibase: multikey[2],
          },
        };
      // The controller document of such a key: it asserts with the keys the proofs name, no more.
      const own = methods.filter((method) => method.startsWith(`${url}#`) && HTTPS_MULTIKEY_VM.test(method));
      if (own.length)
        return {
          contextUrl: null,
          documentUrl: url,
          document: {
            '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
            id: url,
            assertionMethod: own,
          },
        };
      // did:web (and every other method but did:key) would need the network: never resolved here.
      if (url.startsWith('did:') && !url.startsWith('did:key:'))
        throw new Error(`Document not found offline: ${url.split('#')[0]} (only did:key resolves without the network)`);
      return libraries.staticLoader(url);
    };
    const result = await libraries.vc.verifyCredential({
      credential,
      suite: [new libraries.DataIntegrityProof({ cryptosuite: libraries.eddsaRdfc2022 }), new libraries.Ed25519Signature2020()],
      documentLoader,
      // Status is reported separately as unchecked; the library is asked only about the proof.
      checkStatus: async () => ({ verified: true, results: [] }),
    });
    const log = result.log ?? result.error?.log ?? [];
    const signed = log.some((entry) => entry.id === 'valid_signature' && entry.valid);
    const checks = [check('signature', signed, signed ? `The ${suites} proof is valid` : signatureFailure(result))];
    const method = methods[0] ?? '';
    const controller = method.split('#')[0];
    if (method.startsWith('did:key:'))
      checks.push(
        check(
          'issuer',
          controller === issuerId,
          controller === issuerId
            ? `Signed by the issuer's own key (${controller})`
            : `Signed with ${controller}, which is not the issuer ${issuerId ?? '(none)'}`,
        ),
      );
    else if (HTTPS_MULTIKEY_VM.test(method))
      checks.push(
        check(
          'issuer',
          controller === issuerId,
          controller === issuerId
            ? `The key is taken from the verification method of ${controller}; offline, the issuer's site cannot confirm it is theirs`
            : `Signed with a key of ${controller}, which is not the issuer ${issuerId ?? '(none)'}`,
        ),
      );
    else
      checks.push(
        check(
          'issuer',
          false,
          `The key ${method || '(none)'} cannot be resolved offline (only did:key and https…#z6Mk… keys can)`,
        ),
      );
    return checks;
  }

  private verifyOb2(assertion: Json, input: BadgeInput, options: VerifyOptions): Verification {
    const problems: string[] = [];
    const badgeRef = assertion['badge'];
    let badgeClass = isObject(badgeRef) ? badgeRef : null;
    if (!badgeClass && typeof badgeRef === 'string') {
      if (isObject(input.badgeClass) && idOf(input.badgeClass) === badgeRef) badgeClass = input.badgeClass;
      else if (isObject(input.badgeClass))
        problems.push(`the badge class given (${idOf(input.badgeClass) ?? 'no id'}) is not the assertion's badge ${badgeRef}`);
      else problems.push(`the badge class ${badgeRef} is needed (it cannot be fetched offline): upload it too`);
    } else if (!badgeClass) problems.push('the assertion names no badge');
    const issuerRef = badgeClass?.['issuer'];
    let issuer = isObject(issuerRef) ? issuerRef : null;
    if (badgeClass && !issuer && typeof issuerRef === 'string') {
      if (isObject(input.issuer) && idOf(input.issuer) === issuerRef) issuer = input.issuer;
      else if (isObject(input.issuer))
        problems.push(`the issuer given (${idOf(input.issuer) ?? 'no id'}) is not the badge class's issuer ${issuerRef}`);
      else problems.push(`the issuer profile ${issuerRef} is needed (it cannot be fetched offline): upload it too`);
    } else if (badgeClass && !issuer) problems.push('the badge class names no issuer');

    if (!asString(assertion['id'])) problems.push('the assertion has no id');
    const recipient = isObject(assertion['recipient']) ? assertion['recipient'] : null;
    if (!recipient || !asString(recipient['identity']) || !asString(recipient['type']))
      problems.push('the assertion has no recipient identity and type');
    const awardedAt = dateIn(assertion['issuedOn'], options.timeZone);
    if (!awardedAt) problems.push('issuedOn is missing or not a date');
    const verification = isObject(assertion['verification']) ? assertion['verification'] : null;
    const verificationType = asString(verification?.['type'])?.toLowerCase() ?? null;
    if (!verificationType) problems.push('the assertion has no verification type');
    if (assertion['revoked'] === true) problems.push('the assertion is marked revoked');
    if (badgeClass) {
      if (!asString(badgeClass['name'])) problems.push('the badge class has no name');
      if (!badgeClass['criteria']) problems.push('the badge class has no criteria');
    }
    if (issuer && !asString(issuer['name'])) problems.push('the issuer has no name');

    const expiresRaw = assertion['expires'];
    const badge = summaryOf({
      format: 'ob2',
      achievementId: idOf(badgeRef),
      achievementName: asString(badgeClass?.['name']),
      issuerId: idOf(issuerRef),
      issuerName: asString(issuer?.['name']),
      awardedAt,
      expiresAt: dateIn(expiresRaw, options.timeZone),
      alignments: alignmentsOf(badgeClass?.['alignment']),
    });
    const checks: OpenBadgeCheckDto[] = [
      check('format', true, 'An Open Badges 2.0 assertion'),
      check(
        'structure',
        !problems.length,
        problems.length
          ? `Incomplete: ${problems.join('; ')}`
          : `Assertion, badge class "${badge.achievementName}" and issuer "${badge.issuerName}" are complete`,
      ),
      expiryCheck(awardedAt, badge.expiresAt, options.today, expiresRaw),
      check(
        'hosted-verification',
        false,
        verificationType === 'signedbadge' || verificationType === 'signed'
          ? 'A signed 2.0 badge (JWS) cannot be verified here: it is recorded as pending for HR to approve'
          : `Hosted verification needs ${asString(assertion['id']) ?? 'the assertion URL'} online: offline, the badge is recorded as pending for HR to approve`,
      ),
    ];
    if (options.recipientEmail !== undefined) {
      const identities =
        recipient && asString(recipient['type'])?.toLowerCase() === 'email' && asString(recipient['identity'])
          ? [
              {
                identity: String(recipient['identity']),
                hashed: recipient['hashed'] === true,
                salt: asString(recipient['salt']),
              },
            ]
          : [];
      checks.push(recipientCheck(identities, options.recipientEmail));
    }
    return finish(checks, badge);
  }
}
